import type { BlockedInterval, Millis } from '../journeys/types';
import { BlockedReasonRules, categorise } from './blockedReasons';

/** What blocked time needs of one item done in the window. @internal */
export interface BlockedItem {
  createdAt: Millis;
  startedAt: Millis | null;
  doneAt: Millis;
  blockedIntervals: readonly BlockedInterval[];
}

/**
 * `flow.blockedTime` (DESIGN §13): seconds blocked of the items done in the window, in
 * total and per reason category. Each interval counts only between the item's start
 * (its creation if it never left the queue) and its Done; one still open counts to Done.
 * Categories without blocked time are left out.
 *
 * @internal
 */
export function blockedTime(
  items: readonly BlockedItem[],
  rules: BlockedReasonRules,
): { total: number; byReason: Record<string, number> } {
  const byReason: Record<string, number> = {};
  let totalMs = 0;
  for (const item of items) {
    const start = item.startedAt ?? item.createdAt;
    for (const b of item.blockedIntervals) {
      const ms =
        Math.min(b.to ?? item.doneAt, item.doneAt) - Math.max(b.from, start);
      if (ms <= 0) continue;
      const category = categorise(b.reason, rules);
      byReason[category] = (byReason[category] ?? 0) + ms;
      totalMs += ms;
    }
  }
  for (const category of Object.keys(byReason)) byReason[category] /= 1000;
  return { total: totalMs / 1000, byReason };
}
