import type { AlertRule } from '@valuestream/backstage-plugin-value-stream-common';
import type { AlertRuleFn } from '../types';
import { cycleTimeOutlier } from './cycleTimeOutlier';
import { itemBlocked } from './itemBlocked';
import { itemStuck } from './itemStuck';
import { lowFlowEfficiency } from './lowFlowEfficiency';
import { wipOverLimit } from './wipOverLimit';
import { wipSpike } from './wipSpike';

/** The bottleneck rules of DESIGN §7 by name. @internal */
export const ALERT_RULES: Readonly<Record<AlertRule, AlertRuleFn>> = {
  item_stuck: itemStuck,
  wip_spike: wipSpike,
  wip_over_limit: wipOverLimit,
  cycle_time_outlier: cycleTimeOutlier,
  low_flow_efficiency: lowFlowEfficiency,
  item_blocked: itemBlocked,
};

export {
  cycleTimeOutlier,
  itemBlocked,
  itemStuck,
  lowFlowEfficiency,
  wipOverLimit,
  wipSpike,
};
