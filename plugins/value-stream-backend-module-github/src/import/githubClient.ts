import type { LoggerService } from '@backstage/backend-plugin-api';
import { Octokit } from '@octokit/core';
import { RequestError } from '@octokit/request-error';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';
import { sleep } from '@valuestream/backstage-plugin-value-stream-node';

const ImportOctokit = Octokit.plugin(throttling, retry);

/** The client the importer reads through: Octokit with the throttling and retry plugins. */
export type GithubClient = InstanceType<typeof ImportOctokit>;

/**
 * Tuning of the importer's GitHub client; the defaults suit GitHub, tests shorten them.
 * @public
 */
export interface GithubClientTuning {
  /** Per HTTP attempt; default 30 000 ms. A timeout is retried like a 5xx. */
  timeoutMs?: number;
  /** 5xx and timeouts are retried after (n+1)² × this; default 1 000 ms, 3 retries. */
  backoffBaseMs?: number;
  /** Rate-limit waits given in seconds are waited as seconds × this; default 1 000 ms. */
  rateLimitBaseMs?: number;
  /** Rate-limit answers waited out per request before giving up; default 10. */
  rateLimitWaits?: number;
  /**
   * Least time between GraphQL queries (sent one at a time); default 100 ms, within GitHub's
   * secondary limit of 2,000 GraphQL points a minute. (The throttling plugin's default, 1 s,
   * is meant for mutations.)
   */
  graphqlIntervalMs?: number;
}

export interface GithubClientOptions extends GithubClientTuning {
  /** `apiBaseUrl` of the integration (GraphQL is derived from it, GHE's `/api/v3` too). */
  baseUrl: string;
  /** Auth headers, asked before each request (GitHub App tokens expire hourly). */
  headers: () => Promise<Record<string, string> | undefined>;
  signal: AbortSignal;
  logger: LoggerService;
  /** Called for every HTTP attempt, retries included (request budget). */
  onRequest?: () => void;
}

/**
 * An Octokit for one import run. Primary rate limits (`x-ratelimit-remaining: 0`, waited
 * until `x-ratelimit-reset`) and secondary limits (403 with `retry-after`) are waited out
 * by `@octokit/plugin-throttling`; a 429 with `retry-after` here; 5xx answers and timeouts
 * are retried with backoff by `@octokit/plugin-retry`.
 */
export function createGithubClient(options: GithubClientOptions): GithubClient {
  const {
    signal,
    logger,
    timeoutMs = 30_000,
    backoffBaseMs = 1000,
    rateLimitBaseMs = 1000,
    rateLimitWaits = 10,
    graphqlIntervalMs = 100,
  } = options;
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _o: unknown,
      retryCount: number,
    ) => {
      if (signal.aborted || retryCount >= rateLimitWaits) return false;
      logger.warn(
        `GitHub ${kind} rate limit on ${request.method} ${request.url}; waiting ${retryAfter}s`,
      );
      return true;
    };
  const octokit = new ImportOctokit({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    request: {
      fetch: (url: string, init: RequestInit) => {
        options.onRequest?.();
        return fetch(url, {
          ...init,
          signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
        });
      },
    },
    throttle: {
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
      retryAfterBaseValue: rateLimitBaseMs,
      write: new Bottleneck.Group({
        maxConcurrent: 1,
        minTime: graphqlIntervalMs,
      }),
    },
    // 429 is waited out below (it carries retry-after), not retried blindly
    retry: {
      retryAfterBaseValue: backoffBaseMs,
      doNotRetry: [400, 401, 403, 404, 422, 429, 451],
    },
  });
  octokit.hook.before('request', async request => {
    signal.throwIfAborted();
    Object.assign(request.headers, await options.headers());
  });
  octokit.hook.wrap('request', async (request, params) => {
    for (let waits = 0; ; waits++) {
      try {
        return await request(params);
      } catch (error) {
        if (
          !(error instanceof RequestError) ||
          error.status !== 429 ||
          waits >= rateLimitWaits
        )
          throw error;
        const seconds = Number(error.response?.headers['retry-after']) || 60;
        logger.warn(`GitHub answered 429; waiting ${seconds}s`);
        await sleep(seconds * rateLimitBaseMs, signal);
      }
    }
  });
  return octokit;
}
