import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { example, map } from '../__testUtils__/githubExamples';
import { GithubHistoryImporter } from './GithubHistoryImporter';
import { startFakeGithub, type FakeHistory } from './__testUtils__/fakeGithub';

/**
 * One repository's story told twice: as the webhooks GitHub delivers
 * (`@octokit/webhooks-examples`, edited into one consistent story) and as the answers its
 * APIs give for the same facts (GraphQL objects, REST objects). Import and webhooks must
 * give the very same events, so that each fact is stored once.
 */
const REPO = 'Codertocat/Hello-World';
const ISSUE_TITLE = 'Spelling error in the README file';
const PR_COMMIT = {
  sha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
  message: 'Update the README with new information',
  at: '2019-05-15T15:20:30Z',
};

function webhookStory(): Array<[string, any]> {
  const issue = (index: number, action: string, fields: object) => {
    const p = example('issues', index);
    p.action = action;
    Object.assign(p.issue, fields);
    return ['issues', p] as [string, any];
  };
  const pr = (index: number, fields: object) => {
    const p = example('pull_request', index);
    Object.assign(p.pull_request, fields);
    return ['pull_request', p] as [string, any];
  };
  const review = (id: number, state: string, at: string) => {
    const p = example('pull_request_review', 0);
    Object.assign(p.review, { id, state, submitted_at: at });
    return ['pull_request_review', p] as [string, any];
  };
  const push = (branch: string, commits: object[]) => {
    const p = example('push', 4);
    p.ref = `refs/heads/${branch}`;
    p.commits = commits;
    return ['push', p] as [string, any];
  };
  const deployment = example('deployment', 0);
  const status = example('deployment_status', 0);
  status.deployment = deployment.deployment;
  const run = example('workflow_run', 0);
  Object.assign(run.workflow_run, {
    status: 'completed',
    conclusion: 'success',
    updated_at: '2021-12-16T19:40:00Z',
  });
  run.workflow_run.repository.full_name = REPO;
  return [
    // issue #1: opened with `bug`, unlabelled, closed, reopened, renamed
    issue(15, 'opened', {}),
    ['issues', example('issues', 9)],
    issue(24, 'unlabeled', { labels: [] }),
    issue(15, 'closed', {
      labels: [],
      closed_at: '2019-05-15T15:21:00Z',
      updated_at: '2019-05-15T15:21:00Z',
    }),
    issue(15, 'reopened', {
      labels: [],
      closed_at: null,
      updated_at: '2019-05-15T15:22:00Z',
    }),
    issue(0, 'edited', {
      labels: [],
      title: 'Spelling error in README',
      updated_at: '2019-05-15T15:23:00Z',
    }),
    // PR #2: opened, a commit pushed to its branch, reviewed, closed, reopened, reviewed, merged
    pr(0, {}),
    push('changes', [
      {
        id: PR_COMMIT.sha,
        message: PR_COMMIT.message,
        timestamp: PR_COMMIT.at,
      },
    ]),
    review(237895671, 'commented', '2019-05-15T15:20:38Z'),
    pr(3, {}),
    pr(18, { updated_at: '2019-05-15T15:22:00Z' }),
    review(237895672, 'approved', '2019-05-15T15:29:00Z'),
    pr(3, {
      merged: true,
      merged_at: '2019-05-15T15:30:00Z',
      closed_at: '2019-05-15T15:30:00Z',
      updated_at: '2019-05-15T15:30:00Z',
    }),
    // the default branch, a deployment and its status, a workflow run
    push('master', example('push', 4).commits),
    ['deployment', deployment],
    ['deployment_status', status],
    ['workflow_run', run],
  ];
}

