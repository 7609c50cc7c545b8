import type { Journey } from '../journeys/types';

/** From `t` on (events at `t` applied) the stage held `wip` items. @internal */
export interface WipStep {
  t: number;
  wip: number;
}

/**
 * The WIP of one stage over time, from the items' stage intervals (no
 * sampling): one step per instant the count changed, up to `now`.
 *
 * @internal
 */
export function stageWipSteps(
  journeys: readonly Journey[],
  stage: string,
  now: number,
): WipStep[] {
  const deltas = new Map<number, number>();
  const add = (t: number, delta: number) =>
    deltas.set(t, (deltas.get(t) ?? 0) + delta);
  for (const journey of journeys) {
    for (const interval of journey.intervals) {
      if (interval.stage !== stage || interval.enteredAt > now) continue;
      add(interval.enteredAt, 1);
      if (interval.exitedAt !== null && interval.exitedAt <= now)
        add(interval.exitedAt, -1);
    }
  }
  let wip = 0;
  return [...deltas.entries()]
    .sort(([a], [b]) => a - b)
    .map(([t, delta]) => ({ t, wip: (wip += delta) }));
}

/** WIP now: the last step's value. @internal */
export function currentWip(steps: readonly WipStep[]): number {
  return steps.length ? steps[steps.length - 1].wip : 0;
}

/** WIP from the events strictly before `t`. @internal */
export function wipBefore(steps: readonly WipStep[], t: number): number {
  let wip = 0;
  for (const step of steps) {
    if (step.t >= t) break;
    wip = step.wip;
  }
  return wip;
}

/**
 * When the trailing run of steps whose WIP satisfies `holds` began, or null
 * when the current WIP does not satisfy it.
 *
 * @internal
 */
export function runStart(
  steps: readonly WipStep[],
  holds: (wip: number) => boolean,
): number | null {
  let start: number | null = null;
  for (let i = steps.length - 1; i >= 0 && holds(steps[i].wip); i--) {
    start = steps[i].t;
  }
  return start;
}
