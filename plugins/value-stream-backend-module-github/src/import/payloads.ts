import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { githubToEvents } from '../mapping';
import type {
  GqlCommit,
  GqlIssue,
  GqlPullRequest,
  RepositoryRef,
} from './types';

/**
 * A webhook delivery rebuilt from API answers: the event name and the payload fields the
 * mapping (src/mapping/) reads. The importer turns history into these and maps them with the
 * webhook mapping itself, so an imported fact is the very event its webhook gives (same id,
 * type, time and data) and import + webhooks dedupe.
 */
export interface Delivery {
  name: string;
  payload: Record<string, unknown>;
}

/** Canonical events of rebuilt deliveries, through the webhook mapping. */
export function deliveriesToEvents(deliveries: Delivery[]): CanonicalEvent[] {
  return deliveries.flatMap(d =>
    githubToEvents(d.payload, { 'x-github-event': d.name }),
  );
}

const repo = (r: RepositoryRef) => ({
  full_name: r.fullName,
  default_branch: r.defaultBranch,
});

const byTime = <T extends { createdAt: string }>(items: T[]) =>
  [...items].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));

/** A `push` of commits to a branch (the PR's head branch, or the default branch). */
export function pushDelivery(
  repository: RepositoryRef,
  branch: string,
  commits: GqlCommit[],
): Delivery {
  return {
    name: 'push',
    payload: {
      ref: `refs/heads/${branch}`,
      deleted: false,
      repository: repo(repository),
      commits: commits.map(c => ({
        id: c.oid,
        message: c.message,
        timestamp: c.authoredDate,
      })),
    },
  };
}

/**
 * A PR's deliveries: opened, each close and reopen from its timeline (the last close of a
 * merged PR is its merge), each submitted review, and a push of its commits to its branch.
 */
export function pullRequestDeliveries(
  repository: RepositoryRef,
  pr: GqlPullRequest,
): Delivery[] {
  // All its files, or none: a partial list would take the PR from a folder it touches.
  const files =
    pr.files && !pr.files.pageInfo.hasNextPage
      ? pr.files.nodes.map(f => f.path)
      : [];
  const base = {
    number: pr.number,
    title: pr.title,
    body: pr.body,
    head: { ref: pr.headRefName },
    created_at: pr.createdAt,
    ...(files.length ? { files } : {}),
  };
  const delivery = (action: string, fields: object): Delivery => ({
    name: 'pull_request',
    payload: {
      action,
      repository: repo(repository),
      pull_request: { ...base, ...fields },
    },
  });
  const out: Delivery[] = [
    delivery('opened', { updated_at: pr.createdAt, merged: false }),
  ];
  const timeline = byTime(pr.timelineItems.nodes);
  const closes = timeline.filter(t => t.__typename === 'ClosedEvent');
  const lastClose = closes[closes.length - 1];
  for (const item of timeline) {
    if (item.__typename === 'ReopenedEvent') {
      out.push(delivery('reopened', { updated_at: item.createdAt }));
    } else if (!(pr.merged && item === lastClose)) {
      out.push(
        delivery('closed', {
          merged: false,
          closed_at: item.createdAt,
          updated_at: item.createdAt,
        }),
      );
    }
  }
  if (pr.merged) {
    out.push(
      delivery('closed', {
        merged: true,
        merged_at: pr.mergedAt,
        merge_commit_sha: pr.mergeCommit?.oid,
        closed_at: pr.closedAt,
        updated_at: pr.mergedAt,
      }),
    );
  } else if (pr.closedAt && !closes.length) {
    // timeline not readable (or empty): the PR's current close is still a fact
    out.push(
      delivery('closed', {
        merged: false,
        closed_at: pr.closedAt,
        updated_at: pr.closedAt,
      }),
    );
  }
  for (const review of pr.reviews.nodes) {
    if (!review.submittedAt) continue; // pending: not submitted, no webhook yet
    out.push({
      name: 'pull_request_review',
      payload: {
        action: 'submitted',
        repository: repo(repository),
        pull_request: { number: pr.number },
        review: {
          id: review.databaseId,
          state: review.state.toLowerCase(),
          submitted_at: review.submittedAt,
        },
      },
    });
  }
  const commits = pr.commits.nodes.map(n => n.commit);
  if (commits.length)
    out.push(pushDelivery(repository, pr.headRefName, commits));
  return out;
}

const sortLabels = (labels: Iterable<string>) =>
  [...labels].sort((a, b) => a.localeCompare(b));

/**
 * An issue's deliveries: opened (with its first title and the labels it was opened with),
 * then each label change, rename, close and reopen from its timeline, at its own time.
 * Labels over time are replayed backwards from today's labels through the timeline.
 */
