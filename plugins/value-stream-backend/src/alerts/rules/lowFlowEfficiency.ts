import { flowEfficiency } from '../../metrics/flow';
import { DAY_MS } from '../../metrics/time';
import type { AlertRecheckFn, AlertRuleFn } from '../types';

/**
 * `low_flow_efficiency`: flow efficiency of the items done in the last days
 * (done in (now − days, now]) is below the minimum; needs one item with
 * measured time (DESIGN §7). `since` is the last change of that item set (an
 * item done, or one leaving the window).
 *
 * @internal
 */
export const lowFlowEfficiency: AlertRuleFn = (input, t) => {
  const { now } = input;
  const span = t.efficiencyDays * DAY_MS;
  const recent = input.itemStats.filter(
    i => i.doneAt !== null && i.doneAt > now - span && i.doneAt <= now,
  );
  const efficiency = flowEfficiency(recent);
  if (efficiency === null || !(efficiency < t.efficiencyMin)) return [];

  let since = Math.max(...recent.map(i => i.doneAt!));
  for (const item of input.itemStats) {
    const leftAt = item.doneAt === null ? null : item.doneAt + span;
    if (leftAt !== null && leftAt <= now && leftAt > since) since = leftAt;
  }
  const percent = (n: number) => `${Math.round(n * 100)} %`;
  return [
    {
      rule: 'low_flow_efficiency',
      subject: 'entity',
      severity: efficiency < t.efficiencyMin / 2 ? 'critical' : 'warning',
      message: `Flow efficiency of the last ${
        t.efficiencyDays
      } days is ${percent(efficiency)} over ${recent.length} done ${
        recent.length === 1 ? 'item' : 'items'
      } (minimum ${percent(
        t.efficiencyMin,
      )}): items spend most of their time waiting`,
      since,
    },
  ];
};

/** When a done item leaves the measured window. @internal */
export const lowFlowEfficiencyRecheck: AlertRecheckFn = (input, t, at) => {
  for (const item of input.itemStats) {
    if (item.doneAt !== null) at(item.doneAt + t.efficiencyDays * DAY_MS);
  }
};
