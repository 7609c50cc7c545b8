import type {
  EventData,
  ItemType,
} from '@valuestream/backstage-plugin-value-stream-common';
import type {
  Build,
  Commit,
  Deployment,
  EnvClass,
  Incident,
  PullRequest,
} from '../model/artifacts';
import type { StoredEvent } from '../model/events';
import { prId } from '../model/subjects';
import type { ItemAttributes } from './buildJourney';

/*
 * Pure folds of an artifact's whole event history into its current state. Events are
 * taken in (occurredAt, source, id) order, so the result never depends on arrival order.
 */

function cmp(a: string, b: string) {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
export const byTime = (a: StoredEvent, b: StoredEvent) =>
  a.at - b.at || cmp(a.source, b.source) || cmp(a.id, b.id);
// Event data of each artifact, as validated on ingest (eventDataSchemas).
type CommitData = EventData<'commit.pushed'>;
/** `pull_request.opened`, `.merged` and `.closed` share one schema. */
type PullRequestData = EventData<'pull_request.opened'>;
type BuildData = EventData<'build.finished'>;
type DeploymentData = EventData<'deployment.finished'>;
type IncidentData = EventData<'incident.opened'>;
/** `work_item.updated`: the attributes of `work_item.created`, all optional. */
type ItemData = EventData<'work_item.updated'>;
const data = <D>(e: StoredEvent) => e.data as D;
const ms = (iso: string | undefined) => (iso ? Date.parse(iso) : undefined);

export function isDefaultBranch(
  branch: string | undefined,
  defaultBranch: string | undefined,
) {
  if (!branch) return false;
  const b = branch.replace(/^refs\/heads\//, '');
  return defaultBranch ? b === defaultBranch : b === 'main' || b === 'master';
}

export function foldCommit(events: StoredEvent[]): Commit {
  const sorted = [...events].sort(byTime);
  const first = sorted[0];
  const d = data<CommitData>(first);
  return {
    sha: d.sha,
    repository: sorted.find(e => e.repository)?.repository ?? null,
    message: d.message,
    branch: sorted.map(e => data<CommitData>(e).branch).find(Boolean) ?? null,
    onDefault: sorted.some(e =>
      isDefaultBranch(
        data<CommitData>(e).branch,
        data<CommitData>(e).defaultBranch,
      ),
    ),
    authoredAt:
      ms(sorted.map(e => data<CommitData>(e).authoredAt).find(Boolean)) ??
      first.at,
    pushedAt: first.at,
    ...filesOf(sorted.map(e => data<CommitData>(e).files)),
  };
}

/** The union of the events' file lists, sorted; nothing when none lists any (DESIGN §13). */
function filesOf(lists: (readonly string[] | undefined)[]): {
  files?: string[];
} {
  const files = new Set(lists.flatMap(l => l ?? []));
  return files.size ? { files: [...files].sort() } : {};
}

function prState(
  mergedAt: number | null,
  closedAt: number | null,
): PullRequest['state'] {
  if (mergedAt !== null) return 'merged';
  return closedAt !== null ? 'closed' : 'open';
}

const isReview = (e: StoredEvent) => e.type === 'pull_request.reviewed';

/** Whether a PR history holds more than reviews (only those make no PR row yet). */
export const hasPullRequestState = (events: readonly StoredEvent[]) =>
  events.some(e => !isReview(e));

/**
 * A PR from its history: opened/merged/closed events give its state, the earliest
 * `pull_request.reviewed` its first review (DESIGN §13), whatever the arrival order.
 * Needs one event that is not a review (`hasPullRequestState`).
 */
export function foldPullRequest(events: StoredEvent[]): PullRequest {
  const all = [...events].sort(byTime);
  const firstReviewedAt = all.find(isReview)?.at ?? null;
  const sorted = all.filter(e => !isReview(e));
  const last = sorted[sorted.length - 1];
  const firstAt = (type: string) =>
    sorted.find(e => e.type === type)?.at ?? null;
  const merged = sorted.find(e => e.type === 'pull_request.merged');
  const opened = firstAt('pull_request.opened');
  const mergedAt = merged?.at ?? null;
  const closedAt = firstAt('pull_request.closed');
  const commits = new Set<string>();
  for (const e of sorted)
    for (const c of data<PullRequestData>(e).commits ?? []) commits.add(c);
  const mergeSha =
    sorted.map(e => data<PullRequestData>(e).mergeCommitSha).find(Boolean) ??
    null;
  return {
    id: prId(last.repository, data<PullRequestData>(last).number),
    repository: last.repository ?? null,
    number: data<PullRequestData>(last).number,
    title: data<PullRequestData>(last).title,
    body:
      sorted
        .map(e => data<PullRequestData>(e).body)
        .filter(Boolean)
        .pop() ?? null,
    branch:
      sorted
        .map(e => data<PullRequestData>(e).branch)
        .filter(Boolean)
        .pop() ?? null,
    state: prState(mergedAt, closedAt),
    openedAt: opened ?? sorted[0].at,
    mergedAt: mergedAt,
    closedAt: closedAt,
    mergeCommitSha: mergeSha,
    updatedAt: last.at,
    commits: [...commits].sort(),
    ...filesOf(sorted.map(e => data<PullRequestData>(e).files)),
    firstReviewedAt,
  };
}

export function foldBuild(events: StoredEvent[]): Build {
  const sorted = [...events].sort(byTime);
  const finished = sorted.filter(e => e.type === 'build.finished').pop();
  const d = data<BuildData>(sorted[0]);
  return {
    buildId: d.buildId,
    repository: sorted.find(e => e.repository)?.repository ?? null,
    pipeline:
      sorted.map(e => data<BuildData>(e).pipeline).find(Boolean) ?? null,
    commitSha: d.commitSha,
    startedAt: sorted.find(e => e.type === 'build.started')?.at ?? null,
    finishedAt: finished?.at ?? null,
    status: finished ? data<BuildData>(finished).status ?? 'success' : null,
  };
}

export function envClass(
  environment: string,
  envs: { production: string[]; staging: string[] },
): EnvClass {
  const e = environment.toLowerCase();
  if (envs.production.includes(e)) return 'production';
  if (envs.staging.includes(e)) return 'staging';
  return 'other';
}

export function foldDeployment(
  events: StoredEvent[],
  envs: { production: string[]; staging: string[] },
): Deployment {
  const sorted = [...events].sort(byTime);
  const outcome = sorted
    .filter(
      e =>
        e.type === 'deployment.finished' &&
        data<DeploymentData>(e).status !== 'rolled_back',
    )
    .pop();
  const rollback = sorted.find(
    e =>
      e.type === 'deployment.finished' &&
      data<DeploymentData>(e).status === 'rolled_back',
  );
  const pick = <K extends keyof DeploymentData>(f: K) =>
    sorted
      .map(e => data<DeploymentData>(e)[f])
      .find(v => v !== undefined && v !== null) ?? null;
  const commits = new Set<string>();
  for (const e of sorted)
    for (const c of data<DeploymentData>(e).commits ?? []) commits.add(c);
  // Every deployment event names its environment (schema): the first one is there.
  const environment = pick('environment')!;
  return {
    deploymentId: data<DeploymentData>(sorted[0]).deploymentId,
    environment,
    envClass: envClass(environment, envs),
    service: pick('service'),
    repository: sorted.find(e => e.repository)?.repository ?? null,
    entityRef: sorted.find(e => e.entityRef)?.entityRef ?? null,
    commitSha: pick('commitSha'),
    explicitCommits: commits.size > 0,
    startedAt: sorted.find(e => e.type === 'deployment.started')?.at ?? null,
    finishedAt: outcome?.at ?? null,
    status: outcome ? data<DeploymentData>(outcome).status ?? 'success' : null,
    rolledBackAt: rollback?.at ?? null,
    commits: [...commits].sort(),
  };
}

export function foldIncident(events: StoredEvent[]): Incident {
  const sorted = [...events].sort(byTime);
  const last = <K extends keyof IncidentData>(f: K) =>
    sorted
      .map(e => data<IncidentData>(e)[f])
      .filter(v => v !== undefined && v !== null)
      .pop() ?? null;
  return {
    incidentId: data<IncidentData>(sorted[0]).incidentId,
    service: last('service'),
    entityRef: sorted.find(e => e.entityRef)?.entityRef ?? null,
    severity: last('severity'),
    title: last('title'),
    deploymentId: last('deploymentId'),
    commitSha: last('commitSha'),
    openedAt: sorted.find(e => e.type === 'incident.opened')?.at ?? null,
    resolvedAt:
      sorted.filter(e => e.type === 'incident.resolved').pop()?.at ?? null,
  };
}

/** The tracker's view of an item: created (or first seen) time and latest attributes. */
export function foldItemAttributes(
  key: string,
  events: StoredEvent[],
): ItemAttributes {
  const sorted = [...events].sort(byTime);
  const created = sorted.find(e => e.type === 'work_item.created');
  const attrs: ItemAttributes = {
    key,
    createdAt: created?.at ?? sorted[0].at,
    title: key,
    itemType: 'feature',
    priority: null,
    value: null,
    labels: [],
  };
  for (const e of sorted) {
    if (e.type !== 'work_item.created' && e.type !== 'work_item.updated')
      continue;
    const d = data<ItemData>(e);
    if (d.title !== undefined) attrs.title = d.title;
    if (d.itemType !== undefined) attrs.itemType = d.itemType as ItemType;
    if (d.priority !== undefined) attrs.priority = d.priority;
    if (d.value !== undefined) attrs.value = d.value;
    if (d.labels !== undefined) attrs.labels = d.labels;
  }
  return attrs;
}
