import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import type { GithubClient } from './githubClient';
import {
  deliveriesToEvents,
  deploymentDeliveries,
  issueDeliveries,
  pullRequestDeliveries,
  pushDelivery,
  workflowRunDelivery,
  type RestDeployment,
  type RestDeploymentStatus,
  type RestWorkflowRun,
} from './payloads';
import {
  COMMITS_PER_PAGE,
  DEFAULT_BRANCH_COMMITS_QUERY,
  ISSUE_TIMELINE_MORE_QUERY,
  ISSUES_PER_PAGE,
  ISSUES_QUERY,
  PULL_REQUEST_MORE_QUERY,
  PULL_REQUESTS_QUERY,
  PULLS_PER_PAGE,
} from './queries';
import type {
  Connection,
  GqlCommit,
  GqlIssue,
  GqlIssueTimelineItem,
  GqlPullRequest,
  PageInfo,
} from './types';

/** What a phase reads from: one repository, facts from `since` on, from `after` (its cursor). */
export interface PhaseInput {
  client: GithubClient;
  owner: string;
  name: string;
  since: Date;
  after: string | null;
}

/** One page of a phase; `after` resumes the phase, `null` when the phase is done. */
export interface PhasePage {
  events: CanonicalEvent[];
  items: number;
  after: string | null;
}

/** A kind of fact the importer reads, in order; the cursor names the phase and its position. */
export interface Phase {
  id: string;
  /** The GitHub App permission it needs (for the failure message). */
  appPermission: string;
  /** Yields at least one page (maybe empty), the last with `after: null`. */
  read(input: PhaseInput): AsyncGenerator<PhasePage>;
}

const next = (page: PageInfo) => (page.hasNextPage ? page.endCursor : null);

/** Completes a connection the page query cut short (a PR with > 100 commits, say). */
async function rest<T>(
  connection: Connection<T>,
  more: (after: string) => Promise<Connection<T>>,
) {
  let page = connection.pageInfo;
  while (page.hasNextPage && page.endCursor) {
    const answer = await more(page.endCursor);
    connection.nodes.push(...answer.nodes);
    page = answer.pageInfo;
  }
}

type MoreAnswer = {
  node: Partial<
    Pick<GqlPullRequest, 'commits' | 'reviews' | 'timelineItems'>
  > | null;
};

async function completePullRequest(client: GithubClient, pr: GqlPullRequest) {
  const ask = async (
    field: 'commits' | 'reviews' | 'timelineItems',
    after: string,
  ) => {
    const answer = await client.graphql<MoreAnswer>(PULL_REQUEST_MORE_QUERY, {
      id: pr.id,
      commits: field === 'commits',
      reviews: field === 'reviews',
      timeline: field === 'timelineItems',
      commitsAfter: after,
      reviewsAfter: after,
      timelineAfter: after,
    });
    return answer.node?.[field] as Connection<any>;
  };
  await rest(pr.commits, after => ask('commits', after));
  await rest(pr.reviews, after => ask('reviews', after));
  await rest(pr.timelineItems, after => ask('timelineItems', after));
}

type PullsAnswer = {
  repository: {
    nameWithOwner: string;
    defaultBranchRef: { name: string } | null;
    pullRequests: Connection<GqlPullRequest>;
  };
};

/** PRs by last update, newest first, until one was last updated before `since`. */
export const pullRequestsPhase: Phase = {
  id: 'pulls',
  appPermission: 'pull_requests:read and contents:read',
  async *read({ client, owner, name, since, after }) {
    let cursor = after;
    for (;;) {
      const { repository } = await client.graphql<PullsAnswer>(
        PULL_REQUESTS_QUERY,
        { owner, name, after: cursor, first: PULLS_PER_PAGE },
      );
      const ref = {
        fullName: repository.nameWithOwner,
        defaultBranch: repository.defaultBranchRef?.name,
      };
      const { nodes, pageInfo } = repository.pullRequests;
      const recent = nodes.filter(
        pr => Date.parse(pr.updatedAt) >= since.getTime(),
      );
      for (const pr of recent) await completePullRequest(client, pr);
      cursor = recent.length < nodes.length ? null : next(pageInfo);
      yield {
        events: deliveriesToEvents(
          recent.flatMap(pr => pullRequestDeliveries(ref, pr)),
        ),
        items: recent.length,
        after: cursor,
      };
      if (!cursor) return;
    }
  },
};

type IssuesAnswer = {
  repository: { nameWithOwner: string; issues: Connection<GqlIssue> };
};

