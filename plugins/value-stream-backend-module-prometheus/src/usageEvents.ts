import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';

const DAY_MS = 86_400_000;

/** The event source of the module's events. @internal */
export const PROMETHEUS_SOURCE = 'prometheus';

/** A UTC day `[from, to)` in epoch ms. @internal */
export interface Day {
  from: number;
  to: number;
}

/**
 * The last `days` complete UTC days before `now`, oldest first: yesterday, the day
 * before, … (today is not over, so it is never reported). Pure.
 * @internal
 */
export function completeDays(now: number, days: number): Day[] {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  return Array.from({ length: days }, (_, i) => {
    const from = today - (days - i) * DAY_MS;
    return { from, to: from + DAY_MS };
  });
}

/**
 * The `usage.reported` event of a feature's usage on one day. Its id names the
 * feature and the day, so reporting a day again is a no-op. Pure.
 * @internal
 */
export function usageEvent(
  workItemKey: string,
  day: Day,
  count: number,
): CanonicalEvent {
  const from = new Date(day.from).toISOString();
  const to = new Date(day.to).toISOString();
  return {
    id: `usage:${workItemKey}:${from.slice(0, 10)}`,
    source: PROMETHEUS_SOURCE,
    type: 'usage.reported',
    occurredAt: to,
    data: { workItemKey, count, from, to },
  };
}
