import type {
  AlertRule,
  AlertSeverity,
  ItemType,
  StageCategory,
} from '@valuestream/backstage-plugin-value-stream-common';

/**
 * Row shapes of the tables as knex returns them. `bigint` columns come back as strings
 * from PostgreSQL and numbers from SQLite (read them with `num`); booleans as 0/1 from
 * SQLite.
 */
export type DbNumber = number | string;
export type DbBoolean = boolean | number;

export interface AlertsTable {
  id: string;
  rule: AlertRule;
  entity_ref: string;
  subject: string;
  severity: AlertSeverity;
  stage: string | null;
  work_item_key: string | null;
  message: string;
  detected_at: DbNumber;
  resolved_at: DbNumber | null;
  notified: DbBoolean;
}

export interface EventsTable {
  seq: DbNumber;
  source: string;
  id: string;
  type: string;
  occurred_at: DbNumber;
  received_at: DbNumber;
  entity_ref: string | null;
  repository: string | null;
  subject: string | null;
  payload: string;
}

export interface PendingTable {
  seq: DbNumber;
  received_at: DbNumber;
}

export interface CommitsTable {
  sha: string;
  repository: string | null;
  message: string;
  branch: string | null;
  on_default: DbBoolean;
  authored_at: DbNumber;
  pushed_at: DbNumber;
}

export interface PullRequestsTable {
  id: string;
  repository: string | null;
  number: DbNumber;
  title: string;
  body: string | null;
  branch: string | null;
  state: 'open' | 'merged' | 'closed';
  opened_at: DbNumber | null;
  merged_at: DbNumber | null;
  closed_at: DbNumber | null;
  merge_commit_sha: string | null;
  updated_at: DbNumber;
  /** Earliest review (DESIGN §13); added by 20261206100000_pr_first_review. */
  first_reviewed_at?: DbNumber | null;
}

export interface PrCommitsTable {
  pr_id: string;
  sha: string;
  /** Derived from the PR's head branch (recomputed), not listed by an event. */
  via_branch?: boolean;
}

export interface BuildsTable {
  build_id: string;
  repository: string | null;
  pipeline: string | null;
  commit_sha: string;
  started_at: DbNumber | null;
  finished_at: DbNumber | null;
  status: string | null;
}

export interface DeploymentsTable {
  deployment_id: string;
  environment: string;
  env_class: 'production' | 'staging' | 'other';
  service: string | null;
  repository: string | null;
  entity_ref: string | null;
  commit_sha: string | null;
  explicit_commits: DbBoolean;
  started_at: DbNumber | null;
  finished_at: DbNumber | null;
  status: string | null;
  rolled_back_at: DbNumber | null;
}

export interface DeploymentCommitsTable {
  deployment_id: string;
  sha: string;
}

export interface IncidentsTable {
  incident_id: string;
  service: string | null;
  entity_ref: string | null;
  severity: string | null;
  title: string | null;
  deployment_id: string | null;
  commit_sha: string | null;
  opened_at: DbNumber | null;
  resolved_at: DbNumber | null;
  /** An attribute_incident correction (20261208200000_corrections). */
  attribution_corrected?: DbBoolean;
  corrected_deployment_id?: string | null;
}

/** The last link/unlink correction of a pair (20261208200000_corrections). */
export interface LinkCorrectionsTable {
  item_key: string;
  kind: 'commit' | 'pr';
  ref: string;
  linked: DbBoolean;
}

export interface ArtifactEntitiesTable {
  entity_ref: string;
  kind: 'deployment' | 'incident';
  ref: string;
}

export interface ItemLinksTable {
  item_key: string;
  kind: 'commit' | 'pr';
  ref: string;
}

export interface WorkItemsTable {
  key: string;
  title: string;
  item_type: ItemType;
  priority: string | null;
  value: DbNumber | null;
  labels: string | null;
  created_at: DbNumber;
  started_at: DbNumber | null;
  done_at: DbNumber | null;
  stage: string;
  stage_category: StageCategory;
  stage_entered_at: DbNumber;
  blocked: DbBoolean;
  blocked_since: DbNumber | null;
  cycle_time: DbNumber | null;
  lead_time: DbNumber | null;
  active_time: DbNumber | null;
  wait_time: DbNumber | null;
  blocked_time: DbNumber | null;
  /** JSON of the journey's intervals and blocked intervals. */
  journey: string;
  digest: string | null;
  /** `done.mode: delivered`: when the item's observation ends, while not done. */
  observation_ends_at: DbNumber | null;
  /** When the item enters Done with no new event (DeliveredDoneTask reads it). */
  done_due_at: DbNumber | null;
}

export interface ItemEntitiesTable {
  entity_ref: string;
  item_key: string;
}

export interface StageIntervalsTable {
  item_key: string;
  seq: DbNumber;
  stage: string;
  category: StageCategory;
  entered_at: DbNumber;
  exited_at: DbNumber | null;
}

export interface EntityChangesTable {
  entity_ref: string;
  change_id: string;
  first_commit_at: DbNumber;
  deployed_at: DbNumber;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface AlertScheduleTable {
  entity_ref: string;
  due_at: DbNumber;
}

export interface ImportJobsTable {
  entity_ref: string;
  source: string;
  scope: string;
  state: 'pending' | 'running' | 'done' | 'failed';
  cursor: string | null;
  items: DbNumber;
  events: DbNumber;
  total: DbNumber | null;
  error: string | null;
  attempts: DbNumber;
  since: DbNumber | null;
  started_at: DbNumber | null;
  finished_at: DbNumber | null;
  next_run_at: DbNumber | null;
  last_success_started_at: DbNumber | null;
  lease_owner: string | null;
  lease_until: DbNumber | null;
}
