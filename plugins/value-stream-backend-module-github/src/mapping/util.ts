import { InputError } from '@backstage/errors';
import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';

export const SOURCE = 'github';

/** The value, or an InputError naming the missing payload field. */
export function required<T>(value: T | null | undefined, field: string): T {
  if (value === null || value === undefined || value === '') {
    throw new InputError(`GitHub payload is missing ${field}`);
  }
  return value;
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

export function canonical(
  event: Omit<CanonicalEvent, 'source' | 'data'> & {
    data: Record<string, unknown>;
  },
): CanonicalEvent {
  return {
    ...event,
    source: SOURCE,
    data: Object.fromEntries(
      Object.entries(event.data).filter(([, v]) => v !== undefined),
    ),
  };
}

export function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
