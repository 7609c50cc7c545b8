import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';

/** A stored canonical event, with its time (epoch ms) and subject (see subjects.ts). */
export type StoredEvent = CanonicalEvent & {
  at: number;
  subject?: string | null;
};

/** An accepted event to store: its identity, times (epoch ms), subject and JSON. */
export interface NewEvent {
  source: string;
  id: string;
  type: string;
  occurredAt: number;
  receivedAt: number;
  entityRef: string | null;
  repository: string | null;
  subject: string | null;
  payload: string;
}
