import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { gitlabToEvents } from '../mapping';
import type { Payload } from '../mapping/util';
import { approvalEvents, type ApiApprovals } from './approvalEvents';
import type { GitlabApi } from './GitlabApi';
import { listSince, type ListPosition } from './listSince';
import {
  deploymentHooks,
  issueHooks,
  mergeRequestHooks,
  pipelineHook,
  pushHook,
  type ApiCommit,
  type ApiDeployment,
  type ApiIssue,
  type ApiIterationEvent,
  type ApiMergeRequest,
  type ApiPipeline,
  type ApiProject,
  type ApiStateEvent,
} from './toHookPayloads';

/** One list page read and turned into events. */
export interface PhaseResult {
  events: CanonicalEvent[];
  items: number;
  /** Where the list goes on, or null when it has ended. */
  next: ListPosition | null;
  /** Objects left from this page on (`X-Total`). */
  total?: number;
}

/** Reads one page of one kind of object updated since `since`, from `at`. */
export type PhaseReader = (args: {
  api: GitlabApi;
  project: ApiProject;
  since: string;
  at: ListPosition;
}) => Promise<PhaseResult>;

/** Events of webhook-shaped payloads through the webhook mapping, each id once. */
function toEvents(payloads: Payload[]): CanonicalEvent[] {
  const byId = new Map<string, CanonicalEvent>();
  for (const payload of payloads)
    for (const event of gitlabToEvents(payload, {}))
      if (!byId.has(event.id)) byId.set(event.id, event);
  return [...byId.values()];
}

const projectPath = (project: ApiProject) => `/projects/${project.id}`;

/** A file of `GET /projects/:id/merge_requests/:iid/diffs` (the fields read here). */
interface ApiDiff {
  old_path: string;
  new_path: string;
}

/**
 * The files an MR changes (monorepo ownership, DESIGN §13), from the first page of its
 * diffs (GitLab 15.7+): undefined when it has more than a page (a partial list could take
 * the MR from a folder it touches) or the endpoint is missing (older GitLab).
 */
async function mergeRequestFiles(
  api: Parameters<PhaseReader>[0]['api'],
  base: string,
  iid: number,
): Promise<string[] | undefined> {
  try {
    const page = await api.page<ApiDiff>(
      `${base}/merge_requests/${iid}/diffs`,
      {},
    );
    if (page.nextPage !== null) return undefined;
    return [...new Set(page.items.flatMap(d => [d.old_path, d.new_path]))];
  } catch (e) {
    if (/\b404\b/.test(String((e as Error).message))) return undefined;
    throw e;
  }
}

const mergeRequests: PhaseReader = async ({ api, project, since, at }) => {
  const base = projectPath(project);
  const list = await listSince<ApiMergeRequest>(
    api,
    `${base}/merge_requests`,
    since,
    at,
    { state: 'all' },
  );
  const payloads: Payload[] = [];
  const approvals: CanonicalEvent[] = [];
  for (const mr of list.items) {
    // A fork's commits were pushed to the fork, whose webhooks name the fork: as pushes
    // to this project they could even look like default-branch commits (a fork's main).
    const fork =
      mr.source_project_id !== undefined &&
      mr.source_project_id !== mr.target_project_id;
    // Two requests per MR (more past 100 commits): REST has no bulk listing of either.
    const commits = fork
      ? []
      : await api.all<ApiCommit>(`${base}/merge_requests/${mr.iid}/commits`);
    payloads.push(
      ...mergeRequestHooks(
        project,
        mr,
        fork ? undefined : await mergeRequestFiles(api, base, mr.iid),
      ),
    );
    if (commits.length)
      payloads.push(pushHook(project, mr.source_branch, commits));
    approvals.push(
      ...approvalEvents(
        project,
        mr,
        await api.get<ApiApprovals>(
          `${base}/merge_requests/${mr.iid}/approvals`,
        ),
      ),
    );
  }
  return {
    ...list,
    events: [...toEvents(payloads), ...approvals],
    items: list.items.length,
  };
};

/** Runs whose GitLab answered 403/404 to iteration events (not Premium, older GitLab). */
const noIterationEvents = new WeakSet<GitlabApi>();

/**
 * An issue's iteration events (Premium, GitLab 13.4+): only for an issue changed after
 * its creation on a project that has iterations (GitLab lists `iteration`, even null,
 * only there); undefined on a 403/404, and for the rest of the run after one.
 */
async function iterationEvents(
  api: GitlabApi,
  project: ApiProject,
  issue: ApiIssue,
): Promise<ApiIterationEvent[] | undefined> {
  if (
    issue.updated_at === issue.created_at ||
    !('iteration' in issue) ||
    noIterationEvents.has(api)
  )
    return undefined;
  try {
    return await api.all<ApiIterationEvent>(
      `${projectPath(project)}/issues/${issue.iid}/resource_iteration_events`,
    );
  } catch (e) {
    if (
      !/resource_iteration_events: 40[34]\b/.test(String((e as Error).message))
    )
      throw e;
    noIterationEvents.add(api);
    return undefined;
  }
}

const issues: PhaseReader = async ({ api, project, since, at }) => {
  const list = await listSince<ApiIssue>(
    api,
    `${projectPath(project)}/issues`,
    since,
    at,
  );
  const payloads: Payload[] = [];
  for (const issue of list.items) {
    // Closes and reopens before the current state are only in the state events: one
    // request per issue changed after its creation.
    const stateEvents =
      issue.updated_at === issue.created_at
        ? []
        : await api.all<ApiStateEvent>(
            `${projectPath(project)}/issues/${issue.iid}/resource_state_events`,
          );
    payloads.push(
      ...issueHooks(
        project,
        issue,
        stateEvents,
        await iterationEvents(api, project, issue),
      ),
    );
  }
  return { ...list, events: toEvents(payloads), items: list.items.length };
};

const PIPELINE_FINISHED = ['success', 'failed', 'canceled'];

const pipelines: PhaseReader = async ({ api, project, since, at }) => {
  const base = projectPath(project);
  const list = await listSince<ApiPipeline>(
    api,
    `${base}/pipelines`,
    since,
    at,
  );
  const payloads: Payload[] = [];
  for (const p of list.items) {
    // only the single-pipeline answer has finished_at
    const full = PIPELINE_FINISHED.includes(p.status)
      ? await api.get<ApiPipeline>(`${base}/pipelines/${p.id}`)
      : p;
    payloads.push(pipelineHook(project, full));
  }
  return { ...list, events: toEvents(payloads), items: list.items.length };
};

const deployments: PhaseReader = async ({ api, project, since, at }) => {
  const list = await listSince<ApiDeployment>(
    api,
    `${projectPath(project)}/deployments`,
    since,
    at,
  );
  return {
    ...list,
    events: toEvents(list.items.flatMap(d => deploymentHooks(project, d))),
    items: list.items.length,
  };
};

/** What an import reads, in order: MRs with their commits first (DESIGN §12). */
export const PHASES: Array<[name: string, read: PhaseReader]> = [
  ['merge_requests', mergeRequests],
  ['issues', issues],
  ['pipelines', pipelines],
  ['deployments', deployments],
];
