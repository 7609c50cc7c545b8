import type {
  ItemType,
  StageCategory,
} from '@valuestream/backstage-plugin-value-stream-common';

/** All times in this module are epoch milliseconds (UTC); durations in seconds. */
export type Millis = number;

/** One visit of a stage. `exitedAt` is null for the current stage. */
export interface StageInterval {
  stage: string;
  category: StageCategory;
  enteredAt: Millis;
  exitedAt: Millis | null;
}

/** A period during which the item was blocked. `to` is null while still blocked. */
export interface BlockedInterval {
  from: Millis;
  to: Millis | null;
  /** `work_item.blocked.reason`; categorised at read time (metrics/blockedReasons). */
  reason?: string | null;
}

/** The derived journey of one work item (DESIGN §4, §11). */
export interface Journey {
  key: string;
  title: string;
  itemType: ItemType;
  priority: string | null;
  value: number | null;
  labels: string[];
  createdAt: Millis;
  /** First time the item left its queue stage (Backlog); null while never left. */
  startedAt: Millis | null;
  /** Last entry into a done stage, when the item is in it now; else null. */
  doneAt: Millis | null;
  stage: string;
  stageEnteredAt: Millis;
  blocked: boolean;
  /** Ordered visits, starting with the Backlog visit from createdAt. */
  intervals: StageInterval[];
  blockedIntervals: BlockedInterval[];
  /**
   * `done.mode: delivered`, not yet done, every linked change in production: when its
   * observation ends (delivery + observationHours). Absent otherwise.
   */
  observationEndsAt?: Millis;
  /** Closed and in observation: when it enters Done with no new event (DeliveredDoneTask). */
  doneDueAt?: Millis;
}

/**
 * Per-item numbers derived from a journey, stored next to the item so metric
 * reads need no interval scan. Durations in seconds.
 */
export interface ItemStats {
  key: string;
  itemType: ItemType;
  createdAt: Millis;
  startedAt: Millis | null;
  doneAt: Millis | null;
  /** doneAt − startedAt; null unless done. */
  cycleTime: number | null;
  /** doneAt − createdAt; null unless done. */
  leadTime: number | null;
  /** Active seconds between startedAt and doneAt (or `now` while open); null while in Backlog. */
  activeTime: number | null;
  waitTime: number | null;
  blockedTime: number;
}

/** A production or staging deployment, as DORA needs it. */
export interface DeploymentRecord {
  deploymentId: string;
  environment: string;
  envClass: 'production' | 'staging' | 'other';
  startedAt: Millis | null;
  /** occurredAt of the successful (or failed) deployment.finished. */
  finishedAt: Millis | null;
  status: 'success' | 'failure' | 'rolled_back' | null;
  /** true when a later deployment.finished with status rolled_back named this deployment. */
  rolledBack: boolean;
  commitSha: string | null;
  /** Commits the deployment included (explicit or derived, DESIGN §4). */
  commits: string[];
}

export interface IncidentRecord {
  incidentId: string;
  openedAt: Millis | null;
  resolvedAt: Millis | null;
  severity: string | null;
  deploymentId: string | null;
  commitSha: string | null;
  /** An attribute_incident correction (DESIGN §16): the deployment, or null for none. */
  attribution?: { deploymentId: string | null };
}

/** A merged change (PR or direct default-branch commit) for DORA lead time. */
export interface ChangeRecord {
  id: string;
  /** authoredAt of its first commit. */
  firstCommitAt: Millis;
  /** Commits of the change (PR commits + merge commit, or the single commit). */
  commits: string[];
}

/** A change with the finish of its first successful production deployment. */
export interface DeployedChange {
  id: string;
  firstCommitAt: Millis;
  deployedAt: Millis;
}

/** A window [from, to). */
export interface Window {
  from: Millis;
  to: Millis;
}
