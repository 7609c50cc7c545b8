import type { ImportJobState } from '@valuestream/backstage-plugin-value-stream-common';

/** Which job: one per (entity, source, scope) (DESIGN §12). */
export interface ImportJobKey {
  entityRef: string;
  source: string;
  scope: string;
}

/** A stored import job; times in epoch ms. */
export interface ImportJobRecord extends ImportJobKey {
  state: ImportJobState;
  cursor: string | null;
  items: number;
  events: number;
  total: number | null;
  error: string | null;
  /** Transient failures in a row, for the backoff. */
  attempts: number;
  /** Lower bound of the current (or last) run's reads. */
  since: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  nextRunAt: number | null;
  lastSuccessStartedAt: number | null;
}

/** What a lease holder writes about its job (absent fields are left as they are). */
export type ImportJobPatch = Partial<Omit<ImportJobRecord, keyof ImportJobKey>>;
