import type { AlertRule } from '@valuestream/backstage-plugin-value-stream-common';

/**
 * Numbers of the bottleneck rules (DESIGN §7). Each can be set globally and,
 * for the stage-bound rules (`item_stuck`, `wip_spike`, `wip_over_limit`,
 * `item_blocked`), per stage.
 *
 * @internal
 */
export interface ThresholdValues {
  /** item_stuck: σ multiplier. */
  sigma: number;
  /** item_stuck: visits needed before the rule fires. */
  minSamples: number;
  /** item_stuck: visits that ended in this many days are the sample. */
  lookbackDays: number;
  /** wip_spike: WIP above this × the average daily WIP. */
  spikeFactor: number;
  /** wip_spike: and at least this many items. */
  spikeMinWip: number;
  /** wip_spike: days of daily WIP averaged. */
  spikeLookbackDays: number;
  /** wip_over_limit: days over the limit before the rule fires. */
  overLimitDays: number;
  /** cycle_time_outlier: cycle time above this × the mean. */
  outlierFactor: number;
  /** cycle_time_outlier: items done in this many days are checked. */
  outlierRecentDays: number;
  /** cycle_time_outlier: the mean is over items done in this many days. */
  outlierLookbackDays: number;
  /** low_flow_efficiency: minimum flow efficiency (0–1). */
  efficiencyMin: number;
  /** low_flow_efficiency: over items done in this many days. */
  efficiencyDays: number;
  /** item_blocked: hours blocked before the rule fires. */
  blockedHours: number;
  /** high_value_stuck: items with at least this value (`highValue.threshold`). */
  highValueThreshold: number;
}

/** Per-stage overrides. @internal */
export interface StageThresholdOverrides extends Partial<ThresholdValues> {
  /** Turn a stage-bound rule off for this stage (a rule off globally stays off). */
  enabled?: Partial<Record<AlertRule, boolean>>;
}

/** @internal */
export interface RuleThresholds extends ThresholdValues {
  enabled: Record<AlertRule, boolean>;
  stages: Record<string, StageThresholdOverrides>;
}

/** Defaults of DESIGN §7. @internal */
export const DEFAULT_RULE_THRESHOLDS: RuleThresholds = Object.freeze({
  sigma: 2,
  minSamples: 5,
  lookbackDays: 90,
  spikeFactor: 1.5,
  spikeMinWip: 3,
  spikeLookbackDays: 30,
  overLimitDays: 2,
  outlierFactor: 2,
  outlierRecentDays: 7,
  outlierLookbackDays: 90,
  efficiencyMin: 0.3,
  efficiencyDays: 7,
  blockedHours: 24,
  highValueThreshold: 70,
  enabled: Object.freeze({
    item_stuck: true,
    wip_spike: true,
    wip_over_limit: true,
    cycle_time_outlier: true,
    low_flow_efficiency: true,
    item_blocked: true,
    high_value_stuck: true,
  }),
  stages: Object.freeze({}),
}) as RuleThresholds;

/** Partial thresholds as read from config. @internal */
export interface RuleThresholdsInput
  extends Partial<Omit<ThresholdValues, 'highValueThreshold'>> {
  enabled?: Partial<Record<AlertRule, boolean>>;
  /** high_value_stuck: `{ threshold }` (DESIGN §17), default 70. */
  highValue?: { threshold?: number };
  stages?: Record<string, StageThresholdOverrides>;
}

/** Full thresholds from partial ones, the rest from the defaults. @internal */
export function withDefaultThresholds(
  input: RuleThresholdsInput = {},
): RuleThresholds {
  const { enabled, stages, highValue, ...values } = input;
  const defined = Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== undefined),
  ) as Partial<ThresholdValues>;
  return {
    ...DEFAULT_RULE_THRESHOLDS,
    ...defined,
    ...(highValue?.threshold !== undefined
      ? { highValueThreshold: highValue.threshold }
      : {}),
    enabled: { ...DEFAULT_RULE_THRESHOLDS.enabled, ...enabled },
    stages: { ...stages },
  };
}

/** The thresholds that apply to a stage. @internal */
export function stageThresholds(
  thresholds: RuleThresholds,
  stage: string,
): ThresholdValues & { enabled: Record<AlertRule, boolean> } {
  const { enabled, ...overrides } = thresholds.stages[stage] ?? {};
  const defined = Object.fromEntries(
    Object.entries(overrides).filter(([, v]) => v !== undefined),
  ) as Partial<ThresholdValues>;
  return {
    ...thresholds,
    ...defined,
    enabled: Object.fromEntries(
      Object.entries(thresholds.enabled).map(([rule, on]) => [
        rule,
        on && enabled?.[rule as AlertRule] !== false,
      ]),
    ) as Record<AlertRule, boolean>,
  };
}

/** The windows (in days) over which the rules look back into history. */
const HISTORY_WINDOWS = [
  'lookbackDays',
  'outlierLookbackDays',
  'outlierRecentDays',
  'spikeLookbackDays',
  'overLimitDays',
  'efficiencyDays',
] as const;

/**
 * How many days of done items the rules need: the longest window configured, globally or
 * for a stage, so that no configured lookback is cut short by the history read.
 *
 * @internal
 */
export function historyDays(thresholds: RuleThresholds): number {
  const sets: Partial<ThresholdValues>[] = [
    thresholds,
    ...Object.values(thresholds.stages),
  ];
  return Math.max(...sets.flatMap(t => HISTORY_WINDOWS.map(w => t[w] ?? 0)));
}
