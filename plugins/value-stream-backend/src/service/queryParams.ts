import { InputError } from '@backstage/errors';
import { z } from 'zod';
import type { Window } from '../journeys/types';

const DAY = 86_400_000;

/** Text a query parameter or path segment may hold: PostgreSQL refuses NUL bytes. */
const text = z
  .string()
  .refine(s => !s.includes('\u0000'), 'NUL bytes (%00) are not allowed');

function parse<T>(schema: z.ZodType<T>, query: unknown): T {
  const r = schema.safeParse(query);
  if (!r.success) {
    throw new InputError(
      r.error.issues
        .map(i => `${i.path.join('.') || 'query'}: ${i.message}`)
        .join('; '),
    );
  }
  return r.data;
}

// Years 1970–9999: enough for any history, and window arithmetic never leaves Date's range.
const MAX_TIME = Date.UTC(9999, 11, 31);
const time = z
  .string()
  .refine(s => !Number.isNaN(Date.parse(s)), 'expected an ISO-8601 date-time')
  .refine(
    s => Date.parse(s) >= 0 && Date.parse(s) <= MAX_TIME,
    'expected a date between 1970 and 9999',
  )
  .optional();

/** `from`/`to` → window; default the last 30 days ending now. */
export function parseWindow(query: unknown, now: number): Window {
  const q = parse(z.object({ from: time, to: time }).loose(), query);
  const to = q.to ? Date.parse(q.to) : now;
  const from = q.from ? Date.parse(q.from) : to - 30 * DAY;
  if (from >= to) throw new InputError('from: must be before to');
  if (to - from > 3 * 366 * DAY)
    throw new InputError('window: at most 3 years');
  return { from, to };
}

/** Longest work-item key (the `vs_items.key` column). */
const MAX_KEY = 300;
const CURSOR = 'not a cursor returned by this API';

/**
 * A cursor as `WorkItemService` encodes it: base64url JSON `{ createdAt, key }` with
 * `createdAt` epoch milliseconds. Anything else (createdAt 1.5 or 1e400, a NUL in the
 * key) would reach the database and fail there.
 */
function isCursor(s: string): boolean {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
    return (
      typeof c === 'object' &&
      c !== null &&
      Number.isSafeInteger(c.createdAt) &&
      c.createdAt >= 0 &&
      typeof c.key === 'string' &&
      c.key.length <= MAX_KEY &&
      !c.key.includes('\u0000')
    );
  } catch {
    return false;
  }
}

/** The `:key` of `GET /work-items/:key`. */
export function parseWorkItemKey(key: string): string {
  return parse(z.object({ key: text.min(1).max(MAX_KEY) }), { key }).key;
}

export function parseListQuery(query: unknown) {
  return parse(
    z
      .object({
        state: z.enum(['open', 'done', 'all']).default('open'),
        stage: text.min(1).max(200).optional(),
        type: z.enum(['feature', 'defect', 'risk', 'debt']).optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(100),
        cursor: z.string().min(1).max(1000).refine(isCursor, CURSOR).optional(),
      })
      .loose(),
    query,
  );
}

export function parseAlertQuery(query: unknown) {
  return parse(
    z
      .object({ status: z.enum(['open', 'resolved', 'all']).default('open') })
      .loose(),
    query,
  );
}

export function parseTimeseriesQuery(query: unknown) {
  const q = parse(
    z
      .object({
        metric: z.enum([
          'wip',
          'throughput',
          'cfd',
          'cycle_time',
          'lead_time_breakdown',
          'value',
        ]),
        interval: z.enum(['day', 'week']).optional(),
      })
      .loose(),
    query,
  );
  return {
    metric: q.metric,
    interval:
      q.interval ??
      (q.metric === 'throughput' || q.metric === 'lead_time_breakdown'
        ? 'week'
        : 'day'),
  } as const;
}
