import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

// A GitLab REST v4 stand-in for tests, on 127.0.0.1, serving the shapes of
// fakeGitlabShapes.ts with GitLab's pagination headers (docs.gitlab.com/api/rest "Pagination":
// X-Next-Page, X-Page, X-Per-Page, X-Prev-Page, X-Total, X-Total-Pages, Link) and rate-limit
// headers (security/rate_limits.md: RateLimit-Limit, -Remaining, -Reset, -Observed,
// Retry-After on 429).
import {
  apiApprovals,
  apiCommit,
  apiDeployment,
  apiIssue,
  apiMergeRequest,
  apiPipeline,
  apiProject,
  PIPELINE_LIST_FIELDS,
  user,
  type FakeApproval,
  type Row,
} from './fakeGitlabShapes';

export { apiProject } from './fakeGitlabShapes';

/** What the fake holds for one project. */
export interface FakeProject {
  project: ReturnType<typeof apiProject>;
  mergeRequests: Row[];
  commits: Record<number, Row[]>;
  /** Changed files of an MR, by iid (`/diffs`). */
  diffs?: Record<number, string[]>;
  approvals?: Record<number, FakeApproval[]>;
  /** `closed` / `reopened` changes of an issue, by iid, oldest first. */
  stateEvents?: Record<number, Array<{ state: string; created_at: string }>>;
  /**
   * Iteration `add` / `remove` events of an issue, by iid, oldest first (Premium); without
   * it the endpoint answers 404, as on older GitLab.
   */
  iterationEvents?: Record<
    number,
    Array<{ action: string; created_at: string; iteration: Row }>
  >;
  issues: Row[];
  pipelines: Row[];
  deployments: Row[];
}

/** An answer the fake gives instead of the normal one. */
export interface Fault {
  /** Applies to requests whose path (after /api/v4) starts with this. */
  path: string;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** How many times (default 1). */
  times?: number;
  /** Never answer (the client's timeout must fire). */
  hang?: boolean;
}

const RATE_LIMIT = 2000;

