import type {
  StageDefinition,
  TimeseriesInterval,
} from '@valuestream/backstage-plugin-value-stream-common';
import type { ItemStats, StageInterval, Window } from '../journeys/types';
import {
  DAY_MS,
  inWindow,
  iso,
  startOfUtcDay,
  startOfUtcWeek,
  WEEK_MS,
} from './time';

/** All stage visits of one item. @internal */
export interface ItemIntervals {
  key: string;
  intervals: readonly StageInterval[];
}

/** @internal */
export interface WipPoint {
  t: string;
  value: number;
  stages: Record<string, number>;
}
/** @internal */
export interface CfdPoint {
  t: string;
  stages: Record<string, number>;
}
/** @internal */
export interface ValuePoint {
  t: string;
  value: number;
}
/** @internal */
export interface CycleTimePoint {
  t: string;
  key: string;
  value: number;
}

const periodLength = (interval: TimeseriesInterval) =>
  interval === 'week' ? WEEK_MS : DAY_MS;
const periodStart = (ms: number, interval: TimeseriesInterval) =>
  interval === 'week' ? startOfUtcWeek(ms) : startOfUtcDay(ms);

/**
 * Period boundaries (00:00 UTC; Mondays for weeks) `t` with from < t ≤ to.
 *
 * @internal
 */
export function boundaries(
  window: Window,
  interval: TimeseriesInterval = 'day',
): number[] {
  const result: number[] = [];
  const step = periodLength(interval);
  for (
    let t = periodStart(window.from, interval) + step;
    t <= window.to;
    t += step
  ) {
    result.push(t);
  }
  return result;
}

interface Snapshot {
  t: number;
  /** Items per current stage. */
  stages: Map<string, number>;
  /** Items whose current stage is neither queue nor done. */
  load: number;
}

/**
 * The state at each time in `times` (ascending) from the visits that began
 * strictly before it and had not ended strictly before it.
 */
function snapshots(
  items: readonly ItemIntervals[],
  times: readonly number[],
): Snapshot[] {
  const changes: Array<{ at: number; interval: StageInterval; delta: 1 | -1 }> =
    [];
  for (const item of items) {
    for (const interval of item.intervals) {
      changes.push({ at: interval.enteredAt, interval, delta: 1 });
      if (interval.exitedAt !== null)
        changes.push({ at: interval.exitedAt, interval, delta: -1 });
    }
  }
  changes.sort((a, b) => a.at - b.at);

  const stages = new Map<string, number>();
  let load = 0;
  let next = 0;
  return times.map(t => {
    for (; next < changes.length && changes[next].at < t; next++) {
      const { interval, delta } = changes[next];
      stages.set(interval.stage, (stages.get(interval.stage) ?? 0) + delta);
      if (interval.category === 'active' || interval.category === 'wait')
        load += delta;
    }
    return { t, stages: new Map(stages), load };
  });
}

/**
 * WIP per boundary (DESIGN §11): load plus the items in each non-done stage.
 *
 * @internal
 */
export function wipSeries(options: {
  items: readonly ItemIntervals[];
  stages: readonly StageDefinition[];
  window: Window;
  interval?: TimeseriesInterval;
}): WipPoint[] {
  const wipStages = options.stages.filter(s => s.category !== 'done');
  return snapshots(
    options.items,
    boundaries(options.window, options.interval),
  ).map(s => ({
    t: iso(s.t),
    value: s.load,
    stages: Object.fromEntries(
      wipStages.map(st => [st.name, s.stages.get(st.name) ?? 0]),
    ),
  }));
}

/**
 * Cumulative flow per boundary: for each stage (config order), the items whose
 * current stage is that stage or a later one.
 *
 * @internal
 */
export function cfdSeries(options: {
  items: readonly ItemIntervals[];
  stages: readonly StageDefinition[];
  window: Window;
  interval?: TimeseriesInterval;
}): CfdPoint[] {
  const names = options.stages.map(s => s.name);
  return snapshots(
    options.items,
    boundaries(options.window, options.interval),
  ).map(s => {
    const cumulative: Record<string, number> = {};
    let sum = 0;
    for (let i = names.length - 1; i >= 0; i--) {
      sum += s.stages.get(names[i]) ?? 0;
      cumulative[names[i]] = sum;
    }
    return {
      t: iso(s.t),
      stages: Object.fromEntries(names.map(n => [n, cumulative[n]])),
    };
  });
}

/**
 * Items done per period overlapping the window; `t` is the period start, the
 * count covers `[max(t, from), min(t + period, to))`.
 *
 * @internal
 */
export function throughputSeries(
  doneAts: readonly number[],
  window: Window,
  interval: TimeseriesInterval = 'week',
): ValuePoint[] {
  if (window.to <= window.from) return [];
  const counts = new Map<number, number>();
  for (const doneAt of doneAts) {
    if (!inWindow(doneAt, window)) continue;
    const start = periodStart(doneAt, interval);
    counts.set(start, (counts.get(start) ?? 0) + 1);
  }
  const points: ValuePoint[] = [];
  const step = periodLength(interval);
  for (let t = periodStart(window.from, interval); t < window.to; t += step) {
    points.push({ t: iso(t), value: counts.get(t) ?? 0 });
  }
  return points;
}

/**
 * One point per item done in the window: its done time and cycle time.
 *
 * @internal
 */
export function cycleTimeSeries(
  items: readonly ItemStats[],
  window: Window,
): CycleTimePoint[] {
  return items
    .filter(i => inWindow(i.doneAt, window) && i.cycleTime !== null)
    .sort((a, b) => a.doneAt! - b.doneAt! || a.key.localeCompare(b.key))
    .map(i => ({ t: iso(i.doneAt!), key: i.key, value: i.cycleTime! }));
}
