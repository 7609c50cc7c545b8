import type { Payload } from '../mapping/util';

// REST v4 objects, the fields read here (docs.gitlab.com/api: projects, merge_requests,
// commits, issues, pipelines, deployments).

/** `GET /projects/:id` */
export interface ApiProject {
  id: number;
  path_with_namespace: string;
  default_branch: string | null;
  web_url: string;
}

/** An item of `GET /projects/:id/merge_requests` */
export interface ApiMergeRequest {
  id: number;
  iid: number;
  title: string;
  description: string | null;
  source_branch: string;
  source_project_id?: number;
  target_project_id?: number;
  state: string;
  created_at: string;
  updated_at: string;
  merged_at?: string | null;
  closed_at?: string | null;
  merge_commit_sha?: string | null;
  squash_commit_sha?: string | null;
}

/** An item of `GET /projects/:id/merge_requests/:iid/commits` */
export interface ApiCommit {
  id: string;
  message: string;
  committed_date: string;
}

/** An item of `GET /projects/:id/issues` */
export interface ApiIssue {
  id: number;
  iid: number;
  title: string;
  labels: string[];
  state: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  /** Premium: the issue's iteration now (`start_date`, `due_date` as `YYYY-MM-DD`). */
  iteration?: {
    id: number;
    iid?: number;
    title?: string | null;
    start_date?: string | null;
    due_date?: string | null;
  } | null;
}

/** `GET /projects/:id/pipelines/:id` (the list lacks `finished_at`) */
export interface ApiPipeline {
  id: number;
  sha: string;
  status: string;
  updated_at: string;
  name?: string | null;
  created_at: string;
  finished_at?: string | null;
}

/** An item of `GET /projects/:id/deployments` */
export interface ApiDeployment {
  id: number;
  sha: string;
  ref: string;
  status: string;
  created_at: string;
  updated_at: string;
  environment: { name: string; tier?: string };
  deployable?: { started_at?: string | null } | null;
}

/**
 * A time as GitLab writes it in webhooks (`2016-08-22 20:41:06 UTC`, second precision):
 * some webhook event ids carry `updated_at` verbatim, so the import must spell it alike.
 */
