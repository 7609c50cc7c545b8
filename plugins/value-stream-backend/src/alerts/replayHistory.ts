import type { Journey } from '../journeys/types';
import { computeItemStats } from '../metrics/itemStats';
import { DAY_MS, startOfUtcDay } from '../metrics/time';
import { evaluateRules } from './evaluate';
import type { RuleThresholds } from './thresholds';
import type { AlertCandidate, RuleInput } from './types';

/**
 * The journey as its events before `t` made it (or null when it did not exist yet): visits
 * and blocked periods that began before `t`, those still running at `t` open.
 *
 * @internal
 */
export function journeyAsOf(journey: Journey, t: number): Journey | null {
  if (journey.createdAt >= t) return null;
  const intervals = journey.intervals
    .filter(i => i.enteredAt < t)
    .map(i =>
      i.exitedAt !== null && i.exitedAt >= t ? { ...i, exitedAt: null } : i,
    );
  if (intervals.length === 0) return null;
  const blockedIntervals = journey.blockedIntervals
    .filter(b => b.from < t)
    .map(b => (b.to !== null && b.to >= t ? { ...b, to: null } : b));
  const current = intervals[intervals.length - 1];
  const startedAt =
    journey.startedAt !== null && journey.startedAt < t
      ? journey.startedAt
      : null;
  const { observationEndsAt, doneDueAt, ...rest } = journey;
  return {
    ...rest,
    startedAt,
    doneAt: current.category === 'done' ? current.enteredAt : null,
    stage: current.stage,
    stageEnteredAt: current.enteredAt,
    blocked: blockedIntervals.some(b => b.to === null),
    intervals,
    blockedIntervals,
  };
}

/** An alert that opened and resolved itself in the replayed past. @internal */
export interface ReplayedAlert extends AlertCandidate {
  detectedAt: number;
  resolvedAt: number;
}

/**
 * The bottleneck history an entity's events imply before `now` (DESIGN §7: alerts come from
 * event history, so a backfill raises what live traffic would have): the rules run at each
 * step over the history as it stood then, and each condition that fired at one step and no
 * longer at a later one (before `now`) is an alert detected at the first and resolved at the
 * second. Conditions still firing at the last step are left to the live evaluation.
 *
 * @internal
 */
export function replayAlerts(options: {
  journeys: readonly Journey[];
  stages: RuleInput['stages'];
  thresholds: RuleThresholds;
  now: number;
  days: number;
  stepMs?: number;
}): ReplayedAlert[] {
  const { journeys, stages, thresholds, now, days } = options;
  const step = options.stepMs ?? DAY_MS;
  const open = new Map<string, { candidate: AlertCandidate; at: number }>();
  const resolved: ReplayedAlert[] = [];
  // Steps on UTC day boundaries (the same steps whenever it runs that day), the last before now.
  for (let t = startOfUtcDay(now) - (days - 1) * step; t < now; t += step) {
    const past = journeys.flatMap(j => journeyAsOf(j, t) ?? []);
    const input = {
      now: t,
      stages,
      journeys: past,
      itemStats: past.map(j => computeItemStats(j, t)),
    };
    const firing = new Map<string, AlertCandidate>();
    for (const c of evaluateRules(input, thresholds)) {
      const key = `${c.rule}\u0000${c.subject}`;
      if (!firing.has(key)) firing.set(key, c);
    }
    for (const [key, { candidate, at }] of open) {
      if (firing.has(key)) continue;
      resolved.push({ ...candidate, detectedAt: at, resolvedAt: t });
      open.delete(key);
    }
    for (const [key, candidate] of firing) {
      if (!open.has(key)) open.set(key, { candidate, at: t });
    }
  }
  return resolved.sort(
    (a, b) =>
      a.detectedAt - b.detectedAt ||
      a.rule.localeCompare(b.rule) ||
      a.subject.localeCompare(b.subject),
  );
}
