import type { MetricTargets } from './overview';
import type { ItemType, StageCategory } from './stages';

/** Summary statistics of a set of durations in seconds (DESIGN §6). @public */
export interface DurationStats {
  count: number;
  p50: number;
  p85: number;
  p95: number;
  mean: number;
}

/** The parts of a change's lead time (DESIGN §13 change breakdown). @public */
export type LeadTimeBreakdownPart = 'coding' | 'pickup' | 'review' | 'deploy';

/** One change's lead-time parts in seconds; null where the change has no such part. @public */
export type ChangeBreakdown = Record<LeadTimeBreakdownPart, number | null>;

/** count, p50, p85 and mean (seconds) of one part; the statistics are null with count 0. @public */
export interface BreakdownStats {
  count: number;
  p50: number | null;
  p85: number | null;
  mean: number | null;
}

/** `dora.leadTimeBreakdown`: each part over the changes deployed in the window. @public */
export type LeadTimeBreakdown = Record<LeadTimeBreakdownPart, BreakdownStats>;

/** Health of a stage right now (DESIGN §11). @public */
export type StageStatus = 'healthy' | 'warning' | 'bottleneck';

/** One stage in a metrics response. @public */
export interface StageMetrics {
  name: string;
  category: StageCategory;
  /** Items whose current stage it is; null for a `done` stage. */
  wip: number | null;
  wipLimit: number | null;
  /** Mean duration (s) of the visits that ended inside the window. */
  meanTimeInStage: number | null;
  status: StageStatus;
}

/** DORA performance tier (see docs/metrics.md for the table). @public */
export type DoraTier = 'elite' | 'high' | 'medium' | 'low';

/** `GET /entities/:kind/:namespace/:name/metrics` and the group roll-up. @public */
export interface MetricsResponse {
  entityRef: string;
  /** Entities summed up (group roll-up only). */
  entityRefs?: string[];
  /**
   * The profiles (DESIGN §13 "Profiles") of the entities, sorted; `default` is the
   * top-level settings. `stages` are those of the one profile, or by category.
   */
  profiles?: string[];
  /** True when the entities use different profiles: one stage per stage category. */
  stagesByCategory?: boolean;
  /**
   * The targets of the entities' profile (`valueStream.targets`; the top-level ones when
   * they use different profiles), absent when none are configured (DESIGN §15).
   */
  targets?: MetricTargets;
  /** With `?compare=previous`: the same response for the window of equal length before. */
  previous?: MetricsResponse;
  window: { from: string; to: string };
  flow: {
    throughput: {
      total: number;
      perWeek: number;
      byType: Record<ItemType, number>;
    };
    cycleTime: DurationStats | null;
    leadTime: DurationStats | null;
    efficiency: number | null;
    load: number;
    distribution: Record<ItemType, number> | null;
    /**
     * Seconds blocked of the items done in the window, each interval within the item's
     * start..Done, in total and per reason category (DESIGN §13); categories without
     * blocked time are absent.
     */
    blockedTime: { total: number; byReason: Record<string, number> };
  };
  dora: {
    deploymentFrequency: { count: number; perWeek: number; tier?: DoraTier };
    leadTimeForChanges: (DurationStats & { tier?: DoraTier }) | null;
    changeFailureRate: {
      failed: number;
      total: number;
      rate: number | null;
      tier?: DoraTier | null;
    };
    recoveryTime: {
      count: number;
      p50: number;
      mean: number;
      tier?: DoraTier;
    } | null;
    /** DORA's rework rate (DESIGN §13); rate null when total is 0. */
    reworkRate: { rework: number; total: number; rate: number | null };
    /**
     * Coding, pickup, review and deploy time of the changes whose first successful
     * production deployment finished in the window (DESIGN §13).
     */
    leadTimeBreakdown: LeadTimeBreakdown;
  };
  stages: StageMetrics[];
  /** Business value of the items done in the window (DESIGN §14). */
  value: ValueMetrics;
}

/**
 * Value of the items done in a window (DESIGN §14, §17). Only items with a value count
 * in `delivered`, `velocity` and `efficiency`; those without one are counted in
 * `unvalued`, never as 0. @public
 */
export interface ValueMetrics {
  /** Σ value of the valued items done in the window. */
  delivered: number;
  /** delivered ÷ window days × 7. */
  velocity: number;
  /** delivered ÷ Σ cycle time in days of the valued items; null when none. */
  efficiency: number | null;
  /** Valued done items ÷ done items; null when nothing is done. */
  valuedShare: number | null;
  /** Done items with a value. */
  valued: number;
  /** Done items without a value. */
  unvalued: number;
}

/** `{ items, value }` of a set of work items: how many, and the sum of their values. @public */
export interface ItemsAndValue {
  items: number;
  /** Σ value of those that have one (items without a value add nothing). */
  value: number;
}

/** One iteration (sprint, milestone) of `GET …/iterations` (DESIGN §14, §17). @public */
export interface IterationSummary {
  id: string;
  name: string;
  startAt: string | null;
  endAt: string | null;
  /** Items in the iteration at its start. */
  planned: ItemsAndValue;
  /** Items in it at its end (or now) that entered Done in `[startAt, endAt)`. */
  delivered: ItemsAndValue;
  /** Items that joined it after its start. */
  added: ItemsAndValue;
  /** Planned items not done by its end. */
  carriedOver: ItemsAndValue;
}

/** `GET /entities/:kind/:namespace/:name/iterations`. @public */
export interface IterationListResponse {
  items: IterationSummary[];
}

