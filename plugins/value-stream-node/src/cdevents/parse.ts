import { z } from 'zod';
import { CDCloudEvent, CDEventInputError } from './types';

/** Longest id a CDEvent may carry (subject, context, references); longer is a 400. */
export const MAX_CDEVENT_ID = 512;
const MAX_TIMESTAMP = 64;

const idRef = z.looseObject({ id: z.string().min(1).max(MAX_CDEVENT_ID) });

const cdeventSchema = z.object({
  context: z
    .looseObject({
      id: z.string().max(MAX_CDEVENT_ID).optional(),
      timestamp: z.string().max(MAX_TIMESTAMP).optional(),
    })
    .optional(),
  subject: z.looseObject({
    id: z.string().min(1).max(MAX_CDEVENT_ID),
    source: z.string().max(MAX_CDEVENT_ID).optional(),
    content: z.record(z.string(), z.unknown()).default({}),
  }),
  customData: z.unknown().optional(),
});

/** A CDEvent reduced to what the mapping reads. */
export interface ParsedCDEvent {
  /** `<subject>.<predicate>`, e.g. `change.merged`. */
  kind: string;
  /** Canonical event id: CloudEvents source and id. */
  id: string;
  occurredAt: string;
  subjectId: string;
  content: Record<string, unknown>;
  customData: Record<string, unknown>;
}

const CDEVENT_TYPE = /^dev\.cdevents\.([a-z]+)\.([a-z]+)\.\d+\.\d+\.\d+(-.+)?$/;

/**
 * True for a CloudEvents type of the CDEvents spec (`dev.cdevents.<subject>.<predicate>.<version>`).
 * @public
 */
export function isCDEventType(type: string): boolean {
  return CDEVENT_TYPE.test(type);
}

function isoTime(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

export function parseCDEvent(event: CDCloudEvent): ParsedCDEvent {
  const match = CDEVENT_TYPE.exec(event.type ?? '');
  if (!match) {
    throw new CDEventInputError(`not a CDEvents type: ${event.type}`);
  }
  const parsed = cdeventSchema.safeParse(event.data);
  if (!parsed.success) {
    throw new CDEventInputError(
      `malformed CDEvent ${event.type}: ${parsed.error.issues
        .map(i => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  }
  const { context, subject, customData } = parsed.data;
  // CloudEvents `time` is the CDEvent context.timestamp (cloudevents-binding.md).
  const occurredAt = isoTime(event.time) ?? isoTime(context?.timestamp);
  if (!occurredAt) {
    throw new CDEventInputError(`CDEvent ${event.id} has no valid time`);
  }
  return {
    kind: `${match[1]}.${match[2]}`,
    id: `${event.source}#${event.id}`,
    occurredAt,
    subjectId: subject.id,
    content: subject.content,
    customData:
      customData && typeof customData === 'object' && !Array.isArray(customData)
        ? (customData as Record<string, unknown>)
        : {},
  };
}

/** A string field of an object, or undefined. */
export function str(obj: unknown, key: string): string | undefined {
  if (!obj || typeof obj !== 'object') return undefined;
  const v = (obj as Record<string, unknown>)[key];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** The `id` of an embedded reference such as `{ "id": "prod", "source": "…" }`. */
export function refId(obj: unknown): string | undefined {
  const r = idRef.safeParse(obj);
  return r.success ? r.data.id : undefined;
}
