import { DAY_MS } from '../../metrics/time';
import { formatDuration } from '@valuestream/backstage-plugin-value-stream-common';
import type { AlertCandidate, AlertRecheckFn, AlertRuleFn } from '../types';

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * `cycle_time_outlier`: an item done in the recent days took more than
 * outlier-factor × the entity's mean cycle time over the lookback (DESIGN §7).
 * Windows are done in (now − days, now].
 *
 * @internal
 */
export const cycleTimeOutlier: AlertRuleFn = (input, t) => {
  const { now } = input;
  const done = input.itemStats.filter(
    (i): i is typeof i & { doneAt: number; cycleTime: number } =>
      i.doneAt !== null && i.cycleTime !== null && i.doneAt <= now,
  );
  const sample = done.filter(
    i => i.doneAt > now - t.outlierLookbackDays * DAY_MS,
  );
  if (sample.length === 0) return [];
  const mean = sample.reduce((sum, i) => sum + i.cycleTime, 0) / sample.length;

  const candidates: AlertCandidate[] = [];
  for (const item of done) {
    if (item.doneAt <= now - t.outlierRecentDays * DAY_MS) continue;
    if (!(item.cycleTime > t.outlierFactor * mean)) continue;
    candidates.push({
      rule: 'cycle_time_outlier',
      subject: item.key,
      severity: 'warning',
      workItemKey: item.key,
      message: `${item.key} took ${formatDuration(
        item.cycleTime,
      )} from start to done, ${round1(
        item.cycleTime / mean,
      )}× the mean of ${formatDuration(mean)} over the last ${
        t.outlierLookbackDays
      } days`,
      since: item.doneAt,
    });
  }
  return candidates;
};

/** When a done item leaves the recent window or the mean's lookback. @internal */
export const cycleTimeOutlierRecheck: AlertRecheckFn = (input, t, at) => {
  for (const item of input.itemStats) {
    if (item.doneAt === null || item.cycleTime === null) continue;
    at(item.doneAt + t.outlierRecentDays * DAY_MS);
    at(item.doneAt + t.outlierLookbackDays * DAY_MS);
  }
};
