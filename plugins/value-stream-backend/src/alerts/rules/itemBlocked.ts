import { blockedSpans } from '../../metrics/itemStats';
import { HOUR_MS, seconds } from '../../metrics/time';
import { formatDuration } from '@valuestream/backstage-plugin-value-stream-common';
import { stageThresholds } from '../thresholds';
import type { AlertCandidate, AlertRecheckFn, AlertRuleFn } from '../types';

/**
 * `item_blocked`: an open item has been blocked without a break for longer
 * than the configured hours (DESIGN §7); thresholds of its current stage.
 *
 * @internal
 */
export const itemBlocked: AlertRuleFn = (input, thresholds) => {
  const { now } = input;
  const candidates: AlertCandidate[] = [];
  for (const journey of input.journeys) {
    if (journey.doneAt !== null) continue;
    if (!journey.blockedIntervals.some(b => b.to === null && b.from <= now))
      continue;
    const t = stageThresholds(thresholds, journey.stage);
    if (!t.enabled.item_blocked) continue;

    const current = blockedSpans(journey, now).find(s => s.to === now);
    if (!current) continue;
    const blockedMs = now - current.from;
    const needed = t.blockedHours * HOUR_MS;
    if (!(blockedMs > needed)) continue;
    candidates.push({
      rule: 'item_blocked',
      subject: journey.key,
      severity: blockedMs > 2 * needed ? 'critical' : 'warning',
      stage: journey.stage,
      workItemKey: journey.key,
      message: `${journey.key} has been blocked for ${formatDuration(
        seconds(blockedMs),
      )} in ${journey.stage}`,
      since: current.from + needed,
    });
  }
  return candidates;
};

/** When a blocked open item passes the threshold (warning) or twice it (critical). @internal */
export const itemBlockedRecheck: AlertRecheckFn = (input, thresholds, at) => {
  const { now } = input;
  for (const journey of input.journeys) {
    if (journey.doneAt !== null) continue;
    const t = stageThresholds(thresholds, journey.stage);
    if (!t.enabled.item_blocked) continue;
    const needed = t.blockedHours * HOUR_MS;
    // The merged span the item is blocked in now, and each open block on its own (a block
    // starting at `now` has no span yet).
    const starts = journey.blockedIntervals.flatMap(b =>
      b.to === null && b.from <= now ? [b.from] : [],
    );
    const current = blockedSpans(journey, now).find(s => s.to === now);
    if (current) starts.push(current.from);
    for (const from of starts) {
      at(from + needed);
      at(from + 2 * needed);
    }
  }
};
