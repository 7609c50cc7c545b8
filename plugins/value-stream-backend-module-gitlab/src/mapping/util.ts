import { InputError } from '@backstage/errors';
import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import {
  canonicalEvent,
  CanonicalEventInput,
  required as requiredField,
} from '@valuestream/backstage-plugin-value-stream-node';

export const SOURCE = 'gitlab';

/** A GitLab payload as parsed JSON; fields are read defensively. */
export type Payload = Record<string, any>;

/** The value, or an InputError naming the missing payload field. */
export function required<T>(value: T | null | undefined, field: string): T {
  return requiredField(value, field, 'GitLab payload');
}

// GitLab writes "2016-08-22 20:27:22 UTC", "2025-05-02 12:30:19 +0000" or ISO-8601.
const GITLAB_TIME =
  /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?) (UTC|[+-]\d{2}:?\d{2})$/;

/** A GitLab timestamp as ISO-8601 UTC. */
export function iso(value: unknown, field: string): string {
  const raw = String(required(value, field));
  const m = GITLAB_TIME.exec(raw);
  const normalized = m
    ? `${m[1]}T${m[2]}${
        m[3] === 'UTC' ? 'Z' : m[3].replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2')
      }`
    : raw;
  const ms = Date.parse(normalized);
  if (Number.isNaN(ms))
    throw new InputError(`GitLab payload has an invalid ${field}`);
  return new Date(ms).toISOString();
}

/** `project.path_with_namespace`, the `gitlab.com/project-slug` of the entity. */
export function projectPath(payload: Payload): string {
  return required(
    payload.project?.path_with_namespace,
    'project.path_with_namespace',
  );
}

/** A canonical event of this source (the toolkit's builder: undefined and null dropped). */
export function canonical(
  event: Omit<CanonicalEventInput, 'source'>,
): CanonicalEvent {
  return canonicalEvent({ ...event, source: SOURCE });
}
