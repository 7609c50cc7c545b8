import type { PlannedDeployment, PlannedItem } from '../generate/plan';
import { iso, type Millis } from '../generate/time';

/** GitHub GraphQL API v4 commit fields the importer selects. */
export interface DemoCommit {
  oid: string;
  message: string;
  authoredDate: string;
}

/** A pull request as GitHub's GraphQL API holds it, its connections unpaged. */
export interface DemoPullRequest {
  id: string;
  number: number;
  title: string;
  body: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
  merged: boolean;
  headRefName: string;
  mergeCommit: { oid: string } | null;
  commits: Array<{ commit: DemoCommit }>;
  reviews: Array<{ databaseId: number; state: string; submittedAt: string }>;
  timelineItems: Array<{ __typename: 'ClosedEvent'; createdAt: string }>;
}

/** A deployment as GitHub's REST API answers it, with its statuses (oldest first). */
export interface DemoDeployment {
  id: number;
  sha: string;
  ref: string;
  task: string;
  environment: string;
  created_at: string;
  updated_at: string;
  repository_url: string;
  statuses: Array<{
    id: number;
    state: string;
    environment: string;
    created_at: string;
    updated_at: string;
  }>;
}

/** A workflow run as GitHub's REST API answers it. */
export interface DemoWorkflowRun {
  id: number;
  name: string;
  head_sha: string;
  head_branch: string;
  status: string;
  conclusion: string | null;
  run_attempt: number;
  run_started_at: string;
  created_at: string;
  updated_at: string;
  repository: { full_name: string };
}

/** One repository's history as GitHub's APIs would hold it. */
export interface DemoRepository {
  owner: string;
  name: string;
  defaultBranch: string;
  pulls: DemoPullRequest[];
  /** On the default branch. */
  commits: DemoCommit[];
  deployments: DemoDeployment[];
  runs: DemoWorkflowRun[];
}

const latest = (times: Millis[]) => iso(Math.max(...times));

function pullRequest(
  item: PlannedItem,
  end: Millis,
): DemoPullRequest | undefined {
  const { pr, text, key } = item;
  if (pr.openedAt > end) return undefined;
  const merged = pr.mergedAt <= end;
  const branch = `${text.branchPrefix}/${key}-${text.slug}`;
  const commits = item.commits
    .filter(c => c.at <= end)
    .map(c => ({
      commit: {
        oid: c.sha,
        message: `${key} ${
          c.kind === 'fix' ? 'address review comments' : text.title
        }`,
        authoredDate: iso(c.at),
      },
    }));
  const reviews = pr.reviews
    .filter(r => r.at <= end)
    .map((r, i) => ({
      databaseId: pr.number * 100 + i,
      state: r.state.toUpperCase(),
      submittedAt: iso(r.at),
    }));
  const facts = [
    pr.openedAt,
    ...item.commits.map(c => c.at),
    ...pr.reviews.map(r => r.at),
    pr.mergedAt,
  ].filter(t => t <= end);
  return {
    id: `PR_demo${pr.number}`,
    number: pr.number,
    title: `${key}: ${text.title}`,
    body: `Implements ${key}.`,
    createdAt: iso(pr.openedAt),
    updatedAt: latest(facts),
    closedAt: merged ? iso(pr.mergedAt) : null,
    mergedAt: merged ? iso(pr.mergedAt) : null,
    merged,
    headRefName: branch,
    mergeCommit: merged ? { oid: pr.mergeSha } : null,
    commits,
    reviews,
    timelineItems: merged
      ? [{ __typename: 'ClosedEvent', createdAt: iso(pr.mergedAt) }]
      : [],
  };
}

function deployment(
  d: PlannedDeployment,
  repositoryUrl: string,
  end: Millis,
): DemoDeployment | undefined {
  if (d.startedAt > end) return undefined;
  const id = 7000 + d.number;
  const status = (n: number, state: string, at: Millis) => ({
    id: id * 10 + n,
    state,
    environment: d.environment,
    created_at: iso(at),
    updated_at: iso(at),
  });
  return {
    id,
    sha: d.commitSha,
    ref: 'main',
    task: 'deploy',
    environment: d.environment,
    created_at: iso(d.startedAt),
    updated_at: iso(Math.min(d.finishedAt, end)),
    repository_url: repositoryUrl,
    statuses: [
      status(0, 'in_progress', d.startedAt),
      ...(d.finishedAt <= end ? [status(1, d.status, d.finishedAt)] : []),
    ],
  };
}

/**
 * The demo plan of one service as its GitHub repository: a PR per item naming its Jira key
 * (commits, reviews, merge), merge commits on `main`, one
 * workflow run per build of a merge commit, deployments with their statuses. Only what
 * happened by `end`. Pure.
 */
export function githubRepository(
  repository: string,
  items: PlannedItem[],
  deployments: PlannedDeployment[],
  end: Millis,
): DemoRepository {
  const [owner, name] = repository.split('/');
  const repositoryUrl = `https://api.github.com/repos/${repository}`;
  const merged = items.filter(i => i.pr.mergedAt <= end);
  return {
    owner,
    name,
    defaultBranch: 'main',
    pulls: items.flatMap(i => pullRequest(i, end) ?? []),
    commits: merged.map(i => ({
      oid: i.pr.mergeSha,
      message: `${i.key}: ${i.text.title} (#${i.pr.number})`,
      authoredDate: iso(i.pr.mergedAt),
    })),
    deployments: deployments.flatMap(
      d => deployment(d, repositoryUrl, end) ?? [],
    ),
    runs: items.flatMap(i =>
      i.builds
        .filter(b => b.startedAt <= end)
        .map(b => ({
          id: 90_000 + b.number,
          name: 'CI',
          head_sha: i.pr.mergeSha,
          head_branch: 'main',
          status: b.finishedAt <= end ? 'completed' : 'in_progress',
          conclusion: b.finishedAt <= end ? b.status : null,
          run_attempt: 1,
          run_started_at: iso(b.startedAt),
          created_at: iso(b.startedAt),
          updated_at: iso(Math.min(b.finishedAt, end)),
          repository: { full_name: repository },
        })),
    ),
  };
}
