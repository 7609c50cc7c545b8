import { InputError } from '@backstage/errors';
import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import {
  canonicalEvent,
  CanonicalEventInput,
  required as requiredField,
  isObject,
} from '@valuestream/backstage-plugin-value-stream-node';

export const SOURCE = 'github';

/** The value, or an InputError naming the missing payload field. */
export function required<T>(value: T | null | undefined, field: string): T {
  return requiredField(value, field, 'GitHub payload');
}

/** A GitHub timestamp (ISO-8601 string or epoch seconds) as ISO-8601 UTC. */
export function iso(
  value: string | number | null | undefined,
  field: string,
): string {
  const raw = required(value, field);
  const ms = typeof raw === 'number' ? raw * 1000 : Date.parse(raw);
  if (Number.isNaN(ms))
    throw new InputError(`GitHub payload has an invalid ${field}`);
  return new Date(ms).toISOString();
}

export function repositoryOf(payload: {
  repository?: { full_name?: string };
}): string {
  return required(payload.repository?.full_name, 'repository.full_name');
}

/** A canonical event of this source (the toolkit's builder: undefined and null dropped). */
export function canonical(
  event: Omit<CanonicalEventInput, 'source'>,
): CanonicalEvent {
  return canonicalEvent({ ...event, source: SOURCE });
}

export { isObject };
