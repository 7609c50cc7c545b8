import { CloudEvent, HTTP, ValidationError } from 'cloudevents';
import {
  cdeventToCanonical,
  isCDEventType,
} from '@valuestream/backstage-plugin-value-stream-node';
import { InputError } from '@backstage/errors';
import type { RawInput } from './inputs';

/**
 * The one CloudEvents parser of the backend, on the `cloudevents` SDK (`HTTP.toEvent`
 * and `CloudEvent.validate`). `POST /events`, the `value-stream` events-service topic
 * and the CDEvents webhook all read CloudEvents through it, so they agree on what a
 * CloudEvent is and what becomes of it:
 *
 * - a CDEvent (`dev.cdevents.*`) maps to canonical events (`cdeventToCanonical`);
 * - a CDEvent that maps to nothing (an unmapped type, a build without a commit) is
 *   stored raw under its own type and counted `ignored` (DESIGN §11: kept for replay);
 * - any other CloudEvent is a canonical event (`time` → `occurredAt`, extensions
 *   `entityref` and `repository`), except on the CDEvents webhook (`cdeventsOnly`),
 *   where it is counted `ignored` and not stored: a webhook token must not write
 *   another source's canonical events.
 *
 * The SDK fills a missing `id` or `time` with a fresh one and turns an invalid `time`
 * into now; the raw attributes are checked first so neither happens here.
 */

export const CE_STRUCTURED = 'application/cloudevents+json';
export const CE_BATCH = 'application/cloudevents-batch+json';

/** Headers as express or the events service give them. */
export type Headers = Record<string, string | string[] | undefined>;

/** What a route accepts besides CDEvents. */
export interface CloudEventsOptions {
  /** Only CDEvents are taken; other CloudEvents are counted ignored (the CDEvents webhook). */
  cdeventsOnly?: boolean;
}

/**
 * Longest value of each CloudEvents attribute (every one but `data`): longer is a 400
 * naming it, before the SDK or any mapping reads it. Extensions share one limit.
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

function header(headers: Headers, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

/** The media type of a Content-Type header, lower-cased, without parameters. */
export function mediaType(headers: Headers): string {
  return (header(headers, 'content-type') ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
}

/** The CloudEvents HTTP mode of a request, or undefined when it is plain JSON. */
export function cloudEventsMode(
  headers: Headers,
): 'structured' | 'batch' | 'binary' | undefined {
  const type = mediaType(headers);
  if (type === CE_BATCH) return 'batch';
  if (type === CE_STRUCTURED) return 'structured';
  if (header(headers, 'ce-specversion') || header(headers, 'ce-id'))
    return 'binary';
  return undefined;
}

/** A JSON value that claims to be a structured-mode CloudEvent. */
export const isCloudEvent = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' &&
  x !== null &&
  !Array.isArray(x) &&
  'specversion' in x;

export function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch (e) {
    throw new InputError(
      `Request body is not valid JSON: ${(e as Error).message}`,
    );
  }
}

/** Over-long or missing attributes, checked on the raw attributes before the SDK. */
function attributeProblem(attrs: Record<string, unknown>): string | undefined {
  const names = Object.keys(attrs).filter(
    k => k !== 'data' && k !== 'data_base64',
  );
  if (names.length > MAX_ATTRIBUTES)
    return `CloudEvent: at most ${MAX_ATTRIBUTES} attributes`;
  for (const name of names) {
    const max = CLOUDEVENT_ATTRIBUTE_LIMITS[name] ?? MAX_EXTENSION_LENGTH;
    const v = attrs[name];
    if (typeof v === 'string' && v.length > max)
      return `CloudEvent ${name.slice(0, 64)}: at most ${max} characters`;
  }
  for (const field of ['id', 'source', 'type']) {
    if (typeof attrs[field] !== 'string' || !attrs[field])
      return `CloudEvent ${field}: required string`;
  }
  return undefined;
}

function validationMessage(e: ValidationError): string {
  const errors = (e.errors ?? []).map(err =>
    typeof err === 'string'
      ? err
      : `${err.instancePath.replace(/^\//, '') || '(event)'}: ${err.message}`,
  );
  return `CloudEvent ${errors.length ? errors.join('; ') : e.message}`;
}

/** The SDK's event → plain attributes with the raw `time`, and `data` decoded. */
function toAttributes(
  event: CloudEvent<unknown>,
  rawTime: unknown,
): Record<string, any> {
  try {
    event.validate();
  } catch (e) {
    if (e instanceof ValidationError) throw new Error(validationMessage(e));
    throw e;
  }
  const {
    data_base64: base64,
    data,
    ...attrs
  } = { ...event } as Record<string, any>;
  let decoded: unknown = data;
  if (typeof base64 === 'string') {
    try {
      decoded = JSON.parse(Buffer.from(base64, 'base64').toString('utf8'));
    } catch {
      throw new Error('CloudEvent data_base64: expected base64 of JSON');
    }
  }
  return {
    ...attrs,
    time: typeof rawTime === 'string' ? rawTime : undefined,
    data: decoded,
  };
}

