import type { FakeHistory } from './fakeGithub';

const HOUR = 3600_000;
const at = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const sha = (prefix: string, n: number) =>
  `${prefix}${n.toString(16).padStart(8, '0')}`.padEnd(40, 'a');

export interface HistorySize {
  pulls?: number;
  commitsPerPull?: number;
  issues?: number;
  commits?: number;
  deployments?: number;
  runs?: number;
  /** Hours between consecutive facts (default 1); every offset scales with it. */
  stepHours?: number;
  /**
   * The newest PRs close the issues, one each (body `Closes #n`, the issue closed when its
   * PR merges): issue i is opened a step before its PR, so items have a whole journey.
   */
  pullsCloseIssues?: boolean;
}

/**
 * A generated history of `acme/shop`, one fact per step (an hour) back from `end`: merged PRs with
 * commits and an approving review, issues labelled and closed, default-branch commits,
 * deployments with a pending and a success status, completed workflow runs. Deployments
 * and runs are of the PRs' merge commits, newest PR first.
 */
export function generateHistory(
  size: HistorySize,
  end = Date.parse('2026-12-01T00:00:00Z'),
): FakeHistory {
  const {
    pulls = 0,
    commitsPerPull = 2,
    issues = 0,
    commits = 0,
    deployments = 0,
    runs = 0,
    stepHours = 1,
    pullsCloseIssues = false,
  } = size;
  const t = (hoursAgo: number) => at(end - hoursAgo * stepHours * HOUR);
  // the PR (index) that closes issue i: the one opened a step after it
  const closerOf = (i: number) =>
    pullsCloseIssues && pulls - issues + i >= 0 ? pulls - issues + i : null;
  const issueOf = (pr: number) =>
    pullsCloseIssues && pr - (pulls - issues) >= 0
      ? 10_000 + pr - (pulls - issues)
      : null;
  return {
    owner: 'acme',
    name: 'shop',
    defaultBranch: 'main',
    pulls: Array.from({ length: pulls }, (_, i) => {
      const n = i + 1;
      const opened = pulls - i + 2; // steps ago; later PRs are newer
      const closes = issueOf(i);
      return {
        id: `PR_${n}`,
        number: n,
        title: `SHOP-${n} change ${n}`,
        body: closes === null ? null : `Closes #${closes}`,
        createdAt: t(opened),
        updatedAt: t(opened - 2),
        closedAt: t(opened - 2),
        mergedAt: t(opened - 2),
        merged: true,
        headRefName: `feature/${n}`,
        mergeCommit: { oid: sha('e', n) },
        commits: Array.from({ length: commitsPerPull }, (__, c) => ({
          oid: sha(`c${n.toString(16).padStart(6, '0')}`, c),
          message: `SHOP-${n} step ${c}`,
          authoredDate: t(opened + 1 - c * 0.1),
        })),
        reviews: [
          {
            databaseId: 1000 + n,
            state: 'APPROVED',
            submittedAt: t(opened - 1),
          },
        ],
        timelineItems: [
          { __typename: 'ClosedEvent', createdAt: t(opened - 2) },
        ],
      };
    }),
    issues: Array.from({ length: issues }, (_, i) => {
      const n = 10_000 + i;
      const opened = issues - i + 3;
      // closed when its PR merges (see pulls), else two steps after opening
      const closed = closerOf(i) === null ? opened - 2 : opened - 3;
      return {
        id: `I_${n}`,
        number: n,
        title: `Issue ${n}`,
        createdAt: t(opened),
        updatedAt: t(closed),
        closedAt: t(closed),
        labels: { nodes: [{ name: 'bug' }] },
        timelineItems: [
          {
            __typename: 'LabeledEvent',
            createdAt: t(opened - 1),
            label: { name: 'bug' },
          },
          { __typename: 'ClosedEvent', createdAt: t(closed) },
        ],
      };
    }),
    commits: Array.from({ length: commits }, (_, i) => ({
      oid: sha('d', i + 1),
      message: `commit ${i + 1}`,
      authoredDate: t(commits - i),
    })),
    deployments: Array.from({ length: deployments }, (_, i) => {
      const id = 500 + i;
      const created = deployments - i + 1;
      return {
        url: `https://api.github.com/repos/acme/shop/deployments/${id}`,
        id,
        node_id: `DE_${id}`,
        sha: sha('e', i + 1),
        ref: 'main',
        task: 'deploy',
        payload: {},
        environment: 'production',
        description: null,
        creator: null,
        created_at: t(created),
        updated_at: t(created),
        statuses_url: '',
        repository_url: 'https://api.github.com/repos/acme/shop',
        statuses: [
          { id: id * 10, state: 'pending', created_at: t(created - 0.1) },
          { id: id * 10 + 1, state: 'success', created_at: t(created - 0.2) },
        ].map(s => ({
          ...s,
          url: '',
          node_id: `DES_${s.id}`,
          creator: null,
          description: '',
          environment: 'production',
          target_url: '',
          created_at: s.created_at,
          updated_at: s.created_at,
          deployment_url: '',
          repository_url: 'https://api.github.com/repos/acme/shop',
        })) as any,
      } as FakeHistory['deployments'][number];
    }),
    runs: Array.from({ length: runs }, (_, i) => {
      const id = 9000 + i;
      return {
        id,
        name: 'CI',
        head_sha: sha('e', i + 1),
        status: 'completed',
        conclusion: i % 5 === 0 ? 'failure' : 'success',
        run_attempt: 1,
        run_started_at: t(runs - i + 1),
        created_at: t(runs - i + 1),
        updated_at: t(runs - i + 0.5),
        repository: { full_name: 'acme/shop' },
      } as unknown as FakeHistory['runs'][number];
    }),
  };
}
