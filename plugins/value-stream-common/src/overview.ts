import type { MetricsResponse, ValueMetrics } from './api';

/**
 * Targets of a team's metrics (`valueStream.targets`, per profile
 * `valueStream.profiles.<name>.targets`; DESIGN §15). Durations in days, shares 0–1.
 * @public
 */
export interface MetricTargets {
  /** Flow efficiency at least this share (0–1). */
  flowEfficiency?: number;
  /** Cycle time p50 at most this many days. */
  cycleTimeP50Days?: number;
  /** Cycle time p85 at most this many days. */
  cycleTimeP85Days?: number;
  /** Lead time p85 at most this many days. */
  leadTimeP85Days?: number;
  /** At least this many items done per week. */
  throughputPerWeek?: number;
  /** At least this many successful production deployments per week. */
  deploymentsPerWeek?: number;
  /** Lead time for changes p50 at most this many days. */
  leadTimeForChangesP50Days?: number;
  /** Change failure rate at most this share (0–1). */
  changeFailureRate?: number;
  /** Recovery time p50 at most this many hours. */
  recoveryTimeP50Hours?: number;
}

/** The metric reads' `?compare=previous` answer: the response plus the previous window's. @public */
export type MetricsWithPrevious = MetricsResponse & {
  previous?: MetricsResponse;
};

/**
 * A group's summary in `GET /overview` (DESIGN §15, §17): the flow metrics of the §8
 * shape, deployment frequency and the open alerts, over the
 * entities the group and its sub-groups own.
 * @public
 */
export interface OverviewMetrics {
  window: { from: string; to: string };
  /** Blocked time only in the window's answer (`previous` has 0). */
  flow: MetricsResponse['flow'];
  dora: { deploymentFrequency: { count: number; perWeek: number } };
  /** Value delivered by the items done in the window, as in the metrics (DESIGN §14). */
  value: ValueMetrics;
  openAlerts: number;
}

/** One group of `GET /overview`. @public */
export interface OverviewGroup {
  groupRef: string;
  /** The groups it is a child of (for the filter by parent group). */
  parentRefs: string[];
  /** Entities rolled up (its own and its sub-groups'), those the caller may read. */
  entityRefs: string[];
  metrics: OverviewMetrics;
  /** The window of equal length before. */
  previous: OverviewMetrics;
}

/** A heatmap cell: a group's open alerts in a stage and the stage's share of its time. @public */
export interface HeatmapCell {
  groupRef: string;
  stage: string;
  openAlerts: number;
  /** Seconds in the stage ÷ seconds in every stage, of visits that ended in the window (0 when none). */
  timeShare: number;
}

/** `GET /overview?from&to`. @public */
export interface OverviewResponse {
  window: { from: string; to: string };
  groups: OverviewGroup[];
  heatmap: HeatmapCell[];
}
