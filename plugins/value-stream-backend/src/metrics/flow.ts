import {
  ITEM_TYPES,
  ItemType,
  MetricsResponse,
} from '@valuestream/backstage-plugin-value-stream-common';
import type { ItemStats, Window } from '../journeys/types';
import { durationStats } from './percentiles';
import { inWindow, perWeek } from './time';

function countByType(items: readonly ItemStats[]): Record<ItemType, number> {
  const counts = Object.fromEntries(ITEM_TYPES.map(t => [t, 0])) as Record<
    ItemType,
    number
  >;
  for (const item of items) counts[item.itemType] += 1;
  return counts;
}

/**
 * Σactive / Σ(active + wait) over the given items; null with nothing to
 * divide by (DESIGN §6).
 *
 * @internal
 */
export function flowEfficiency(items: readonly ItemStats[]): number | null {
  let active = 0;
  let total = 0;
  for (const item of items) {
    if (item.activeTime === null || item.waitTime === null) continue;
    active += item.activeTime;
    total += item.activeTime + item.waitTime;
  }
  return total > 0 ? active / total : null;
}

/**
 * The `flow` block of the metrics response (DESIGN §6, §11) over the items
 * that entered Done in `[from, to)`. `load` is the current WIP, computed by the
 * caller. Values are raw floats. `blockedTime` comes from ./blockedTime.
 *
 * @internal
 */
export function flowMetrics(
  items: readonly ItemStats[],
  window: Window,
  load: number,
): Omit<MetricsResponse['flow'], 'blockedTime'> {
  const done = items.filter(item => inWindow(item.doneAt, window));
  const byType = countByType(done);
  const total = done.length;
  const distribution =
    total === 0
      ? null
      : (Object.fromEntries(
          ITEM_TYPES.map(t => [t, byType[t] / total]),
        ) as Record<ItemType, number>);

  return {
    throughput: { total, perWeek: perWeek(total, window), byType },
    cycleTime: durationStats(
      done.flatMap(i => (i.cycleTime === null ? [] : [i.cycleTime])),
    ),
    leadTime: durationStats(
      done.flatMap(i => (i.leadTime === null ? [] : [i.leadTime])),
    ),
    efficiency: flowEfficiency(done),
    load: Math.round(load),
    distribution,
  };
}
