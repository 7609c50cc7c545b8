import { DAY_MS, seconds } from '../../metrics/time';
import { formatDuration } from '@valuestream/backstage-plugin-value-stream-common';
import { stageThresholds } from '../thresholds';
import type { AlertCandidate, AlertRecheckFn, AlertRuleFn } from '../types';
import { currentWip, runStart, stageWipSteps } from '../wipHistory';

/**
 * `wip_over_limit`: a stage's WIP has been above its `wipLimit` without a
 * break for at least the configured days (DESIGN §7). The run's start comes
 * from the stage intervals.
 *
 * @internal
 */
export const wipOverLimit: AlertRuleFn = (input, thresholds) => {
  const { now } = input;
  const candidates: AlertCandidate[] = [];
  for (const stage of input.stages) {
    const limit = stage.wipLimit;
    if (limit === undefined || stage.category === 'done') continue;
    const t = stageThresholds(thresholds, stage.name);
    if (!t.enabled.wip_over_limit) continue;

    const steps = stageWipSteps(input.journeys, stage.name, now);
    const start = runStart(steps, w => w > limit);
    const needed = t.overLimitDays * DAY_MS;
    if (start === null || now - start < needed) continue;

    candidates.push({
      rule: 'wip_over_limit',
      subject: stage.name,
      severity: 'critical',
      stage: stage.name,
      message: `${
        stage.name
      } has been over its WIP limit of ${limit} for ${formatDuration(
        seconds(now - start),
      )} (${currentWip(steps)} items now)`,
      since: start + needed,
    });
  }
  return candidates;
};

/** When a stage's current run over its limit reaches the configured days. @internal */
export const wipOverLimitRecheck: AlertRecheckFn = (input, thresholds, at) => {
  for (const stage of input.stages) {
    const limit = stage.wipLimit;
    if (limit === undefined || stage.category === 'done') continue;
    const t = stageThresholds(thresholds, stage.name);
    if (!t.enabled.wip_over_limit) continue;
    const steps = stageWipSteps(input.journeys, stage.name, input.now);
    const start = runStart(steps, w => w > limit);
    if (start !== null) at(start + t.overLimitDays * DAY_MS);
  }
};
