import type { AlertRule } from '@valuestream/backstage-plugin-value-stream-common';
import type { AlertRecheckFn, AlertRuleFn } from '../types';
import { cycleTimeOutlier, cycleTimeOutlierRecheck } from './cycleTimeOutlier';
import { highValueStuck, highValueStuckRecheck } from './highValueStuck';
import { itemBlocked, itemBlockedRecheck } from './itemBlocked';
import { itemStuck, itemStuckRecheck } from './itemStuck';
import {
  lowFlowEfficiency,
  lowFlowEfficiencyRecheck,
} from './lowFlowEfficiency';
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
  high_value_stuck: highValueStuck,
};

/**
 * Per rule, the moments its result changes with no new event: item thresholds crossed,
 * items leaving a rolling window, calendar boundaries. Only the `item_stuck` baseline (mean
 * and σ of visits in the lookback) drifts as old visits leave it without a listed moment (one
 * per visit would re-evaluate large entities every few minutes): the refresh re-evaluates
 * every entity at least every `alerts.refreshMinutes`.
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
  cycle_time_outlier: cycleTimeOutlierRecheck,
  low_flow_efficiency: lowFlowEfficiencyRecheck,
  high_value_stuck: highValueStuckRecheck,
};

export {
  cycleTimeOutlier,
  highValueStuck,
  itemBlocked,
  itemStuck,
  lowFlowEfficiency,
  wipOverLimit,
  wipSpike,
};