/** Starts the fake; `token` is the only accepted `PRIVATE-TOKEN`. */
export async function startFakeGitlab(options: {
  token: string;
  projects: FakeProject[];
}) {
  const faults: Fault[] = [];
  const requests: string[] = [];
  let remaining = RATE_LIMIT;
  const send = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    remaining = Math.max(0, remaining - 1);
    res.writeHead(status, {
      'content-type': 'application/json',
      'ratelimit-limit': String(RATE_LIMIT),
      'ratelimit-observed': String(RATE_LIMIT - remaining),
      'ratelimit-remaining': String(remaining),
      'ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 60),
      ...headers,
    });
    res.end(JSON.stringify(body));
  };

  const list = (
    req: IncomingMessage,
    url: URL,
    res: ServerResponse,
    rows: Row[],
    shape: (r: Row) => unknown,
  ) => {
    const after = url.searchParams.get('updated_after');
    const selected = rows
      .filter(r => !after || Date.parse(r.updated_at) >= Date.parse(after))
      .sort((a, b) => Date.parse(a.updated_at) - Date.parse(b.updated_at));
    const perPage = Math.min(
      100,
      Number(url.searchParams.get('per_page') ?? 20),
    );
    const page = Number(url.searchParams.get('page') ?? 1);
    const pages = Math.max(1, Math.ceil(selected.length / perPage));
    const headers: Record<string, string> = {
      'x-page': String(page),
      'x-per-page': String(perPage),
      'x-prev-page': page > 1 ? String(page - 1) : '',
      'x-next-page': page < pages ? String(page + 1) : '',
      'x-total': String(selected.length),
      'x-total-pages': String(pages),
    };
    if (page < pages) {
      const next = new URL(url);
      next.searchParams.set('page', String(page + 1));
      headers.link = `<http://${req.headers.host}${next.pathname}${next.search}>; rel="next"`;
    }
    send(
      res,
      200,
      selected.slice((page - 1) * perPage, page * perPage).map(shape),
      headers,
    );
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname.replace(/^\/api\/v4/, '');
    requests.push(`${path}${url.search}`);
    const fault = faults.find(
      f => path.startsWith(f.path) && (f.times ?? 1) > 0,
    );
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.hang) return;
      send(
        res,
        fault.status,
        fault.body ?? { message: String(fault.status) },
        fault.headers,
      );
      return;
    }
    if (req.headers['private-token'] !== options.token) {
      send(res, 401, { message: '401 Unauthorized' });
      return;
    }
    const m = /^\/projects\/([^/]+)(\/.*)?$/.exec(path);
    const id = m && decodeURIComponent(m[1]);
    const p = options.projects.find(
      x => String(x.project.id) === id || x.project.path_with_namespace === id,
    );
    if (!m || !p) {
      send(res, 404, { message: '404 Project Not Found' });
      return;
    }
    const pid = p.project.id;
    const rest = m[2] ?? '';
    const commitsOf = /^\/merge_requests\/(\d+)\/commits$/.exec(rest);
    const diffsOf = /^\/merge_requests\/(\d+)\/diffs$/.exec(rest)?.[1];
    const pipelineId = /^\/pipelines\/(\d+)$/.exec(rest)?.[1];
    const approvalsOf = /^\/merge_requests\/(\d+)\/approvals$/.exec(rest)?.[1];
    const mr = p.mergeRequests.find(x => x.iid === Number(approvalsOf));
    const stateEventsOf = /^\/issues\/(\d+)\/resource_state_events$/.exec(
      rest,
    )?.[1];
    const iterationEventsOf =
      /^\/issues\/(\d+)\/resource_iteration_events$/.exec(rest)?.[1];
    if (rest === '') send(res, 200, p.project);
    else if (rest === '/merge_requests')
      list(req, url, res, p.mergeRequests, r =>
        apiMergeRequest(pid, p.project.web_url, r),
      );
    else if (commitsOf)
      list(
        req,
        url,
        res,
        (p.commits[Number(commitsOf[1])] ?? []).map(c => ({
          ...c,
          updated_at: c.committed_date,
        })),
        apiCommit as (r: Row) => unknown,
      );
    else if (diffsOf)
      list(
        req,
        url,
        res,
        (p.diffs?.[Number(diffsOf)] ?? []).map(file => ({
          path: file,
          updated_at: '2026-01-01T00:00:00Z',
        })),
        // merge_requests.md "List merge request diffs" (the fields read here)
        d => ({ old_path: d.path, new_path: d.path, diff: '' }),
      );
    else if (approvalsOf && mr)
      send(res, 200, apiApprovals(pid, mr, p.approvals?.[mr.iid] ?? []));
    else if (stateEventsOf)
      list(
        req,
        url,
        res,
        (p.stateEvents?.[Number(stateEventsOf)] ?? []).map((e, i) => ({
          ...e,
          updated_at: e.created_at,
          id: 700 + i,
        })),
        // resource_state_events.md "List project issue state events"
        e => ({
          id: e.id,
          user,
          created_at: e.created_at,
          resource_type: 'Issue',
          resource_id: 5000 + Number(stateEventsOf),
          state: e.state,
        }),
      );
    else if (iterationEventsOf && p.iterationEvents)
      list(
        req,
        url,
        res,
        (p.iterationEvents[Number(iterationEventsOf)] ?? []).map((e, i) => ({
          ...e,
          updated_at: e.created_at,
          id: 800 + i,
        })),
        // resource_iteration_events.md "List project issue iteration events"
        e => ({
          id: e.id,
          user,
          created_at: e.created_at,
          resource_type: 'Issue',
          resource_id: 5000 + Number(iterationEventsOf),
          iteration: e.iteration,
          action: e.action,
        }),
      );
    else if (rest === '/issues')
      list(req, url, res, p.issues, r => apiIssue(pid, r));
    else if (rest === '/pipelines')
      list(req, url, res, p.pipelines, r => {
        const full: Row = apiPipeline(pid, r);
        return Object.fromEntries(PIPELINE_LIST_FIELDS.map(k => [k, full[k]]));
      });
    else if (pipelineId) {
      const found = p.pipelines.find(x => x.id === Number(pipelineId));
      if (found) send(res, 200, apiPipeline(pid, found));
      else send(res, 404, { message: '404 Not found' });
    } else if (rest === '/deployments')
      list(req, url, res, p.deployments, apiDeployment);
    else send(res, 404, { error: '404 Not Found' });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiBaseUrl: `http://127.0.0.1:${port}/api/v4`,
    /** Paths (with query) of every request so far. */
    requests,
    fail: (fault: Fault) => faults.push(fault),
    /** Sets `RateLimit-Remaining` of the next answer. */
    setRemaining: (n: number) => {
      remaining = n + 1;
    },
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
