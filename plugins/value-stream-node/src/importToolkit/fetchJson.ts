import { ImportFailedError } from '../importers';
import { backoffMs, rateLimitWaitMs } from './retryDelay';
import { sleep } from './sleep';

/**
 * Options of {@link fetchJson}.
 * @public
 */
export interface FetchJsonOptions {
  /** The integration as the message names it, e.g. `valueStream.sources.jira (https://acme.atlassian.net)`. */
  integration: string;
  /** The right a 401/403/404 most likely lacks, e.g. `the user needs the "Browse projects" permission`. */
  missingRight: string;
  /** Aborts waiting and the request in flight (the job's signal). */
  signal?: AbortSignal;
  /** Per attempt; default 30 000 ms. */
  timeoutMs?: number;
  /** Retries of 5xx answers, timeouts and network errors; default 5. */
  retries?: number;
  /** First backoff; doubles per retry, with jitter; default 1 000 ms. */
  backoffMs?: number;
  /** Longest backoff or rate-limit wait; default 15 minutes. */
  maxWaitMs?: number;
  /** Rate-limit answers waited out before giving up; default 20. */
  rateLimitWaits?: number;
  /** Called before each wait, for logs. */
  onWait?: (wait: { ms: number; reason: string }) => void;
}

/**
 * An answer of {@link fetchJson}.
 * @public
 */
export interface FetchJsonResponse<T> {
  /** The parsed JSON body (`null` for an empty one). */
  data: T;
  /** The 2xx status. */
  status: number;
  /** The answer's headers (pagination: `Link`, `X-Next-Page`, …). */
  headers: Headers;
}

const RIGHTS_STATUSES = [401, 403, 404];

/** The tool's own words: a JSON error message when there is one, else the start of the body. */
function answerOf(body: string): string {
  try {
    const json = JSON.parse(body);
    const messages = [
      ...(Array.isArray(json?.errorMessages) ? json.errorMessages : []),
      json?.message,
      json?.error,
    ].filter(m => typeof m === 'string' && m);
    return messages.join('; ');
  } catch {
    // not JSON
  }
  return body.trim().slice(0, 200);
}

function isRateLimited(response: Response): boolean {
  if (response.status === 429) return true;
  const h = response.headers;
  // GitLab sends RateLimit-Reset on every answer: only with no quota left does it mean "wait".
  const quotaGone =
    h.get('ratelimit-remaining') === '0' ||
    h.get('x-ratelimit-remaining') === '0';
  // 503 with Retry-After (Jira) or out of quota; 403 with Retry-After or no remaining
  // quota (GitHub secondary limits). Any other 503 is an outage: backoff and retry.
  return (
    (response.status === 503 && (h.has('retry-after') || quotaGone)) ||
    (response.status === 403 &&
      (response.headers.has('retry-after') ||
        response.headers.get('x-ratelimit-remaining') === '0'))
  );
}

/**
 * GETs (or sends) a JSON request for a history importer (DESIGN §12): each attempt has a
 * timeout; 5xx answers, timeouts and network errors are retried with exponential backoff;
 * 429s (and 503/403 that say when to come back) are waited out per `Retry-After` or
 * `RateLimit-Reset`; 401, 403 and 404 throw an {@link ImportFailedError} naming the
 * integration and the missing right, other 4xx one with the tool's answer. Aborting
 * `signal` stops at once.
 * @public
 */
export async function fetchJson<T = unknown>(
  url: string | URL,
  init: RequestInit,
  options: FetchJsonOptions,
): Promise<FetchJsonResponse<T>> {
  const retries = options.retries ?? 5;
  const baseMs = options.backoffMs ?? 1000;
  const maxWaitMs = options.maxWaitMs ?? 15 * 60_000;
  const rateLimitWaits = options.rateLimitWaits ?? 20;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const { signal, integration } = options;
  let failures = 0;
  let waits = 0;

  for (;;) {
    signal?.throwIfAborted();
    let response: Response;
    let body: string;
    try {
      const timeout = AbortSignal.timeout(timeoutMs);
      response = await fetch(url, {
        ...init,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      // read inside the timeout: a body that stalls is a timeout too
      body = await response.text();
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      const reason =
        (error as Error)?.name === 'TimeoutError'
          ? `timed out after ${timeoutMs} ms`
          : `network error: ${(error as Error)?.message}`;
      failures += 1;
      if (failures > retries)
        throw new Error(`${integration}: ${reason}, ${retries} retries`);
      await wait(backoffMs(failures, baseMs, maxWaitMs), reason);
      continue;
    }

    if (response.ok) {
      let data: T;
      try {
        data = (body ? JSON.parse(body) : null) as T;
      } catch {
        // e.g. a proxy's or SSO login page: no retry makes it JSON
        throw new ImportFailedError(
          `${integration}: ${response.status} answer is not JSON: ${body
            .trim()
            .slice(0, 100)}`,
        );
      }
      return { data, status: response.status, headers: response.headers };
    }
    const answer = [response.status, answerOf(body)].filter(Boolean).join(' ');

    if (isRateLimited(response)) {
      waits += 1;
      if (waits > rateLimitWaits)
        throw new Error(`${integration}: still rate limited (${answer})`);
      const ms =
        rateLimitWaitMs(response.headers) ??
        backoffMs(waits, baseMs, maxWaitMs);
      await wait(Math.min(ms, maxWaitMs), `rate limited (${answer})`);
      continue;
    }
    if (RIGHTS_STATUSES.includes(response.status))
      throw new ImportFailedError(
        `${integration}: ${answer}; ${options.missingRight}`,
      );
    if (response.status < 500)
      throw new ImportFailedError(`${integration}: ${answer}`);
    failures += 1;
    if (failures > retries)
      throw new Error(`${integration}: ${answer} after ${retries} retries`);
    await wait(backoffMs(failures, baseMs, maxWaitMs), answer);
  }

  function wait(ms: number, reason: string) {
    options.onWait?.({ ms, reason });
    return sleep(ms, signal);
  }
}
