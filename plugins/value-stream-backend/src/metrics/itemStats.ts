import type { ItemStats, Journey } from '../journeys/types';
import { mergeSpans, overlapMs, Span } from './intervals';
import { seconds } from './time';

/** Blocked intervals as merged spans, open ones ending at `now`. @internal */
export function blockedSpans(journey: Journey, now: number): Span[] {
  return mergeSpans(
    journey.blockedIntervals.map(b => ({ from: b.from, to: b.to ?? now })),
  );
}

/**
 * Per-item numbers of DESIGN §6 and §11.
 *
 * Between `startedAt` and `doneAt` (or `now` while open) time in `active`
 * stages is active and everything else is wait: `wait` stages, `queue` or
 * `done` stages the item went back to (reopen), and any blocked time, whatever
 * the stage. Blocked time before the item left Backlog is not counted there,
 * but `blockedTime` is the item's whole blocked time up to `now`.
 *
 * @internal
 */
export function computeItemStats(journey: Journey, now: number): ItemStats {
  const { startedAt, doneAt, createdAt } = journey;
  const blocked = blockedSpans(journey, now);

  let activeTime: number | null = null;
  let waitTime: number | null = null;
  if (startedAt !== null) {
    const end = doneAt ?? now;
    let activeMs = 0;
    let totalMs = 0;
    for (const interval of journey.intervals) {
      const from = Math.max(interval.enteredAt, startedAt);
      const to = Math.min(interval.exitedAt ?? now, end);
      if (to <= from) continue;
      totalMs += to - from;
      if (interval.category === 'active') {
        activeMs += to - from - overlapMs(from, to, blocked);
      }
    }
    activeTime = seconds(activeMs);
    waitTime = seconds(totalMs - activeMs);
  }

  const isDone = doneAt !== null;
  return {
    key: journey.key,
    itemType: journey.itemType,
    createdAt,
    startedAt,
    doneAt,
    cycleTime:
      isDone && startedAt !== null ? seconds(doneAt - startedAt) : null,
    leadTime: isDone ? seconds(doneAt - createdAt) : null,
    activeTime,
    waitTime,
    blockedTime: seconds(overlapMs(-Infinity, Infinity, blocked)),
  };
}

/**
 * Seconds spent per stage over the item's closed visits (re-entry adds),
 * DESIGN §11. The current visit is not included: see {@link currentStageElapsed}.
 * With `now`, visits that closed after it are left out (history as of `now`).
 *
 * @internal
 */
export function timeInStage(
  journey: Journey,
  now?: number,
): Record<string, number> {
  const result: Record<string, number> = {};
  for (const interval of journey.intervals) {
    if (interval.exitedAt === null) continue;
    if (now !== undefined && interval.exitedAt > now) continue;
    result[interval.stage] =
      (result[interval.stage] ?? 0) +
      seconds(interval.exitedAt - interval.enteredAt);
  }
  return result;
}

/** Seconds since the item entered its current stage. @internal */
export function currentStageElapsed(journey: Journey, now: number): number {
  return seconds(Math.max(0, now - journey.stageEnteredAt));
}
