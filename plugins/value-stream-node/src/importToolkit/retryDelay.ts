/**
 * How long a rate-limited answer asks to wait, in ms, or undefined when it does not say:
 * `Retry-After` as seconds or an HTTP date (Jira, GitHub secondary limits, RFC 9110), else
 * `RateLimit-Reset` (GitLab: epoch seconds; the IETF draft: seconds from now). Pure.
 * @public
 */
export function rateLimitWaitMs(
  headers: Headers,
  now: number = Date.now(),
): number | undefined {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Number(retryAfter) * 1000;
    const at = Date.parse(retryAfter);
    if (Number.isFinite(at)) return Math.max(0, at - now);
  }
  const reset = headers.get('ratelimit-reset')?.trim();
  if (reset && /^\d+$/.test(reset)) {
    const value = Number(reset);
    // GitLab sends a Unix time; a value this large cannot be a delay in seconds.
    return value > 1e9 ? Math.max(0, value * 1000 - now) : value * 1000;
  }
  return undefined;
}

/**
 * Exponential backoff with full jitter for the `attempt`-th retry (1-based). Pure given
 * `random`.
 * @internal
 */
export function backoffMs(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
