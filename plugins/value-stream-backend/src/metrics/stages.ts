import type {
  AlertRule,
  StageDefinition,
  StageMetrics,
  StageStatus,
} from '@valuestream/backstage-plugin-value-stream-common';

/** An open alert as the stage status needs it. @internal */
export interface OpenAlertRef {
  rule: AlertRule;
  stage?: string | null;
  workItemKey?: string | null;
  /** Current stage of the alert's item; falls back to `stage`. */
  itemStage?: string | null;
}

/** @internal */
export interface StageMetricsInput {
  stages: readonly StageDefinition[];
  /** Items whose current stage is the key: the stage `status`, which describes now. */
  currentStageCounts: Record<string, number>;
  /**
   * Items in each stage at the window's end, for `wip`; a window that ends now leaves it
   * out and `wip` is the current count.
   */
  stageCountsAtEnd?: Record<string, number>;
  /** Total seconds and count of the closed visits of each stage that ended in the window. */
  visitTotals: Record<string, { seconds: number; count: number }>;
  openAlerts: readonly OpenAlertRef[];
}

const STAGE_ALERTS: AlertRule[] = ['wip_spike', 'wip_over_limit'];
const ITEM_ALERTS: AlertRule[] = ['item_stuck', 'item_blocked'];
/** Share of the WIP limit at which a stage turns `warning`. */
const WIP_WARNING_SHARE = 0.8;

function stageStatus(
  stage: StageDefinition,
  wip: number | null,
  openAlerts: readonly OpenAlertRef[],
): StageStatus {
  if (
    openAlerts.some(
      a => STAGE_ALERTS.includes(a.rule) && a.stage === stage.name,
    )
  ) {
    return 'bottleneck';
  }
  const itemAlert = openAlerts.some(
    a =>
      ITEM_ALERTS.includes(a.rule) && (a.itemStage ?? a.stage) === stage.name,
  );
  const nearLimit =
    wip !== null &&
    stage.wipLimit !== undefined &&
    wip >= WIP_WARNING_SHARE * stage.wipLimit;
  return itemAlert || nearLimit ? 'warning' : 'healthy';
}

/**
 * The `stages` block of the metrics response, in configured order (DESIGN §11
 * "Metrics response").
 *
 * @internal
 */
export function stageMetrics(input: StageMetricsInput): StageMetrics[] {
  return input.stages.map(stage => {
    const isDone = stage.category === 'done';
    const current = isDone ? null : input.currentStageCounts[stage.name] ?? 0;
    const atEnd = input.stageCountsAtEnd ?? input.currentStageCounts;
    const wip = isDone ? null : atEnd[stage.name] ?? 0;
    const visits = input.visitTotals[stage.name];
    const meanTimeInStage =
      isDone || !visits?.count ? null : visits.seconds / visits.count;
    return {
      name: stage.name,
      category: stage.category,
      wip,
      wipLimit: stage.wipLimit ?? null,
      meanTimeInStage,
      status: stageStatus(stage, current, input.openAlerts),
    };
  });
}
