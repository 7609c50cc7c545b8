import type { DemoRepository } from './githubRepository';

/** An answer of the demo API; `page` marks a list page (the ones the demo slows down). */
export interface ApiAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  page?: boolean;
}

interface Connection<T> {
  totalCount: number;
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** GitHub's cursors are opaque base64; here of the offset. */
const cursorOf = (offset: number) =>
  Buffer.from(`cursor:v2:${offset}`).toString('base64');
const offsetOf = (cursor: unknown) =>
  typeof cursor === 'string' && cursor
    ? Number(Buffer.from(cursor, 'base64').toString().split(':')[2]) || 0
    : 0;

function connection<T>(
  all: T[],
  first: number,
  after?: unknown,
): Connection<T> {
  const start = offsetOf(after);
  const nodes = all.slice(start, start + first);
  const end = start + nodes.length;
  return {
    totalCount: all.length,
    nodes,
    pageInfo: {
      hasNextPage: end < all.length,
      endCursor: nodes.length ? cursorOf(end) : (after as string) ?? null,
    },
  };
}

const time = (s: string | null | undefined) => (s ? Date.parse(s) : 0);
const newestFirst = <T>(list: T[], at: (x: T) => string) =>
  [...list].sort((a, b) => time(at(b)) - time(at(a)));

/**
 * GitHub GraphQL v4 answers to the importer's queries (`pullRequests`, `node(id)` for a
 * PR's rest, `issues` (none), default-branch `history`), in the shapes of GitHub's
 * reference. A repository it does not hold is answered as GitHub does (NOT_FOUND).
 */
export function graphqlAnswer(
  repo: DemoRepository,
  query: string,
  v: Record<string, any>,
): ApiAnswer {
  const fullName = `${repo.owner}/${repo.name}`;
  const ok = (data: unknown, page = true) => ({
    status: 200,
    body: { data },
    page,
  });
  if (v.owner !== undefined && `${v.owner}/${v.name}` !== fullName) {
    return {
      status: 200,
      body: {
        data: { repository: null },
        errors: [
          {
            type: 'NOT_FOUND',
            path: ['repository'],
            message: `Could not resolve to a Repository with the name '${v.owner}/${v.name}'.`,
          },
        ],
      },
    };
  }
  const first = Number(v.first ?? 100);
  if (/\bpullRequests\(/.test(query)) {
    const prs = connection(
      newestFirst(repo.pulls, p => p.updatedAt),
      first,
      v.after,
    );
    return ok({
      repository: {
        nameWithOwner: fullName,
        defaultBranchRef: { name: repo.defaultBranch },
        pullRequests: {
          ...prs,
          nodes: prs.nodes.map(pr => ({
            ...pr,
            commits: connection(pr.commits, 100),
            reviews: connection(pr.reviews, 50),
            timelineItems: connection(pr.timelineItems, 50),
          })),
        },
      },
    });
  }
  if (/\.\.\. on PullRequest/.test(query)) {
    const pr = repo.pulls.find(p => p.id === v.id);
    if (!pr) return ok({ node: null }, false);
    return ok(
      {
        node: {
          ...(v.commits && {
            commits: connection(pr.commits, 100, v.commitsAfter),
          }),
          ...(v.reviews && {
            reviews: connection(pr.reviews, 100, v.reviewsAfter),
          }),
          ...(v.timeline && {
            timelineItems: connection(pr.timelineItems, 100, v.timelineAfter),
          }),
        },
      },
      false,
    );
  }
  if (/\bissues\(/.test(query)) {
    // the work items are in the demo's Jira
    return ok({
      repository: { nameWithOwner: fullName, issues: connection([], first) },
    });
  }
  if (/\bhistory\(/.test(query)) {
    const since = time(v.since);
    const commits = newestFirst(
      repo.commits.filter(c => time(c.authoredDate) >= since),
      c => c.authoredDate,
    );
    return ok({
      repository: {
        nameWithOwner: fullName,
        defaultBranchRef: {
          name: repo.defaultBranch,
          target: { history: connection(commits, first, v.after) },
        },
      },
    });
  }
  return {
    status: 200,
    body: {
      errors: [{ message: 'The demo GitHub does not answer this query' }],
    },
  };
}

/** A REST page with GitHub's `Link` header (next and last). */
function restPage<T>(url: URL, all: T[]) {
  const perPage = Number(url.searchParams.get('per_page') ?? 30);
  const pageNo = Number(url.searchParams.get('page') ?? 1);
  const items = all.slice((pageNo - 1) * perPage, pageNo * perPage);
  const last = Math.max(1, Math.ceil(all.length / perPage));
  const link = (n: number, rel: string) => {
    const u = new URL(url);
    u.searchParams.set('page', String(n));
    return `<${u}>; rel="${rel}"`;
  };
  const headers: Record<string, string> =
    pageNo < last
      ? { link: [link(pageNo + 1, 'next'), link(last, 'last')].join(', ') }
      : {};
  return { items, headers };
}

const NOT_FOUND: ApiAnswer = {
  status: 404,
  body: {
    message: 'Not Found',
    documentation_url: 'https://docs.github.com/rest',
  },
};

/** GitHub REST answers: deployments, a deployment's statuses, workflow runs. */
export function restAnswer(repo: DemoRepository, url: URL): ApiAnswer {
  const base = `/repos/${repo.owner}/${repo.name}`;
  const path = url.pathname;
  if (path === `${base}/deployments`) {
    const all = newestFirst(repo.deployments, d => d.created_at).map(
      ({ statuses: _statuses, ...d }) => d,
    );
    const { items, headers } = restPage(url, all);
    return { status: 200, body: items, headers, page: true };
  }
  const statuses = path.match(/^(.*)\/deployments\/(\d+)\/statuses$/);
  if (statuses && statuses[1] === base) {
    const d = repo.deployments.find(x => x.id === Number(statuses[2]));
    if (!d) return NOT_FOUND;
    const { items, headers } = restPage(
      url,
      newestFirst(d.statuses, s => s.created_at),
    );
    return { status: 200, body: items, headers };
  }
  if (path === `${base}/actions/runs`) {
    const created = url.searchParams.get('created')?.replace(/^>=/, '');
    const all = newestFirst(
      repo.runs.filter(r => !created || time(r.created_at) >= time(created)),
      r => r.created_at,
    );
    const { items, headers } = restPage(url, all);
    return {
      status: 200,
      body: { total_count: all.length, workflow_runs: items },
      headers,
      page: true,
    };
  }
  return NOT_FOUND;
}
