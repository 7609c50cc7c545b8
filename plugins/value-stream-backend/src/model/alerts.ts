import type {
  Alert,
  AlertRule,
  AlertSeverity,
} from '@valuestream/backstage-plugin-value-stream-common';

/** A stored alert with the subject that keeps it unique per (rule, entity) while open. */
export type StoredAlert = Alert & { subject: string };

/** An alert to open: what a rule reported, without its id and detection time. */
export interface NewAlert {
  rule: AlertRule;
  /** Unique per rule and entity: a stage name, an item key or `entity`. */
  subject: string;
  severity: AlertSeverity;
  stage?: string;
  workItemKey?: string;
  message: string;
}

/** What one evaluation of an entity changes in its alerts (written at once). */
export interface AlertChanges {
  entityRef: string;
  /** Evaluation time: when alerts are detected or resolved (epoch ms). */
  now: number;
  /** Ids of open alerts whose condition cleared. */
  resolve: string[];
  /** Open alerts still firing whose message, severity or stage changed. */
  update: Array<
    Pick<NewAlert, 'message' | 'severity' | 'stage'> & { id: string }
  >;
  open: NewAlert[];
  /** When the entity is next due for evaluation (epoch ms). */
  dueAt: number;
}