function apiStory(): FakeHistory {
  const pr = example('pull_request', 0).pull_request;
  const initial = example('push', 4).commits[0];
  const deployment = example('deployment', 0).deployment;
  const status = example('deployment_status', 0).deployment_status;
  const run = webhookStory().at(-1)![1].workflow_run;
  return {
    owner: 'Codertocat',
    name: 'Hello-World',
    defaultBranch: 'master',
    issues: [
      {
        id: 'MDU6SXNzdWU0NDQ1MDAwNDE=',
        number: 1,
        title: 'Spelling error in README',
        createdAt: '2019-05-15T15:20:18Z',
        updatedAt: '2019-05-15T15:23:00Z',
        closedAt: null,
        labels: { nodes: [] },
        timelineItems: [
          {
            __typename: 'LabeledEvent',
            createdAt: '2019-05-15T15:20:18Z',
            label: { name: 'bug' },
          },
          {
            __typename: 'UnlabeledEvent',
            createdAt: '2019-05-15T15:20:26Z',
            label: { name: 'bug' },
          },
          { __typename: 'ClosedEvent', createdAt: '2019-05-15T15:21:00Z' },
          { __typename: 'ReopenedEvent', createdAt: '2019-05-15T15:22:00Z' },
          {
            __typename: 'RenamedTitleEvent',
            createdAt: '2019-05-15T15:23:00Z',
            previousTitle: ISSUE_TITLE,
            currentTitle: 'Spelling error in README',
          },
        ],
      },
    ],
    pulls: [
      {
        id: 'MDExOlB1bGxSZXF1ZXN0Mjc5MTQ3NDM3',
        number: 2,
        title: pr.title,
        body: pr.body,
        createdAt: '2019-05-15T15:20:33Z',
        updatedAt: '2019-05-15T15:30:00Z',
        closedAt: '2019-05-15T15:30:00Z',
        mergedAt: '2019-05-15T15:30:00Z',
        merged: true,
        headRefName: 'changes',
        mergeCommit: { oid: 'c4295bd74fb0f4fda03689c3df3f2803b658fd85' },
        commits: [
          {
            oid: PR_COMMIT.sha,
            message: PR_COMMIT.message,
            authoredDate: PR_COMMIT.at,
          },
        ],
        reviews: [
          {
            databaseId: 237895671,
            state: 'COMMENTED',
            submittedAt: '2019-05-15T15:20:38Z',
          },
          {
            databaseId: 237895672,
            state: 'APPROVED',
            submittedAt: '2019-05-15T15:29:00Z',
          },
        ],
        timelineItems: [
          { __typename: 'ClosedEvent', createdAt: '2019-05-15T15:21:18Z' },
          { __typename: 'ReopenedEvent', createdAt: '2019-05-15T15:22:00Z' },
          { __typename: 'ClosedEvent', createdAt: '2019-05-15T15:30:00Z' },
        ],
      },
    ],
    commits: [
      {
        oid: initial.id,
        message: initial.message,
        authoredDate: initial.timestamp,
      },
    ],
    // GitHub's REST answers carry the same objects as its webhooks
    deployments: [{ ...deployment, statuses: [status] }],
    runs: [run],
  };
}

describe('import and webhooks give the same events for the same facts', () => {
  it('matches event for event: ids, types, times and data', async () => {
    const fromWebhooks = webhookStory().flatMap(([name, payload]) =>
      map(name, payload),
    );
    const fake = await startFakeGithub(apiStory());
    try {
      const importer = GithubHistoryImporter.fromConfig(
        new ConfigReader({
          integrations: {
            github: [
              {
                host: 'github.com',
                apiBaseUrl: fake.apiBaseUrl,
                token: fake.token,
              },
            ],
          },
        }),
        { client: { graphqlIntervalMs: 0 } },
      );
      const fromImport = [];
      for await (const page of importer.pages({
        entityRef: 'component:default/hello',
        scope: REPO,
        cursor: null,
        since: new Date('2019-01-01T00:00:00Z'),
        signal: new AbortController().signal,
        logger: mockServices.logger.mock(),
      }))
        fromImport.push(...page.events);
      const byId = (a: { id: string }, b: { id: string }) =>
        a.id.localeCompare(b.id);
      expect(fromWebhooks).toHaveLength(18); // the run: started and finished
      // A push lists each commit's files; GitHub's commit history API does not, so an
      // imported default-branch commit has unknown files (DESIGN §13: every entity of
      // its repository) until a push delivers them. Everything else is equal.
      const withoutPushFiles = fromWebhooks.map(e => {
        if (e.type !== 'commit.pushed') return e;
        const { files: _files, ...data } = e.data as Record<string, unknown>;
        return { ...e, data };
      });
      expect(fromWebhooks.some(e => e.data.files)).toBe(true);
      expect([...fromImport].sort(byId)).toEqual(
        [...withoutPushFiles].sort(byId),
      );
    } finally {
      await fake.close();
    }
  });
});
