import { DAY_MS, startOfUtcDay } from '../../metrics/time';
import { stageThresholds } from '../thresholds';
import type { AlertCandidate, AlertRecheckFn, AlertRuleFn } from '../types';
import { currentWip, runStart, stageWipSteps, wipBefore } from '../wipHistory';

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * `wip_spike`: an active or wait stage's WIP is above spike-factor × its
 * average daily WIP (sampled at each 00:00 UTC boundary in the lookback, from
 * the stage intervals) and at least the minimum WIP (DESIGN §7, §11).
 *
 * @internal
 */
export const wipSpike: AlertRuleFn = (input, thresholds) => {
  const { now } = input;
  const candidates: AlertCandidate[] = [];
  for (const stage of input.stages) {
    if (stage.category !== 'active' && stage.category !== 'wait') continue;
    const t = stageThresholds(thresholds, stage.name);
    if (!t.enabled.wip_spike) continue;

    const steps = stageWipSteps(input.journeys, stage.name, now);
    const wip = currentWip(steps);
    if (wip < t.spikeMinWip) continue;

    const samples: number[] = [];
    const from = now - t.spikeLookbackDays * DAY_MS;
    for (let b = startOfUtcDay(from) + DAY_MS; b <= now; b += DAY_MS) {
      samples.push(wipBefore(steps, b));
    }
    const average = samples.length
      ? samples.reduce((sum, v) => sum + v, 0) / samples.length
      : 0;
    const holds = (w: number) =>
      w > t.spikeFactor * average && w >= t.spikeMinWip;
    if (!holds(wip)) continue;

    const ratio = average > 0 ? `${round1(wip / average)}× its` : 'up from a';
    candidates.push({
      rule: 'wip_spike',
      subject: stage.name,
      severity: 'warning',
      stage: stage.name,
      message: `${
        stage.name
      } has ${wip} items in progress, ${ratio} daily average of ${round1(
        average,
      )} over the last ${t.spikeLookbackDays} days`,
      since: runStart(steps, holds) ?? now,
    });
  }
  return candidates;
};

/** The daily WIP samples move at each 00:00 UTC. @internal */
export const wipSpikeRecheck: AlertRecheckFn = (input, thresholds, at) => {
  const watched = input.stages.some(
    stage =>
      (stage.category === 'active' || stage.category === 'wait') &&
      stageThresholds(thresholds, stage.name).enabled.wip_spike,
  );
  if (watched) at(startOfUtcDay(input.now) + DAY_MS);
};
