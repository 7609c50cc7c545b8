import type { ValueMetrics } from '@valuestream/backstage-plugin-value-stream-common';
import type { Millis, Window } from '../journeys/types';
import { DAY_MS, inWindow, perWeek } from './time';

/** What the value metrics need of a done item: its value (null: none given) and cycle time. */
export interface ValuedItem {
  key: string;
  /** 1–100 from the tracker; null when the item has none (never counted as 0). */
  value: number | null;
  /** Its last entry into Done (an item reopened and done again counts at that one). */
  doneAt: Millis | null;
  /** Seconds; null unless done. */
  cycleTime: number | null;
}

/**
 * The `value` block of the metrics response (DESIGN §14, §17) over the items that
 * entered Done in `[from, to)`: `delivered` sums the values of the valued ones,
 * `velocity` is that per week, `efficiency` is value per day of their cycle time and
 * `valuedShare` the share of done items that have a value. Items without a value are
 * counted apart (`unvalued`), never as 0. An item listed twice counts once, at its
 * latest `doneAt`.
 *
 * @internal
 */
export function valueMetrics(
  items: readonly ValuedItem[],
  window: Window,
): ValueMetrics {
  const latest = new Map<string, ValuedItem>();
  for (const item of items) {
    if (item.doneAt === null) continue;
    const seen = latest.get(item.key);
    if (!seen || seen.doneAt! < item.doneAt) latest.set(item.key, item);
  }
  const done = [...latest.values()].filter(i => inWindow(i.doneAt, window));
  const valued = done.filter(i => i.value !== null);
  const delivered = valued.reduce((sum, i) => sum + i.value!, 0);
  const cycleDays = valued.reduce(
    (sum, i) => sum + ((i.cycleTime ?? 0) * 1000) / DAY_MS,
    0,
  );
  return {
    delivered,
    velocity: perWeek(delivered, window),
    efficiency:
      valued.length > 0 && cycleDays > 0 ? delivered / cycleDays : null,
    valuedShare: done.length > 0 ? valued.length / done.length : null,
    valued: valued.length,
    unvalued: done.length - valued.length,
  };
}
