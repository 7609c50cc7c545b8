import { formatDuration } from '@valuestream/backstage-plugin-value-stream-common';
import { percentileCont } from '../../metrics/percentiles';
import { seconds } from '../../metrics/time';
import { stageThresholds } from '../thresholds';
import { stageVisitSeconds } from './itemStuck';
import type { RuleThresholds } from '../thresholds';
import type {
  AlertCandidate,
  AlertRecheckFn,
  AlertRuleFn,
  RuleInput,
} from '../types';

/**
 * The p85 (seconds) of the stage's visits that ended in the lookback, the population of
 * `item_stuck` (zero-length visits left out); null with fewer than `minSamples`.
 */
function p85Limit(
  input: RuleInput,
  stage: string,
  t: ReturnType<typeof stageThresholds>,
): number | null {
  const samples = stageVisitSeconds(input, stage, t.lookbackDays);
  if (samples.length === 0 || samples.length < t.minSamples) return null;
  return percentileCont(
    [...samples].sort((a, b) => a - b),
    0.85,
  );
}

/** The open high-value items in an active or wait stage, with their stage's p85. */
function watched(input: RuleInput, thresholds: RuleThresholds) {
  return input.stages.flatMap(stage => {
    if (stage.category !== 'active' && stage.category !== 'wait') return [];
    const t = stageThresholds(thresholds, stage.name);
    if (!t.enabled.high_value_stuck) return [];
    const items = input.journeys.filter(
      j =>
        j.stage === stage.name &&
        j.doneAt === null &&
        j.value !== null &&
        j.value >= t.highValueThreshold,
    );
    if (!items.length) return [];
    const limit = p85Limit(input, stage.name, t);
    return limit === null ? [] : [{ stage: stage.name, limit, items }];
  });
}

/**
 * `high_value_stuck` (critical, DESIGN §14): an open item whose value is at least
 * `highValue.threshold` (default 70) has been in its current active or wait stage
 * longer than the p85 of that stage's visits (the population of `item_stuck`, at least
 * `minSamples` of them).
 *
 * @internal
 */
export const highValueStuck: AlertRuleFn = (input, thresholds) => {
  const candidates: AlertCandidate[] = [];
  for (const { stage, limit, items } of watched(input, thresholds)) {
    for (const journey of items) {
      const elapsed = seconds(input.now - journey.stageEnteredAt);
      if (!(elapsed > limit)) continue;
      candidates.push({
        rule: 'high_value_stuck',
        subject: journey.key,
        severity: 'critical',
        stage,
        workItemKey: journey.key,
        message: `${journey.key} (value ${
          journey.value
        }) has been in ${stage} for ${formatDuration(
          elapsed,
        )}; 85% of items leave it within ${formatDuration(limit)}`,
        since: journey.stageEnteredAt + limit * 1000,
      });
    }
  }
  return candidates;
};

/** When an open high-value item crosses its stage's p85. @internal */
export const highValueStuckRecheck: AlertRecheckFn = (
  input,
  thresholds,
  at,
) => {
  for (const { limit, items } of watched(input, thresholds))
    for (const journey of items) at(journey.stageEnteredAt + limit * 1000);
};
