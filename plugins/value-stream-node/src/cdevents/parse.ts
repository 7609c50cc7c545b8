import { isObject, PayloadError, str } from '../adapterToolkit';
import type { CDCloudEvent } from './types';

/** Longest id a CDEvent may carry (subject, context, references); longer is a 400. */
export const MAX_CDEVENT_ID = 512;
const MAX_TIMESTAMP = 64;

type Obj = Record<string, unknown>;

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

/** The problems of a CDEvent's shape, as `path: message`, the mapping reads. */
function shapeProblems(data: unknown): string[] {
  if (!isObject(data)) return ['(data): expected a CDEvent object'];
  const problems: string[] = [];
  const optionalString = (obj: Obj, key: string, path: string, max: number) => {
    const v = obj[key];
    if (v === undefined) return;
    if (typeof v !== 'string') problems.push(`${path}: expected a string`);
    else if (v.length > max)
      problems.push(`${path}: at most ${max} characters`);
  };
  const { context, subject } = data;
  if (context !== undefined) {
    if (!isObject(context)) problems.push('context: expected an object');
    else {
      optionalString(context, 'id', 'context.id', MAX_CDEVENT_ID);
      optionalString(context, 'timestamp', 'context.timestamp', MAX_TIMESTAMP);
    }
  }
  if (!isObject(subject)) {
    problems.push('subject: expected an object');
    return problems;
  }
  if (typeof subject.id !== 'string' || !subject.id)
    problems.push('subject.id: expected a non-empty string');
  else if (subject.id.length > MAX_CDEVENT_ID)
    problems.push(`subject.id: at most ${MAX_CDEVENT_ID} characters`);
  optionalString(subject, 'source', 'subject.source', MAX_CDEVENT_ID);
  if (subject.content !== undefined && !isObject(subject.content))
    problems.push('subject.content: expected an object');
  return problems;
}

export function parseCDEvent(event: CDCloudEvent): ParsedCDEvent {
  const match = CDEVENT_TYPE.exec(event.type ?? '');
  if (!match) {
    throw new PayloadError(`not a CDEvents type: ${event.type}`);
  }
  const problems = shapeProblems(event.data);
  if (problems.length) {
    throw new PayloadError(
      `malformed CDEvent ${event.type}: ${problems.join('; ')}`,
    );
  }
  const data = event.data as Obj;
  const context = data.context as Obj | undefined;
  const subject = data.subject as Obj;
  // CloudEvents `time` is the CDEvent context.timestamp (cloudevents-binding.md).
  const occurredAt =
    isoTime(event.time) ?? isoTime(context?.timestamp as string | undefined);
  if (!occurredAt) {
    throw new PayloadError(`CDEvent ${event.id} has no valid time`);
  }
  return {
    kind: `${match[1]}.${match[2]}`,
    id: `${event.source}#${event.id}`,
    occurredAt,
    subjectId: subject.id as string,
    content: (subject.content as Obj | undefined) ?? {},
    customData: isObject(data.customData) ? data.customData : {},
  };
}

export { str };

/** The `id` of an embedded reference such as `{ "id": "prod", "source": "…" }`. */
export function refId(obj: unknown): string | undefined {
  if (!isObject(obj)) return undefined;
  const id = obj.id;
  return typeof id === 'string' && id.length > 0 && id.length <= MAX_CDEVENT_ID
    ? id
    : undefined;
}