/** A work item in a listing. @public */
export interface WorkItemSummary {
  key: string;
  title: string;
  itemType: ItemType;
  stage: string;
  stageEnteredAt: string;
  createdAt: string;
  startedAt: string | null;
  doneAt: string | null;
  blocked: boolean;
  cycleTime: number | null;
  activeTime: number | null;
  waitTime: number | null;
  /**
   * `done.mode: delivered` (DESIGN §13): when the item's observation after its production
   * deployment ends; present only while the item is not done and all its changes are deployed.
   */
  observationEndsAt?: string;
}

/** `GET /entities/:kind/:namespace/:name/work-items`. @public */
export interface WorkItemListResponse {
  items: WorkItemSummary[];
  nextCursor: string | null;
}

/** One visit of a stage. @public */
export interface StageTransition {
  stage: string;
  category: StageCategory;
  enteredAt: string;
  exitedAt: string | null;
  seconds: number;
}

/** @public */
export interface CommitLink {
  sha: string;
  repository: string | null;
  message: string;
  url?: string;
  /** A default-branch commit in no PR of the item is a change: its parts (DESIGN §13). */
  breakdown?: ChangeBreakdown;
}
/** @public */
export interface PullRequestLink {
  repository: string | null;
  number: number;
  title: string;
  state: 'open' | 'merged' | 'closed';
  mergedAt: string | null;
  url?: string;
  /** A merged PR is a change: its coding, pickup, review and deploy seconds (DESIGN §13). */
  breakdown?: ChangeBreakdown;
}
/** @public */
export interface BuildLink {
  buildId: string;
  status: string | null;
  finishedAt: string | null;
  url?: string;
}
/** @public */
export interface DeploymentLink {
  deploymentId: string;
  environment: string;
  status: string | null;
  finishedAt: string | null;
  url?: string;
}
/** @public */
export interface IncidentLink {
  incidentId: string;
  severity: string | null;
  openedAt: string | null;
  resolvedAt: string | null;
  url?: string;
}

/** `GET /work-items/:key`. @public */
export interface WorkItemDetail extends WorkItemSummary {
  priority: string | null;
  value: number | null;
  labels: string[];
  transitions: StageTransition[];
  timeInStage: Record<string, number>;
  blockedTime: number;
  leadTimeForChanges: number | null;
  links: {
    commits: CommitLink[];
    pullRequests: PullRequestLink[];
    builds: BuildLink[];
    deployments: DeploymentLink[];
    incidents: IncidentLink[];
  };
  entityRefs: string[];
  /** Excluded from metrics and lanes by a correction (DESIGN §16). */
  excluded?: boolean;
}

/** Bottleneck rules (DESIGN §7). @public */
export type AlertRule =
  | 'item_stuck'
  | 'wip_spike'
  | 'wip_over_limit'
  | 'cycle_time_outlier'
  | 'low_flow_efficiency'
  | 'item_blocked'
  | 'high_value_stuck';

/** @public */
export type AlertSeverity = 'info' | 'warning' | 'critical';

/** @public */
export interface Alert {
  id: string;
  rule: AlertRule;
  severity: AlertSeverity;
  stage?: string;
  workItemKey?: string;
  message: string;
  detectedAt: string;
  resolvedAt?: string | null;
  entityRef?: string;
}

/** `GET /entities/:kind/:namespace/:name/alerts`. @public */
export interface AlertListResponse {
  items: Alert[];
}

/** @public */
export type TimeseriesMetric =
  | 'wip'
  | 'throughput'
  | 'cfd'
  | 'cycle_time'
  | 'lead_time_breakdown'
  | 'value';
/** @public */
export type TimeseriesInterval = 'day' | 'week';

/** @public */
export type TimeseriesPoint =
  | { t: string; value: number; stages: Record<string, number> } // wip
  | { t: string; stages: Record<string, number> } // cfd
  | { t: string; value: number } // throughput; value (value delivered in [from, t))
  | { t: string; key: string; value: number } // cycle_time
  | LeadTimeBreakdownPoint; // lead_time_breakdown

/**
 * One period of `lead_time_breakdown`: the changes first deployed to production in it and
 * the mean seconds of each part over those that have it (null when none). @public
 */
export interface LeadTimeBreakdownPoint
  extends Record<LeadTimeBreakdownPart, number | null> {
  t: string;
  count: number;
}

/** `GET /entities/:kind/:namespace/:name/timeseries`. @public */
export interface TimeseriesResponse {
  metric: TimeseriesMetric;
  interval: TimeseriesInterval;
  points: TimeseriesPoint[];
}

/** `POST /events` answer (DESIGN §11). @public */
export interface IngestResponse {
  accepted: number;
  duplicates: number;
  ignored: number;
}

/** State of one history-import job (DESIGN §12). @public */
export type ImportJobState = 'pending' | 'running' | 'done' | 'failed';

/** One history-import job: an (entity, source, scope) (DESIGN §12). @public */
export interface ImportJob {
  source: string;
  /** What the source imports for the entity: a repository, a project key, a board id. */
  scope: string;
  state: ImportJobState;
  startedAt: string | null;
  finishedAt: string | null;
  /** Items (issues, PRs, cards…) read so far in the current or last run. */
  items: number;
  /** Events accepted from them so far. */
  events: number;
  /** Items in all, when the tool tells. */
  total?: number;
  /** The tool's answer and the fix, when the job failed. */
  error?: string;
  nextRunAt: string | null;
}

/** `GET /entities/:kind/:namespace/:name/import` (DESIGN §12). @public */
export interface EntityImportResponse {
  entityRef: string;
  jobs: ImportJob[];
}

/** `GET /import`: every job (DESIGN §12). @public */
export interface ImportListResponse {
  jobs: (ImportJob & { entityRef: string })[];
}
