import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JiraHistory } from '../issueHistory';
import { jiraTime } from '../issueHistory';

type Obj = Record<string, any>;

/** An issue the fake holds: its current fields and its whole changelog. */
export interface FakeIssue {
  id: string;
  key: string;
  fields: Obj;
  histories: JiraHistory[];
}

/** An answer served instead of the real one to the request it matches (once). */
export interface Fault {
  path: string;
  /** The n-th request to `path` (1-based). */
  nth: number;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface FakeJiraOptions {
  issues: FakeIssue[];
  statuses: Obj[];
  /** Accepted `Authorization` header (basic for Cloud, bearer for Data Center). */
  authorization: string;
  faults?: Fault[];
  /** Changelog entries embedded per issue in a search answer (Jira: 100). */
  embeddedHistories?: number;
  /** Page size cap of `GET /issue/{key}/changelog` (Jira: 100). */
  changelogPage?: number;
}

/**
 * A local Jira serving the documented shapes of the REST API (developer.atlassian.com,
 * Jira Cloud platform REST API v3: "Search for issues using JQL enhanced search (GET)"
 * `{ issues, nextPageToken, isLast }`, "Count issues using JQL" `{ count }`, "Get
 * changelogs" `PageBeanChangelog { startAt, maxResults, total, isLast, values }`, "Get
 * all statuses"; Data Center REST v2 `/search` `{ startAt, maxResults, total, issues }`).
 * An issue carries `changelog: { startAt, maxResults, total, histories }`, newest first
 * as Jira sends it. Unauthenticated requests get Jira's 401 text.
 */
export async function startFakeJira(options: FakeJiraOptions) {
  const requests: string[] = [];
  const counts = new Map<string, number>();
  const embedded = options.embeddedHistories ?? 100;
  const changelogPage = options.changelogPage ?? 100;
  let base = ''; // set once listening

  const matching = (jql: string): FakeIssue[] => {
    const project = /project = "([^"]+)"/.exec(jql)?.[1];
    const minutes = Number(/updated >= "-(\d+)m"/.exec(jql)?.[1] ?? Infinity);
    const since = Date.now() - minutes * 60_000;
    return options.issues
      .filter(i => i.key.startsWith(`${project}-`))
      .filter(i => jiraTime(i.fields.updated) >= since)
      .sort(
        (a, b) =>
          jiraTime(a.fields.created) - jiraTime(b.fields.created) ||
          a.key.localeCompare(b.key),
      );
  };
  const asSearched = (issue: FakeIssue) => {
    const newestFirst = [...issue.histories].reverse();
    return {
      expand:
        'operations,versionedRepresentations,editmeta,changelog,renderedFields',
      id: issue.id,
      self: `${base}/rest/api/3/issue/${issue.id}`,
      key: issue.key,
      fields: issue.fields,
      changelog: {
        startAt: 0,
        maxResults: embedded,
        total: issue.histories.length,
        histories: newestFirst.slice(0, embedded),
      },
    };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', base);
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    const n = (counts.get(url.pathname) ?? 0) + 1;
    counts.set(url.pathname, n);
    const send = (status: number, body: unknown, headers = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const fault = options.faults?.find(
      f => f.path === url.pathname && f.nth === n,
    );
    if (fault) {
      send(fault.status, fault.body ?? '', fault.headers);
      return;
    }
    if (req.headers.authorization !== options.authorization) {
      // what Jira Cloud answers a wrong or missing API token
      res.writeHead(401, { 'content-type': 'text/plain;charset=UTF-8' });
      res.end('Client must be authenticated to access this resource.');
      return;
    }
    const q = url.searchParams;
    const max = Number(q.get('maxResults') ?? 50);
    if (url.pathname === '/rest/api/3/search/jql') {
      const all = matching(q.get('jql') ?? '');
      const start = Number(q.get('nextPageToken') ?? 0);
      const page = all.slice(start, start + max);
      const more = start + max < all.length;
      send(200, {
        issues: page.map(asSearched),
        ...(more ? { nextPageToken: String(start + max) } : {}),
        isLast: !more,
      });
    } else if (url.pathname === '/rest/api/3/search/approximate-count') {
      const body = JSON.parse(await text(req));
      send(200, { count: matching(body.jql).length });
    } else if (url.pathname === '/rest/api/2/search') {
      const all = matching(q.get('jql') ?? '');
      const startAt = Number(q.get('startAt') ?? 0);
      send(200, {
        expand: 'names,schema',
        startAt,
        maxResults: max,
        total: all.length,
        issues: all.slice(startAt, startAt + max).map(asSearched),
      });
    } else if (/^\/rest\/api\/[23]\/status$/.test(url.pathname)) {
      send(200, options.statuses);
    } else {
      const changelog = /^\/rest\/api\/3\/issue\/([^/]+)\/changelog$/.exec(
        url.pathname,
      );
      const issue = options.issues.find(
        i =>
          i.key === decodeURIComponent(changelog?.[1] ?? '') ||
          i.key ===
            decodeURIComponent(
              /^\/rest\/api\/2\/issue\/([^/]+)$/.exec(url.pathname)?.[1] ?? '',
            ),
      );
      if (!issue) {
        send(404, {
          errorMessages: [
            'Issue does not exist or you do not have permission to see it.',
          ],
          errors: {},
        });
      } else if (changelog) {
        const startAt = Number(q.get('startAt') ?? 0);
        const size = Math.min(max, changelogPage);
        const values = issue.histories.slice(startAt, startAt + size);
        send(200, {
          self: `${base}${url.pathname}${url.search}`,
          maxResults: size,
          startAt,
          total: issue.histories.length,
          isLast: startAt + size >= issue.histories.length,
          values,
        });
      } else {
        send(200, {
          ...asSearched(issue),
          changelog: {
            startAt: 0,
            maxResults: issue.histories.length,
            total: issue.histories.length,
            histories: [...issue.histories].reverse(),
          },
        });
      }
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(e => {
      res.writeHead(500);
      res.end(String(e));
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl: base,
    requests,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function text(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
