import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';

/**
 * What {@link canonicalEvent} builds a canonical event from.
 * @public
 */
export interface CanonicalEventInput {
  id: string;
  source: string;
  type: string;
  occurredAt: string;
  /** Left out when empty. */
  repository?: string | null;
  /** Left out when empty. */
  entityRef?: string | null;
  /** Fields that are `undefined` or `null` are dropped (see {@link canonicalEvent}). */
  data: Record<string, unknown>;
}

/**
 * The one event builder of the adapters. Null policy: a `data` field that is
 * `undefined` **or `null`** is dropped, because a canonical event's optional fields
 * mean "not given" when absent and no rule gives `null` another meaning (DESIGN §3), and
 * tools write `null` for "none" (`"body": null`, `"closed_at": null`). `repository` and
 * `entityRef` are left out when empty. Pure.
 * @public
 */
export function canonicalEvent(input: CanonicalEventInput): CanonicalEvent {
  const { repository, entityRef, data, ...envelope } = input;
  return {
    ...envelope,
    ...(repository ? { repository } : {}),
    ...(entityRef ? { entityRef } : {}),
    data: Object.fromEntries(
      Object.entries(data).filter(([, v]) => v !== undefined && v !== null),
    ),
  };
}
