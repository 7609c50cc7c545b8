import { DAY_MS, seconds } from '../../metrics/time';
import { formatDuration } from '@valuestream/backstage-plugin-value-stream-common';
import { stageThresholds } from '../thresholds';
import type { RuleThresholds } from '../thresholds';
import type {
  AlertCandidate,
  AlertRecheckFn,
  AlertRuleFn,
  RuleInput,
} from '../types';

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
 * Seconds of the stage's visits that ended in the lookback before `now`, zero-length visits
 * left out: the population both stuck rules compare an item with. @internal
 */
export function stageVisitSeconds(
  input: RuleInput,
  stage: string,
  lookbackDays: number,
): number[] {
  const { now, journeys } = input;
  const cutoff = now - lookbackDays * DAY_MS;
  const samples: number[] = [];
  for (const journey of journeys) {
    for (const v of journey.intervals) {
      if (v.stage !== stage || v.exitedAt === null) continue;
      if (
        v.exitedAt <= cutoff ||
        v.exitedAt > now ||
        v.exitedAt === v.enteredAt
      )
        continue;
      samples.push(seconds(v.exitedAt - v.enteredAt));
    }
  }
  return samples;
}

/** The stage's stuck limit in seconds (mean + σ-multiplier × σ), or null with too few visits. */
function stuckLimit(
  input: RuleInput,
  stage: string,
  t: ReturnType<typeof stageThresholds>,
): number | null {
  const samples = stageVisitSeconds(input, stage, t.lookbackDays);
  if (samples.length < t.minSamples || samples.length === 0) return null;
  const { mean, sd } = meanAndSampleSd(samples);
  return mean + t.sigma * sd;
}

/** The active and wait stages the rule watches, with their limits. */
function watchedStages(input: RuleInput, thresholds: RuleThresholds) {
  return input.stages.flatMap(stage => {
    if (stage.category !== 'active' && stage.category !== 'wait') return [];
    const t = stageThresholds(thresholds, stage.name);
    if (!t.enabled.item_stuck) return [];
    const limit = stuckLimit(input, stage.name, t);
    return limit === null ? [] : [{ stage: stage.name, limit }];
  });
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
  for (const { stage, limit } of watchedStages(input, thresholds)) {
    for (const journey of journeys) {
      if (journey.stage !== stage || journey.doneAt !== null) continue;
      const elapsed = seconds(now - journey.stageEnteredAt);
      if (!(elapsed > limit)) continue;
      candidates.push({
        rule: 'item_stuck',
        subject: journey.key,
        severity: elapsed > 2 * limit ? 'critical' : 'warning',
        stage,
        workItemKey: journey.key,
        message: `${journey.key} has been in ${stage} for ${formatDuration(
          elapsed,
        )}; items usually leave it within ${formatDuration(limit)}`,
        since: journey.stageEnteredAt + limit * 1000,
      });
    }
  }
  return candidates;
};

/**
 * When an open item crosses its stage's limit (warning) or twice it (critical). The limit
 * itself moves only with new visits or as old ones leave the lookback (the refresh).
 *
 * @internal
 */
export const itemStuckRecheck: AlertRecheckFn = (input, thresholds, at) => {
  for (const { stage, limit } of watchedStages(input, thresholds)) {
    for (const journey of input.journeys) {
      if (journey.stage !== stage || journey.doneAt !== null) continue;
      at(journey.stageEnteredAt + limit * 1000);
      at(journey.stageEnteredAt + 2 * limit * 1000);
    }
  }
};
