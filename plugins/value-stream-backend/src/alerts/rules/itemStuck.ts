import { DAY_MS, seconds } from '../../metrics/time';
import { formatDuration } from '../formatDuration';
import { stageThresholds } from '../thresholds';
import type { AlertCandidate, AlertRuleFn } from '../types';

/** Mean and sample standard deviation (n − 1). @internal */
export function meanAndSampleSd(values: readonly number[]): {
  mean: number;
  sd: number;
} {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const squares = values.reduce((sum, v) => sum + (v - mean) ** 2, 0);
  return {
    mean,
    sd: values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0,
  };
}

/**
 * `item_stuck`: an item's current visit of an active or wait stage has lasted
 * longer than mean + σ-multiplier × sample σ of the stage's visits that ended
 * in the lookback (DESIGN §7). Zero-length visits (several moves at one
 * instant) are not visits and are left out of the sample.
 *
 * @internal
 */
export const itemStuck: AlertRuleFn = (input, thresholds) => {
  const { now, journeys } = input;
  const candidates: AlertCandidate[] = [];
  for (const stage of input.stages) {
    if (stage.category !== 'active' && stage.category !== 'wait') continue;
    const t = stageThresholds(thresholds, stage.name);
    if (!t.enabled.item_stuck) continue;

    const cutoff = now - t.lookbackDays * DAY_MS;
    const samples: number[] = [];
    for (const journey of journeys) {
      for (const v of journey.intervals) {
        if (v.stage !== stage.name || v.exitedAt === null) continue;
        if (
          v.exitedAt <= cutoff ||
          v.exitedAt > now ||
          v.exitedAt === v.enteredAt
        )
          continue;
        samples.push(seconds(v.exitedAt - v.enteredAt));
      }
    }
    if (samples.length < t.minSamples || samples.length === 0) continue;
    const { mean, sd } = meanAndSampleSd(samples);
    const limit = mean + t.sigma * sd;

    for (const journey of journeys) {
      if (journey.stage !== stage.name || journey.doneAt !== null) continue;
      const elapsed = seconds(now - journey.stageEnteredAt);
      if (!(elapsed > limit)) continue;
      candidates.push({
        rule: 'item_stuck',
        subject: journey.key,
        severity: elapsed > 2 * limit ? 'critical' : 'warning',
        stage: stage.name,
        workItemKey: journey.key,
        message: `${journey.key} has been in ${stage.name} for ${formatDuration(
          elapsed,
        )}; items usually leave it within ${formatDuration(limit)}`,
        since: journey.stageEnteredAt + limit * 1000,
      });
    }
  }
  return candidates;
};
