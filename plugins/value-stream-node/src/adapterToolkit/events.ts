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
  /**
   * Fields that are `undefined` or `null` are dropped, but for `iteration`, whose `null`
   * means "in no iteration" (see {@link canonicalEvent}).
   */
  data: Record<string, unknown>;
}

/**
 * The one event builder of the adapters. Null policy: a `data` field that is
 * `undefined` **or `null`** is dropped, because a canonical event's optional fields
 * mean "not given" when absent (DESIGN §3), and tools write `null` for "none" (`"body": null`,
 * `"closed_at": null`). The one exception is `work_item.updated`'s `iteration`, whose `null`
 * takes the item out of its iteration (DESIGN §14). `repository` and
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
      Object.entries(data).filter(
        ([k, v]) => v !== undefined && (v !== null || k === 'iteration'),
      ),
    ),
  };
}
