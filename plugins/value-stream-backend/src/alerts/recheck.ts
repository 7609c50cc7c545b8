import type { AlertRule } from '@valuestream/backstage-plugin-value-stream-common';
import { ALERT_RECHECKS } from './rules';
import type { RuleThresholds } from './thresholds';
import type { RuleInput } from './types';

/**
 * When an entity must be evaluated again if no event arrives: the earliest moment a rule's
 * result may change (an open item crossing a threshold, a calendar boundary; see
 * ALERT_RECHECKS), history dated after `now` (it takes effect then), and at the latest
 * `refreshAt`, which bounds how stale the window-based baselines can get.
 *
 * @internal
 */
export function nextEvaluationAt(
  input: RuleInput,
  thresholds: RuleThresholds,
  refreshAt: number,
): number {
  const { now } = input;
  let next = Math.max(now, refreshAt);
  const at = (moment: number) => {
    if (moment >= now && moment < next) next = moment;
  };
  const later = (moment: number | null) => {
    if (moment !== null && moment > now) at(moment);
  };
  for (const journey of input.journeys) {
    later(journey.doneAt);
    for (const v of journey.intervals) {
      later(v.enteredAt);
      later(v.exitedAt);
    }
    for (const b of journey.blockedIntervals) {
      later(b.from);
      later(b.to);
    }
  }
  for (const [rule, recheck] of Object.entries(ALERT_RECHECKS)) {
    if (thresholds.enabled[rule as AlertRule]) recheck!(input, thresholds, at);
  }
  // Stored as a bigint; a moment a little late is still after the crossing.
  return Math.ceil(next);
}