/** Issues updated since `since`, oldest update first, with their timelines. */
export const issuesPhase: Phase = {
  id: 'issues',
  appPermission: 'issues:read',
  async *read({ client, owner, name, since, after }) {
    let cursor = after;
    for (;;) {
      const { repository } = await client.graphql<IssuesAnswer>(ISSUES_QUERY, {
        owner,
        name,
        after: cursor,
        since: since.toISOString(),
        first: ISSUES_PER_PAGE,
      });
      const ref = { fullName: repository.nameWithOwner };
      const { nodes, pageInfo } = repository.issues;
      for (const issue of nodes) {
        await rest(issue.timelineItems, async timelineAfter => {
          const answer = await client.graphql<{
            node: { timelineItems: Connection<GqlIssueTimelineItem> };
          }>(ISSUE_TIMELINE_MORE_QUERY, { id: issue.id, after: timelineAfter });
          return answer.node.timelineItems;
        });
      }
      cursor = next(pageInfo);
      yield {
        events: deliveriesToEvents(nodes.flatMap(i => issueDeliveries(ref, i))),
        items: nodes.length,
        after: cursor,
      };
      if (!cursor) return;
    }
  },
};

type CommitsAnswer = {
  repository: {
    nameWithOwner: string;
    defaultBranchRef: {
      name: string;
      target: { history?: Connection<GqlCommit> } | null;
    } | null;
  };
};

/** Commits on the default branch since `since` (each a `commit.pushed` to that branch). */
export const defaultBranchCommitsPhase: Phase = {
  id: 'commits',
  appPermission: 'contents:read',
  async *read({ client, owner, name, since, after }) {
    let cursor = after;
    for (;;) {
      const { repository } = await client.graphql<CommitsAnswer>(
        DEFAULT_BRANCH_COMMITS_QUERY,
        {
          owner,
          name,
          after: cursor,
          since: since.toISOString(),
          first: COMMITS_PER_PAGE,
        },
      );
      const branch = repository.defaultBranchRef;
      const history = branch?.target?.history;
      if (!branch || !history) {
        yield { events: [], items: 0, after: null }; // an empty repository
        return;
      }
      const ref = {
        fullName: repository.nameWithOwner,
        defaultBranch: branch.name,
      };
      cursor = next(history.pageInfo);
      yield {
        events: history.nodes.length
          ? deliveriesToEvents([pushDelivery(ref, branch.name, history.nodes)])
          : [],
        items: history.nodes.length,
        after: cursor,
      };
      if (!cursor) return;
    }
  },
};

const REST_PER_PAGE = 100;
const hasNextLink = (link: string | undefined) => /rel="next"/.test(link ?? '');

/** Deployments created since `since`, newest first (REST, page number cursor), with their statuses. */
export const deploymentsPhase: Phase = {
  id: 'deployments',
  appPermission: 'deployments:read',
  async *read({ client, owner, name, since, after }) {
    for (let page = Number(after ?? 1); ; page++) {
      const answer = await client.request(
        'GET /repos/{owner}/{repo}/deployments',
        {
          owner,
          repo: name,
          per_page: REST_PER_PAGE,
          page,
        },
      );
      const all = answer.data as RestDeployment[];
      const recent = all.filter(
        d => Date.parse(d.created_at) >= since.getTime(),
      );
      const deliveries = [];
      for (const deployment of recent) {
        const statuses = await client.request(
          'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
          {
            owner,
            repo: name,
            deployment_id: deployment.id,
            per_page: REST_PER_PAGE,
          },
        );
        deliveries.push(
          ...deploymentDeliveries(
            {
              fullName:
                deployment.repository_url?.match(
                  /\/repos\/([^/]+\/[^/]+)$/,
                )?.[1] ?? `${owner}/${name}`,
            },
            deployment,
            (statuses.data as RestDeploymentStatus[]).reverse(), // oldest first
          ),
        );
      }
      const done =
        recent.length < all.length || !hasNextLink(answer.headers.link);
      yield {
        events: deliveriesToEvents(deliveries),
        items: recent.length,
        after: done ? null : String(page + 1),
      };
      if (done) return;
    }
  },
};

/** Workflow runs created since `since` (REST, page number cursor): one build per run. */
export const workflowRunsPhase: Phase = {
  id: 'runs',
  appPermission: 'actions:read',
  async *read({ client, owner, name, since, after }) {
    for (let page = Number(after ?? 1); ; page++) {
      const answer = await client.request(
        'GET /repos/{owner}/{repo}/actions/runs',
        {
          owner,
          repo: name,
          per_page: REST_PER_PAGE,
          page,
          created: `>=${since.toISOString()}`,
        },
      );
      const runs = answer.data.workflow_runs as Array<
        RestWorkflowRun & { repository?: { full_name?: string } }
      >;
      const done = !hasNextLink(answer.headers.link);
      yield {
        events: deliveriesToEvents(
          runs.map(run =>
            workflowRunDelivery(
              { fullName: run.repository?.full_name ?? `${owner}/${name}` },
              run,
            ),
          ),
        ),
        items: runs.length,
        after: done ? null : String(page + 1),
      };
      if (done) return;
    }
  },
};

/** The phases in the order a run reads them: PRs, issues, commits, deployments, builds. */
export const PHASES: Phase[] = [
  pullRequestsPhase,
  issuesPhase,
  defaultBranchCommitsPhase,
  deploymentsPhase,
  workflowRunsPhase,
];
