import type {
  AlertRule,
  AlertSeverity,
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
