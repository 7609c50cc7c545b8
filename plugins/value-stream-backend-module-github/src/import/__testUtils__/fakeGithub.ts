import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { components } from '@octokit/openapi-types';
import type { Connection, GqlCommit, GqlIssue, GqlPullRequest } from '../types';

/**
 * A repository's history as GitHub's APIs hold it. GraphQL objects in the shapes of the
 * GitHub GraphQL API v4 reference (https://docs.github.com/en/graphql/reference/objects);
 * REST objects typed by `@octokit/openapi-types` (GitHub's OpenAPI description), which are
 * also the objects its webhooks carry.
 */
export interface FakeHistory {
  owner: string;
  name: string;
  defaultBranch: string;
  /** Unpaged nested connections: the server pages them as GitHub does. */
  pulls: Array<
    Omit<GqlPullRequest, 'commits' | 'reviews' | 'timelineItems' | 'files'> & {
      /** The PR's changed files (paged by 100, as GitHub does). */
      files?: string[];
      commits: GqlCommit[];
      reviews: GqlPullRequest['reviews']['nodes'];
      timelineItems: GqlPullRequest['timelineItems']['nodes'];
    }
  >;
  issues: Array<
    Omit<GqlIssue, 'timelineItems'> & {
      timelineItems: GqlIssue['timelineItems']['nodes'];
    }
  >;
  /** On the default branch. */
  commits: GqlCommit[];
  deployments: Array<
    components['schemas']['deployment'] & {
      statuses: Array<components['schemas']['deployment-status']>;
    }
  >;
  runs: Array<components['schemas']['workflow-run']>;
}

/** An answer the server gives instead of the real one (a fault), once. */
export interface Fault {
  /** Which request (by kind, e.g. `graphql:pulls`, `rest:deployments`) it hits; any when absent. */
  kind?: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Hold the answer this long (ms) instead: a timeout. */
  delayMs?: number;
}

/** GitHub's opaque cursors are base64; here of the offset. */
const cursorOf = (offset: number) =>
  Buffer.from(`cursor:v2:${offset}`).toString('base64');
const offsetOf = (cursor: string | null | undefined) =>
  cursor ? Number(Buffer.from(cursor, 'base64').toString().split(':')[2]) : 0;

function page<T>(
  all: T[],
  first: number,
  after?: string | null,
): Connection<T> {
  const start = offsetOf(after);
  const nodes = all.slice(start, start + first);
  const end = start + nodes.length;
  return {
    totalCount: all.length,
    nodes,
    pageInfo: {
      hasNextPage: end < all.length,
      endCursor: nodes.length ? cursorOf(end) : after ?? null,
    },
  };
}

const time = (s: string | null | undefined) => (s ? Date.parse(s) : 0);

async function body(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : {};
}

/**
 * A fake GitHub (GraphQL `POST /graphql` and the REST routes the importer reads) on
 * 127.0.0.1:0, holding `history`. It checks the token, pages as GitHub does (GraphQL
 * `pageInfo`, REST `Link` headers), sends `x-ratelimit-*` headers, and gives queued
 * faults. Answers' shapes follow recorded GitHub answers: the 401 and secondary-limit
 * bodies are GitHub's own (as recorded in `@octokit/fixtures`' scenarios and GitHub's docs).
 */
