import type { MetricsResponse } from '@valuestream/backstage-plugin-value-stream-common';

/** One blocker category with its seconds and share of all blocked time. */
export interface BlockerShare {
  category: string;
  seconds: number;
  share: number;
}

/** The `limit` categories with the most blocked time, most first (ties by name). */
export function topBlockers(
  blockedTime: MetricsResponse['flow']['blockedTime'],
  limit = 3,
): BlockerShare[] {
  if (!(blockedTime.total > 0)) return [];
  return Object.entries(blockedTime.byReason)
    .filter(([, seconds]) => seconds > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b, 'en'))
    .slice(0, limit)
    .map(([category, seconds]) => ({
      category,
      seconds,
      share: seconds / blockedTime.total,
    }));
}
