import {
  DEFAULT_STAGES,
  ItemType,
} from '@valuestream/backstage-plugin-value-stream-common';
import type { Journey, StageInterval } from '../../journeys/types';

/** 2024-01-01T00:00:00Z, a Monday. */
export const T0 = Date.UTC(2024, 0, 1);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** T0 + n hours. */
export const h = (n: number) => T0 + n * HOUR;
/** T0 + n days. */
export const d = (n: number) => T0 + n * DAY;

const categoryOf = (stage: string) =>
  DEFAULT_STAGES.find(s => s.name === stage)?.category ?? 'active';

/**
 * Builds a journey from its ordered stage entries: each visit ends when the
 * next one begins; the last is the current one. The first entry is Backlog at
 * creation time.
 */
export function journey(options: {
  key: string;
  visits: Array<[stage: string, enteredAt: number]>;
  blocked?: Array<[from: number, to: number | null]>;
  itemType?: ItemType;
}): Journey {
  const intervals: StageInterval[] = options.visits.map(
    ([stage, enteredAt], i) => ({
      stage,
      category: categoryOf(stage),
      enteredAt,
      exitedAt: i + 1 < options.visits.length ? options.visits[i + 1][1] : null,
    }),
  );
  const started = intervals.find(v => v.category !== 'queue');
  const last = intervals[intervals.length - 1];
  const blockedIntervals = (options.blocked ?? []).map(([from, to]) => ({
    from,
    to,
  }));
  return {
    key: options.key,
    title: options.key,
    itemType: options.itemType ?? 'feature',
    priority: null,
    value: null,
    labels: [],
    createdAt: intervals[0].enteredAt,
    startedAt: started?.enteredAt ?? null,
    doneAt: last.category === 'done' ? last.enteredAt : null,
    stage: last.stage,
    stageEnteredAt: last.enteredAt,
    blocked: blockedIntervals.some(b => b.to === null),
    intervals,
    blockedIntervals,
  };
}