export async function startFakeGithub(
  history: FakeHistory,
  token = 'test-token',
) {
  const requests: string[] = [];
  const faults: Fault[] = [];
  let remaining = 5000;
  const reset = Math.floor(Date.now() / 1000) + 3600;
  const repoPath = `/repos/${history.owner}/${history.name}`;
  const fullName = `${history.owner}/${history.name}`;

  const send = (
    res: ServerResponse,
    status: number,
    data: unknown,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': String(reset),
      'x-ratelimit-used': String(5000 - remaining),
      ...headers,
    });
    res.end(JSON.stringify(data));
  };

  const graphql = (
    query: string,
    v: Record<string, any>,
  ): { kind: string; data: unknown; errors?: unknown[] } => {
    if (v.owner !== undefined && `${v.owner}/${v.name}` !== fullName) {
      // GitHub's answer for a repository that does not exist or is not visible
      return {
        kind: 'graphql:missing',
        data: { repository: null },
        errors: [
          {
            type: 'NOT_FOUND',
            path: ['repository'],
            locations: [{ line: 3, column: 3 }],
            message: `Could not resolve to a Repository with the name '${v.owner}/${v.name}'.`,
          },
        ],
      };
    }
    if (/\bpullRequests\(/.test(query)) {
      const sorted = [...history.pulls].sort(
        (a, b) => time(b.updatedAt) - time(a.updatedAt),
      );
      const prs = page(sorted, v.first, v.after);
      return {
        kind: 'graphql:pulls',
        data: {
          repository: {
            nameWithOwner: fullName,
            defaultBranchRef: { name: history.defaultBranch },
            pullRequests: {
              ...prs,
              nodes: prs.nodes.map(pr => ({
                ...pr,
                ...(pr.files
                  ? {
                      files: page(
                        pr.files.map(path => ({ path })),
                        100,
                      ),
                    }
                  : {}),
                commits: page(
                  pr.commits.map(commit => ({ commit })),
                  100,
                ),
                reviews: page(pr.reviews, 50),
                timelineItems: page(pr.timelineItems, 50),
              })),
            },
          },
        },
      };
    }
    if (/\.\.\. on PullRequest/.test(query)) {
      const pr = history.pulls.find(p => p.id === v.id);
      if (!pr) return { kind: 'graphql:pull', data: { node: null } };
      const node: Record<string, unknown> = {};
      if (v.commits)
        node.commits = page(
          pr.commits.map(commit => ({ commit })),
          100,
          v.commitsAfter,
        );
      if (v.reviews) node.reviews = page(pr.reviews, 100, v.reviewsAfter);
      if (v.timeline)
        node.timelineItems = page(pr.timelineItems, 100, v.timelineAfter);
      return { kind: 'graphql:pull', data: { node } };
    }
    if (/\.\.\. on Issue/.test(query)) {
      const issue = history.issues.find(i => i.id === v.id);
      return {
        kind: 'graphql:issue',
        data: {
          node: issue
            ? { timelineItems: page(issue.timelineItems, 100, v.after) }
            : null,
        },
      };
    }
    if (/\bissues\(/.test(query)) {
      const since = time(v.since);
      const sorted = history.issues
        .filter(i => time(i.updatedAt) >= since)
        .sort((a, b) => time(a.updatedAt) - time(b.updatedAt));
      const issues = page(sorted, v.first, v.after);
      return {
        kind: 'graphql:issues',
        data: {
          repository: {
            nameWithOwner: fullName,
            issues: {
              ...issues,
              nodes: issues.nodes.map(i => ({
                ...i,
                timelineItems: page(i.timelineItems, 100),
              })),
            },
          },
        },
      };
    }
    if (/\bhistory\(/.test(query)) {
      const since = time(v.since);
      const commits = history.commits
        .filter(c => time(c.authoredDate) >= since)
        .sort((a, b) => time(b.authoredDate) - time(a.authoredDate));
      return {
        kind: 'graphql:commits',
        data: {
          repository: {
            nameWithOwner: fullName,
            defaultBranchRef: {
              name: history.defaultBranch,
              target: { history: page(commits, v.first, v.after) },
            },
          },
        },
      };
    }
    return { kind: 'graphql:unknown', data: null };
  };

  /** A REST page with GitHub's `Link` header (next and last). */
  const restPage = <T>(url: URL, all: T[]) => {
    const perPage = Number(url.searchParams.get('per_page') ?? 30);
    const pageNo = Number(url.searchParams.get('page') ?? 1);
    const items = all.slice((pageNo - 1) * perPage, pageNo * perPage);
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const link = (n: number, rel: string) => {
      const u = new URL(url);
      u.searchParams.set('page', String(n));
      return `<${u}>; rel="${rel}"`;
    };
    const headers: Record<string, string> = {};
    if (pageNo < last)
      headers.link = [link(pageNo + 1, 'next'), link(last, 'last')].join(', ');
    return { items, headers };
  };

  const rest = (url: URL) => {
    const path = url.pathname;
    if (path === `${repoPath}/deployments`) {
      const all = [...history.deployments]
        .sort((a, b) => time(b.created_at) - time(a.created_at))
        .map(({ statuses: _s, ...d }) => d);
      const { items, headers } = restPage(url, all);
      return { kind: 'rest:deployments', data: items, headers };
    }
    const statuses = path.match(/\/deployments\/(\d+)\/statuses$/);
    if (statuses && path.startsWith(repoPath)) {
      const d = history.deployments.find(x => x.id === Number(statuses[1]));
      if (!d)
        return {
          kind: 'rest:statuses',
          status: 404,
          data: { message: 'Not Found' },
        };
      const newestFirst = [...d.statuses].sort(
        (a, b) => time(b.created_at) - time(a.created_at),
      );
      const { items, headers } = restPage(url, newestFirst);
      return { kind: 'rest:statuses', data: items, headers };
    }
    if (path === `${repoPath}/actions/runs`) {
      const created = url.searchParams.get('created')?.replace(/^>=/, '');
      const all = history.runs
        .filter(r => !created || time(r.created_at) >= time(created))
        .sort((a, b) => time(b.created_at) - time(a.created_at));
      const { items, headers } = restPage(url, all);
      return {
        kind: 'rest:runs',
        data: { total_count: all.length, workflow_runs: items },
        headers,
      };
    }
    return {
      kind: 'rest:unknown',
      status: 404,
      data: {
        message: 'Not Found',
        documentation_url: 'https://docs.github.com/rest',
      },
    };
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const isGraphql = req.method === 'POST' && url.pathname === '/graphql';
    const answer: {
      kind: string;
      status?: number;
      data: unknown;
      errors?: unknown[];
      headers?: Record<string, string>;
    } = isGraphql
      ? (({ query, variables }) => graphql(query, variables ?? {}))(
          await body(req),
        )
      : rest(url);
    requests.push(answer.kind);
    const auth = req.headers.authorization ?? '';
    if (auth !== `token ${token}` && auth !== `Bearer ${token}`) {
      // GitHub's answer to a wrong token
      send(res, 401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
      });
      return;
    }
    const i = faults.findIndex(f => !f.kind || f.kind === answer.kind);
    if (i >= 0) {
      const [fault] = faults.splice(i, 1);
      if (fault.delayMs) {
        setTimeout(
          () => send(res, 200, answer.data, answer.headers),
          fault.delayMs,
        );
        return;
      }
      send(res, fault.status, fault.body ?? {}, fault.headers);
      return;
    }
    remaining = Math.max(0, remaining - 1);
    send(
      res,
      answer.status ?? 200,
      isGraphql ? { data: answer.data, errors: answer.errors } : answer.data,
      answer.headers,
    );
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    /** The integration's `apiBaseUrl`. */
    apiBaseUrl: `http://127.0.0.1:${port}`,
    token,
    /** Kinds of the requests received, in order (faults included). */
    requests,
    fail: (...f: Fault[]) => faults.push(...f),
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** GitHub's secondary rate limit answer (docs.github.com, "About secondary rate limits"). */
export const SECONDARY_LIMIT: Fault = {
  status: 403,
  headers: { 'retry-after': '1', 'x-ratelimit-remaining': '4000' },
  body: {
    message:
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
    documentation_url:
      'https://docs.github.com/rest/overview/resources-in-the-rest-api#secondary-rate-limits',
  },
};
