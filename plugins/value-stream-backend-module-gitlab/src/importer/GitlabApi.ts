import {
  fetchJson,
  ImportFailedError,
  rateLimitWaitMs,
  sleep,
} from '@valuestream/backstage-plugin-value-stream-node';

/** One page of a GitLab REST v4 list. */
export interface GitlabPage<T> {
  items: T[];
  /** `X-Next-Page`, or null on the last page. */
  nextPage: number | null;
  /** `X-Total`, absent when GitLab does not count (over 10,000 rows). */
  total?: number;
}

/** How the client reaches one GitLab host, and how long it waits. */
export interface GitlabApiOptions {
  /** `integrations.gitlab[].apiBaseUrl`, e.g. `https://gitlab.com/api/v4`. */
  apiBaseUrl: string;
  host: string;
  token?: string;
  signal?: AbortSignal;
  /** Retries of 5xx, timeouts and network errors (default 5). */
  retries?: number;
  /** First backoff, doubled each retry (default 1 s). */
  backoffMs?: number;
  /** Per-request timeout (default 30 s). */
  timeoutMs?: number;
  /** Longest single wait (default 15 min). */
  maxWaitMs?: number;
  /** Told before each wait (rate limit or backoff), for logs. */
  onWait?: (wait: { ms: number; reason: string }) => void;
}

/** What a 401, 403 or 404 from GitLab most likely lacks. */
export const MISSING_RIGHT =
  'the token needs the read_api scope and at least the Reporter role on the project';

const int = (value: string | null) =>
  value && /^\d+$/.test(value) ? Number(value) : undefined;

/**
 * GitLab REST v4 through -node's `fetchJson` (429 `Retry-After` / `RateLimit-Reset`
 * waited out, 5xx and timeouts retried with backoff, 401/403/404 as ImportFailedError
 * naming `integrations.gitlab` and the right), plus what is GitLab's own: the token in
 * `PRIVATE-TOKEN`, a pause until `RateLimit-Reset` once `RateLimit-Remaining` reaches 0
 * (so the limit is not hit at all), `X-Next-Page` pagination, and a request count.
 * (`@gitbeaker/rest` neither honours `Retry-After` nor retries timeouts.)
 */
export class GitlabApi {
  #requests = 0;
  /** Earliest time the next request may go, after `RateLimit-Remaining: 0`. */
  #notBefore = 0;

  constructor(private readonly options: GitlabApiOptions) {}

  /** Requests answered so far (retries inside fetchJson count once). */
  get requests(): number {
    return this.#requests;
  }

  /** `GET <apiBaseUrl><path>?<query>` → JSON. */
  async get<T>(path: string, query: Record<string, string | number> = {}) {
    return (await this.#get<T>(path, query)).data;
  }

  /** One page of a list endpoint (`per_page` 100 unless given). */
  async page<T>(
    path: string,
    query: Record<string, string | number>,
  ): Promise<GitlabPage<T>> {
    const { data, headers } = await this.#get<T[]>(path, {
      per_page: 100,
      ...query,
    });
    return {
      items: data,
      nextPage: int(headers.get('x-next-page')) ?? null,
      total: int(headers.get('x-total')),
    };
  }

  /** Every item of a list, following `X-Next-Page`. */
  async all<T>(path: string, query: Record<string, string | number> = {}) {
    const items: T[] = [];
    let page: number | null = 1;
    while (page !== null) {
      const answer: GitlabPage<T> = await this.page<T>(path, {
        ...query,
        page,
      });
      items.push(...answer.items);
      page = answer.nextPage;
    }
    return items;
  }

  async #get<T>(path: string, query: Record<string, string | number>) {
    const o = this.options;
    const url = new URL(`${o.apiBaseUrl.replace(/\/+$/, '')}${path}`);
    for (const [k, v] of Object.entries(query))
      url.searchParams.set(k, String(v));
    const pause = Math.min(this.#notBefore - Date.now(), o.maxWaitMs ?? 9e5);
    if (pause > 0) {
      o.onWait?.({ ms: pause, reason: 'RateLimit-Remaining is 0' });
      await sleep(pause, o.signal);
    }
    this.#requests++;
    try {
      const answer = await fetchJson<T>(
        url,
        { headers: o.token ? { 'private-token': o.token } : {} },
        {
          integration: `integrations.gitlab (${o.host}) GET ${path}`,
          missingRight: MISSING_RIGHT,
          signal: o.signal,
          retries: o.retries,
          backoffMs: o.backoffMs,
          timeoutMs: o.timeoutMs,
          maxWaitMs: o.maxWaitMs,
          onWait: o.onWait,
        },
      );
      if (int(answer.headers.get('ratelimit-remaining')) === 0) {
        const wait = rateLimitWaitMs(answer.headers);
        if (wait !== undefined) this.#notBefore = Date.now() + wait;
      }
      return answer;
    } catch (e) {
      // GitLab's messages repeat the status ("401 401 Unauthorized")
      if (e instanceof ImportFailedError)
        throw new ImportFailedError(
          e.message.replace(/: (\d{3}) \1 /, ': $1 '),
        );
      throw e;
    }
  }
}