export function hookTime(value: string): string {
  const t = new Date(value).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 19)} UTC`;
}

const hookProject = (p: ApiProject) => ({
  id: p.id,
  path_with_namespace: p.path_with_namespace,
  default_branch: p.default_branch,
  web_url: p.web_url,
});

/**
 * The Merge Request Hooks an MR's current state implies: `open`, then `merge` (at
 * `merged_at`) or `close` (at `closed_at`). GitLab sets `updated_at` with the state, so
 * those times are the hook's `updated_at`. Pure.
 */
export function mergeRequestHooks(
  project: ApiProject,
  mr: ApiMergeRequest,
  /** Its files (`diffs`), which hooks do not carry: the mapping reads them. */
  files?: string[],
): Payload[] {
  const hook = (action: string, updatedAt: string) => ({
    object_kind: 'merge_request',
    event_type: 'merge_request',
    project: hookProject(project),
    object_attributes: {
      iid: mr.iid,
      title: mr.title,
      description: mr.description,
      source_branch: mr.source_branch,
      state: mr.state,
      created_at: hookTime(mr.created_at),
      updated_at: hookTime(updatedAt),
      merge_commit_sha: mr.merge_commit_sha ?? null,
      squash_commit_sha: mr.squash_commit_sha ?? null,
      action,
      ...(files?.length ? { files } : {}),
    },
  });
  const hooks = [hook('open', mr.created_at)];
  if (mr.state === 'merged')
    hooks.push(hook('merge', mr.merged_at ?? mr.updated_at));
  if (mr.state === 'closed')
    hooks.push(hook('close', mr.closed_at ?? mr.updated_at));
  return hooks;
}

/**
 * The Push Hook that brought an MR's commits to its source branch (the commit's
 * `timestamp` in a push is its `committed_date`). Pure.
 */
export function pushHook(
  project: ApiProject,
  branch: string,
  commits: ApiCommit[],
): Payload {
  return {
    object_kind: 'push',
    event_name: 'push',
    ref: `refs/heads/${branch}`,
    project: hookProject(project),
    commits: commits.map(c => ({
      id: c.id,
      message: c.message,
      timestamp: c.committed_date,
    })),
  };
}

/** An item of `GET /projects/:id/issues/:iid/resource_state_events` */
export interface ApiStateEvent {
  id: number;
  created_at: string;
  state: string;
}

/** An item of `GET /projects/:id/issues/:iid/resource_iteration_events` (Premium) */
export interface ApiIterationEvent {
  id: number;
  created_at: string;
  action: string;
  iteration: NonNullable<ApiIssue['iteration']>;
}

/**
 * The iteration changes of an issue's iteration events, oldest first, one per second (the
 * hooks' time precision, part of their event id): the last event of a second is the state
 * it left (a remove and an add in one second is a move to the added iteration).
 */
function iterationChanges(events: ApiIterationEvent[]) {
  const bySecond = new Map<string, ApiIterationEvent>();
  for (const e of [...events].sort(
    (a, b) =>
      Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id,
  ))
    if (e.action === 'add' || e.action === 'remove')
      bySecond.set(hookTime(e.created_at), e);
  let previous: number | null = null;
  return [...bySecond.values()].map(e => {
    const change = {
      at: e.created_at,
      iteration: e.action === 'add' ? e.iteration : null,
      previous,
    };
    previous = e.action === 'add' ? e.iteration.id : null;
    return change;
  });
}

/**
 * The Issue Hooks of an issue: `open`, then a `close` or `reopen` per state event (each
 * at its time, as the hook's `updated_at`). Without state events (none read, or an issue
 * older than them) a closed issue gets one `close` at `closed_at`. Each iteration event
 * is an `update` changing `iteration_id` at its time (to null on a remove); without any
 * (none read: not Premium, older GitLab) the current iteration is set at the creation. Pure.
 */
export function issueHooks(
  project: ApiProject,
  issue: ApiIssue,
  stateEvents: ApiStateEvent[] = [],
  iterationEvents: ApiIterationEvent[] = [],
): Payload[] {
  const labels = issue.labels.map(title => ({ title }));
  const hook = (action: string, updatedAt: string, closedAt?: string) => ({
    object_kind: 'issue',
    event_type: 'issue',
    project: hookProject(project),
    labels,
    object_attributes: {
      iid: issue.iid,
      title: issue.title,
      created_at: hookTime(issue.created_at),
      updated_at: hookTime(updatedAt),
      closed_at: closedAt ? hookTime(closedAt) : null,
      labels,
      action,
    },
  });
  const hooks: Payload[] = [hook('open', issue.created_at)];
  const changes = stateEvents.filter(e =>
    ['closed', 'reopened'].includes(e.state),
  );
  for (const e of changes)
    hooks.push(
      e.state === 'closed'
        ? hook('close', e.created_at, e.created_at)
        : hook('reopen', e.created_at),
    );
  if (!changes.length && issue.state === 'closed') {
    const closedAt = issue.closed_at ?? issue.updated_at;
    hooks.push(hook('close', closedAt, closedAt));
  }
  const iterationUpdate = (
    at: string,
    iteration: ApiIssue['iteration'],
    previous: number | null,
  ) => {
    const update: Payload = hook('update', at);
    update.object_attributes.iteration = iteration ?? null;
    update.changes = {
      iteration_id: { previous, current: iteration?.id ?? null },
    };
    return update;
  };
  const moves = iterationChanges(iterationEvents);
  if (moves.length)
    hooks.push(
      ...moves.map(c => iterationUpdate(c.at, c.iteration, c.previous)),
    );
  // Without its history, the current iteration as of the creation.
  else if (issue.iteration)
    hooks.splice(
      1,
      0,
      iterationUpdate(issue.created_at, issue.iteration, null),
    );
  return hooks;
}

/** The Pipeline Hook of a pipeline in its current status. Pure. */
export function pipelineHook(project: ApiProject, p: ApiPipeline): Payload {
  return {
    object_kind: 'pipeline',
    project: hookProject(project),
    object_attributes: {
      id: p.id,
      name: p.name ?? null,
      sha: p.sha,
      status: p.status,
      created_at: hookTime(p.created_at),
      finished_at: p.finished_at ? hookTime(p.finished_at) : null,
    },
  };
}

const DEPLOYMENT_FINISHED = ['success', 'failed', 'canceled'];

/**
 * The Deployment Hooks a deployment's status implies: `running` (at its job's start),
 * then the final status at `updated_at` (set with the status). Pure.
 */
export function deploymentHooks(
  project: ApiProject,
  d: ApiDeployment,
): Payload[] {
  const hook = (status: string, at: string) => ({
    object_kind: 'deployment',
    status,
    status_changed_at: hookTime(at),
    deployment_id: d.id,
    environment: d.environment.name,
    environment_tier: d.environment.tier,
    short_sha: d.sha.slice(0, 8),
    commit_url: `${project.web_url}/-/commit/${d.sha}`,
    ref: d.ref,
    project: hookProject(project),
  });
  if (d.status !== 'running' && !DEPLOYMENT_FINISHED.includes(d.status))
    return [];
  const hooks = [hook('running', d.deployable?.started_at ?? d.created_at)];
  if (d.status !== 'running') hooks.push(hook(d.status, d.updated_at));
  return hooks;
}