function structured(obj: Record<string, unknown>): Record<string, any> {
  const problem = attributeProblem(obj);
  if (problem) throw new Error(problem);
  const event = HTTP.toEvent({
    headers: { 'content-type': CE_STRUCTURED },
    body: obj,
  }) as CloudEvent<unknown>;
  return toAttributes(event, obj.time);
}

function binary(text: string, headers: Headers): Record<string, any> {
  const raw: Record<string, unknown> = {};
  const clean: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const v = Array.isArray(value) ? value.join(',') : value;
    if (v === undefined) continue;
    const lower = name.toLowerCase();
    if (lower.startsWith('ce-')) {
      raw[lower.slice(3)] = v;
      clean[lower] = v;
    }
  }
  const contentType = mediaType(headers);
  if (contentType) clean['content-type'] = contentType;
  const problem = attributeProblem(raw);
  if (problem) throw new Error(problem);
  let event: CloudEvent<unknown>;
  try {
    event = HTTP.toEvent({ headers: clean, body: text }) as CloudEvent<unknown>;
  } catch (e) {
    if (e instanceof SyntaxError)
      throw new Error(`CloudEvent data: not valid JSON: ${e.message}`);
    throw e;
  }
  return toAttributes(event, raw.time);
}

/**
 * A CDEvent no rule uses (an unmapped type, or a build without a commit): kept raw
 * under its own type so it is counted as ignored and can be replayed later (DESIGN §11).
 * The id matches the one mapped CDEvents get, so a repeat is a duplicate.
 */
function unusedCDEvent(ce: Record<string, any>) {
  const timestamp = ce.data?.context?.timestamp;
  const at = [ce.time, timestamp]
    .map(t => (typeof t === 'string' ? Date.parse(t) : NaN))
    .find(ms => !Number.isNaN(ms));
  const data = ce.data;
  return {
    id: `${ce.source}#${ce.id}`,
    source: 'cdevents',
    type: ce.type,
    occurredAt: new Date(at ?? Date.now()).toISOString(),
    data: data && typeof data === 'object' && !Array.isArray(data) ? data : {},
  };
}

/** Parsed attributes → canonical candidates (see the rules at the top of this file). */
function candidatesOf(
  index: number,
  ce: Record<string, any>,
  options: CloudEventsOptions,
): RawInput {
  if (isCDEventType(ce.type)) {
    const mapped = cdeventToCanonical({
      id: ce.id,
      source: ce.source,
      type: ce.type,
      time: ce.time,
      subject: ce.subject,
      data: ce.data,
    });
    return { index, candidates: mapped.length ? mapped : [unusedCDEvent(ce)] };
  }
  if (options.cdeventsOnly) return { index, candidates: [], ignored: true };
  return {
    index,
    candidates: [
      {
        id: ce.id,
        source: ce.source,
        type: ce.type,
        occurredAt: ce.time,
        ...(ce.entityref ? { entityRef: ce.entityref } : {}),
        ...(ce.repository ? { repository: ce.repository } : {}),
        data: ce.data,
      },
    ],
  };
}

function wrap(index: number, produce: () => RawInput): RawInput {
  try {
    return produce();
  } catch (e) {
    return { index, candidates: [], error: (e as Error).message };
  }
}

/** One structured-mode CloudEvent (already parsed JSON) → its input. */
export function structuredCloudEvent(
  index: number,
  value: unknown,
  options: CloudEventsOptions = {},
): RawInput {
  return wrap(index, () => {
    if (!isCloudEvent(value))
      throw new Error('not a CloudEvent (no specversion)');
    return candidatesOf(index, structured(value), options);
  });
}

/**
 * Reads a request body as CloudEvents: structured, batch or binary mode by its headers,
 * else plain JSON holding one CloudEvent or an array of them. A body that cannot be read
 * at all throws an `InputError`; a bad CloudEvent is an input with an `error`.
 */
export function parseCloudEvents(
  text: string,
  headers: Headers,
  options: CloudEventsOptions = {},
): RawInput[] {
  const mode = cloudEventsMode(headers);
  if (mode === 'binary')
    return [wrap(0, () => candidatesOf(0, binary(text, headers), options))];
  if (!text.trim()) throw new InputError('Request body is empty');
  const body = parseJson(text);
  if (mode === 'batch' || (mode === undefined && Array.isArray(body))) {
    if (!Array.isArray(body))
      throw new InputError('Expected an array of CloudEvents');
    return body.map((ce, i) => structuredCloudEvent(i, ce, options));
  }
  if (!isCloudEvent(body))
    throw new InputError('Expected a CloudEvent object with specversion');
  return [structuredCloudEvent(0, body, options)];
}
