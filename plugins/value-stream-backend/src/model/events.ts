import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';

/** A stored canonical event, with its time (epoch ms) and subject (see subjects.ts). */
export type StoredEvent = CanonicalEvent & {
  at: number;
  subject?: string | null;
};

/** A raw event row to store. */
export interface EventRow {
  source: string;
  id: string;
  type: string;
  occurred_at: number;
  received_at: number;
  entity_ref: string | null;
  repository: string | null;
  subject: string | null;
  payload: string;
}