export function issueDeliveries(
  repository: RepositoryRef,
  issue: GqlIssue,
): Delivery[] {
  const timeline = byTime(issue.timelineItems.nodes);
  type Item = (typeof timeline)[number];
  const apply = (set: Set<string>, item: Item, undo = false) => {
    if (
      item.__typename !== 'LabeledEvent' &&
      item.__typename !== 'UnlabeledEvent'
    )
      return;
    const add = (item.__typename === 'LabeledEvent') !== undo;
    if (add) set.add(item.label.name);
    else set.delete(item.label.name);
  };
  // today's labels, with every change undone: the labels before the first change
  const labels = new Set(issue.labels.nodes.map(l => l.name));
  for (const item of [...timeline].reverse()) apply(labels, item, true);
  // labels given when opening are in the `opened` payload (and have `labeled` deliveries too)
  const createdMs = Date.parse(issue.createdAt);
  const atOpen = new Set(labels);
  for (const item of timeline.filter(t => Date.parse(t.createdAt) <= createdMs))
    apply(atOpen, item);
  const renames = timeline.filter(t => t.__typename === 'RenamedTitleEvent');
  let title =
    renames[0]?.__typename === 'RenamedTitleEvent'
      ? renames[0].previousTitle
      : issue.title;
  const toLabels = (set: Set<string>) =>
    sortLabels(set).map(name => ({ name }));
  const delivery = (
    action: string,
    fields: object,
    extra: object = {},
  ): Delivery => ({
    name: 'issues',
    payload: {
      action,
      repository: repo(repository),
      ...extra,
      issue: {
        number: issue.number,
        title,
        created_at: issue.createdAt,
        labels: toLabels(labels),
        ...fields,
      },
    },
  });
  const out: Delivery[] = [
    delivery('opened', {
      updated_at: issue.createdAt,
      labels: toLabels(atOpen),
    }),
  ];
  for (const item of timeline) {
    const at = { updated_at: item.createdAt };
    switch (item.__typename) {
      case 'LabeledEvent':
      case 'UnlabeledEvent':
        apply(labels, item);
        out.push(
          delivery(
            item.__typename === 'LabeledEvent' ? 'labeled' : 'unlabeled',
            at,
            { label: { name: item.label.name } },
          ),
        );
        break;
      case 'RenamedTitleEvent':
        title = item.currentTitle;
        out.push(delivery('edited', at));
        break;
      case 'ClosedEvent':
        out.push(delivery('closed', { ...at, closed_at: item.createdAt }));
        break;
      case 'ReopenedEvent':
        out.push(delivery('reopened', { ...at, closed_at: null }));
        break;
      case 'MilestonedEvent':
      case 'DemilestonedEvent': {
        // the timeline names the milestone; its dates are known for the current one
        const now = issue.milestone;
        const milestone =
          now && now.title === item.milestoneTitle
            ? {
                title: now.title,
                created_at: now.createdAt,
                due_on: now.dueOn,
              }
            : { title: item.milestoneTitle };
        out.push(
          delivery(
            item.__typename === 'MilestonedEvent'
              ? 'milestoned'
              : 'demilestoned',
            at,
            { milestone },
          ),
        );
        break;
      }
      default:
    }
  }
  return out;
}

/** The fields of a REST deployment (`GET /repos/{owner}/{repo}/deployments`) the mapping reads. */
export interface RestDeployment {
  id: number;
  /** `https://api.github.com/repos/{owner}/{repo}`: the repository as GitHub spells it. */
  repository_url?: string;
  sha: string;
  environment: string;
  created_at: string;
}

/** The fields of a REST deployment status (`GET …/deployments/{id}/statuses`) the mapping reads. */
export interface RestDeploymentStatus {
  id: number;
  state: string;
  created_at: string;
}

/** A deployment's `deployment` created delivery and one `deployment_status` per status. */
export function deploymentDeliveries(
  repository: RepositoryRef,
  deployment: RestDeployment,
  statuses: RestDeploymentStatus[],
): Delivery[] {
  return [
    {
      name: 'deployment',
      payload: { action: 'created', repository: repo(repository), deployment },
    },
    ...statuses.map(status => ({
      name: 'deployment_status',
      payload: {
        action: 'created',
        repository: repo(repository),
        deployment,
        deployment_status: status,
      },
    })),
  ];
}

/** The fields of a REST workflow run (`GET /repos/{owner}/{repo}/actions/runs`) the mapping reads. */
export interface RestWorkflowRun {
  id: number;
  name?: string | null;
  head_sha: string;
  status: string | null;
  conclusion: string | null;
  run_attempt?: number;
  run_started_at?: string;
  created_at: string;
  updated_at: string;
}

/** A run as its last `workflow_run` delivery: completed, or in progress. */
export function workflowRunDelivery(
  repository: RepositoryRef,
  run: RestWorkflowRun,
): Delivery {
  return {
    name: 'workflow_run',
    payload: {
      action: run.status === 'completed' ? 'completed' : 'in_progress',
      repository: repo(repository),
      workflow_run: run,
    },
  };
}
