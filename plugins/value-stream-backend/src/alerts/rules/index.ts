import type { AlertRule } from '@valuestream/backstage-plugin-value-stream-common';
import type { AlertRecheckFn, AlertRuleFn } from '../types';
import { cycleTimeOutlier } from './cycleTimeOutlier';
import { itemBlocked, itemBlockedRecheck } from './itemBlocked';
import { itemStuck, itemStuckRecheck } from './itemStuck';
import { lowFlowEfficiency } from './lowFlowEfficiency';
import { wipOverLimit, wipOverLimitRecheck } from './wipOverLimit';
import { wipSpike, wipSpikeRecheck } from './wipSpike';

/** The bottleneck rules of DESIGN §7 by name. @internal */
export const ALERT_RULES: Readonly<Record<AlertRule, AlertRuleFn>> = {
  item_stuck: itemStuck,
  wip_spike: wipSpike,
  wip_over_limit: wipOverLimit,
  cycle_time_outlier: cycleTimeOutlier,
  low_flow_efficiency: lowFlowEfficiency,
  item_blocked: itemBlocked,
};

/**
 * Per rule, the moments its result changes with no new event, for item-level thresholds
 * and calendar boundaries. Baselines that move as old history leaves a window (means, σ,
 * rolling efficiency) are not listed: the refresh re-evaluates every entity at least every
 * `alerts.refreshMinutes`. Rules absent here depend only on such windows.
 *
 * @internal
 */
export const ALERT_RECHECKS: Readonly<
  Partial<Record<AlertRule, AlertRecheckFn>>
> = {
  item_stuck: itemStuckRecheck,
  wip_spike: wipSpikeRecheck,
  wip_over_limit: wipOverLimitRecheck,
  item_blocked: itemBlockedRecheck,
};

export {
  cycleTimeOutlier,
  itemBlocked,
  itemStuck,
  lowFlowEfficiency,
  wipOverLimit,
  wipSpike,
};
