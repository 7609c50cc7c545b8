import { HTTP } from 'cloudevents';
import {
  cdeventToCanonical,
  isCDEventType,
} from '@valuestream/backstage-plugin-value-stream-common';

/** One input item of a `POST /events` body before validation. */
export interface RawInput {
  /** Index in the request (for `rejected[].index`). */
  index: number;
  /** Canonical event candidates (a CDEvent may map to several, or none). */
  candidates: unknown[];
  /** A message when the input could not even be turned into candidates. */
  error?: string;
}

export class BadRequestBody extends Error {
  constructor(message: string, readonly status = 400) {
    super(message);
  }
}

const CE_STRUCTURED = 'application/cloudevents+json';
const CE_BATCH = 'application/cloudevents-batch+json';

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch (e) {
    throw new BadRequestBody(
      `Request body is not valid JSON: ${(e as Error).message}`,
    );
  }
}

const isCloudEvent = (x: unknown): x is Record<string, any> =>
  typeof x === 'object' && x !== null && 'specversion' in x;

/**
 * A CDEvent no rule uses (an unmapped type, or a build without a commit): kept raw
 * under its own type so it is counted as ignored and can be replayed later (DESIGN §11).
 * The id matches the one mapped CDEvents get, so a repeat is a duplicate.
 */
function unusedCDEvent(ce: Record<string, any>, data: unknown) {
  const timestamp = (data as any)?.context?.timestamp;
  const at = [ce.time, timestamp]
    .map(t => (typeof t === 'string' ? Date.parse(t) : NaN))
    .find(ms => !Number.isNaN(ms));
  return {
    id: `${ce.source}#${ce.id}`,
    source: 'cdevents',
    type: ce.type,
    occurredAt: new Date(at ?? Date.now()).toISOString(),
    data: data && typeof data === 'object' && !Array.isArray(data) ? data : {},
  };
}

/**
 * Longest value of each CloudEvents attribute (every one but `data`): longer is a 400
 * naming it, before any mapping runs on it. Extension attributes share one limit.
 */
export const CLOUDEVENT_ATTRIBUTE_LIMITS: Record<string, number> = {
  specversion: 16,
  id: 512,
  source: 512,
  type: 256,
  subject: 512,
  time: 64,
  datacontenttype: 256,
  dataschema: 2048,
};
const MAX_EXTENSION_LENGTH = 512;
const MAX_ATTRIBUTES = 64;

function attributeProblem(ce: Record<string, any>): string | undefined {
  const names = Object.keys(ce).filter(
    k => k !== 'data' && k !== 'data_base64',
  );
  if (names.length > MAX_ATTRIBUTES)
    return `CloudEvent: at most ${MAX_ATTRIBUTES} attributes`;
  for (const name of names) {
    const max = CLOUDEVENT_ATTRIBUTE_LIMITS[name] ?? MAX_EXTENSION_LENGTH;
    const v = ce[name];
    if (typeof v === 'string' && v.length > max)
      return `CloudEvent ${name.slice(0, 64)}: at most ${max} characters`;
  }
  return undefined;
}

/** A CloudEvent → canonical candidates: CDEvents are mapped, canonical types pass through. */
function fromCloudEvent(ce: Record<string, any>): unknown[] {
  const problem = attributeProblem(ce);
  if (problem) throw new BadRequestBody(problem);
  for (const field of ['id', 'source', 'type']) {
    if (typeof ce[field] !== 'string' || !ce[field]) {
      throw new BadRequestBody(`CloudEvent ${field}: required string`);
    }
  }
  let data = ce.data;
  if (data === undefined && typeof ce.data_base64 === 'string') {
    data = JSON.parse(Buffer.from(ce.data_base64, 'base64').toString('utf8'));
  }
  if (isCDEventType(ce.type)) {
    const mapped = cdeventToCanonical({
      id: ce.id,
      source: ce.source,
      type: ce.type,
      time: ce.time,
      subject: ce.subject,
      data,
    });
    return mapped.length ? mapped : [unusedCDEvent(ce, data)];
  }
  return [
    {
      id: ce.id,
      source: ce.source,
      type: ce.type,
      occurredAt: ce.time,
      ...(ce.entityref ? { entityRef: ce.entityref } : {}),
      ...(ce.repository ? { repository: ce.repository } : {}),
      data,
    },
  ];
}

function wrap(index: number, produce: () => unknown[]): RawInput {
  try {
    return { index, candidates: produce() };
  } catch (e) {
    return { index, candidates: [], error: (e as Error).message };
  }
}

/**
 * Reads a `POST /events` body: canonical events (array or `{ events }`), or CloudEvents in
 * structured, batch or binary mode (DESIGN §8).
 */
export function parseEventsBody(
  raw: Buffer,
  headers: Record<string, string | string[] | undefined>,
): RawInput[] {
  const contentType = String(headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  const text = raw.toString('utf8');
  if (headers['ce-specversion']) {
    return [
      wrap(0, () => {
        const event = HTTP.toEvent({
          headers: headers as any,
          body: text,
        }) as any;
        return fromCloudEvent(JSON.parse(JSON.stringify(event)));
      }),
    ];
  }
  if (contentType === CE_STRUCTURED) {
    const body = parseJson(text);
    if (!isCloudEvent(body))
      throw new BadRequestBody('Expected a CloudEvent object with specversion');
    return [wrap(0, () => fromCloudEvent(body))];
  }
  if (contentType === CE_BATCH) {
    const body = parseJson(text);
    if (!Array.isArray(body))
      throw new BadRequestBody('Expected an array of CloudEvents');
    return body.map((ce, i) =>
      wrap(i, () => {
        if (!isCloudEvent(ce))
          throw new BadRequestBody('not a CloudEvent (no specversion)');
        return fromCloudEvent(ce);
      }),
    );
  }
  if (
    contentType &&
    contentType !== 'application/json' &&
    !contentType.endsWith('+json')
  ) {
    throw new BadRequestBody(
      `Unsupported content type "${contentType}": send application/json, ${CE_STRUCTURED} or ${CE_BATCH}`,
      415,
    );
  }
  if (!text.trim()) throw new BadRequestBody('Request body is empty');
  const body = parseJson(text);
  if (isCloudEvent(body)) return [wrap(0, () => fromCloudEvent(body))];
  let list: unknown[] | null = null;
  if (Array.isArray(body)) list = body;
  else if (
    body &&
    typeof body === 'object' &&
    Array.isArray((body as any).events)
  ) {
    list = (body as any).events;
  }
  if (!list)
    throw new BadRequestBody(
      'Expected an array of events or an object { "events": [...] }',
    );
  return list.map((x: unknown, i: number) => ({
    index: i,
    candidates: isCloudEvent(x) ? [] : [x],
    ...(isCloudEvent(x) ? wrap(i, () => fromCloudEvent(x)) : {}),
  }));
}
