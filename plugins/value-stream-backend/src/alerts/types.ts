import type {
  AlertRule,
  StageDefinition,
} from '@valuestream/backstage-plugin-value-stream-common';
import type { ItemStats, Journey } from '../journeys/types';
import type { RuleThresholds } from './thresholds';

/**
 * Everything a rule sees about one entity, all derived from event history so a
 * backfill raises the same alerts as live traffic.
 *
 * @internal
 */
export interface RuleInput {
  /** Evaluation time, epoch ms. */
  now: number;
  /** Configured stages, in order. */
  stages: readonly StageDefinition[];
  /** All items of the entity, open and done. */
  journeys: readonly Journey[];
  /** The items' stats, as `computeItemStats` gives them. */
  itemStats: readonly ItemStats[];
}

/**
 * An alert a rule says should be open now.
 *
 * @internal
 */
export interface AlertCandidate {
  rule: AlertRule;
  /** Unique per rule and entity: a stage name, an item key or `entity`. */
  subject: string;
  severity: 'warning' | 'critical';
  /** The stage concerned; for item alerts, the item's current stage. */
  stage?: string;
  workItemKey?: string;
  message: string;
  /**
   * When the condition became true, as far as the history shows (epoch ms).
   * For `low_flow_efficiency` it is the last change of the measured item set.
   */
  since: number;
}

/** One bottleneck rule: a pure function of the entity's history. @internal */
export type AlertRuleFn = (
  input: RuleInput,
  thresholds: RuleThresholds,
) => AlertCandidate[];

/**
 * Reports (through `at`) the future moments at which a rule's result for this history may
 * change with no new event, e.g. when an open item crosses a threshold. @internal
 */
export type AlertRecheckFn = (
  input: RuleInput,
  thresholds: RuleThresholds,
  at: (moment: number) => void,
) => void;
