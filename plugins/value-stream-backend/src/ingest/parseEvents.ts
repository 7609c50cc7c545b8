import {
  CE_BATCH,
  CE_STRUCTURED,
  cloudEventsMode,
  Headers,
  isCloudEvent,
  mediaType,
  parseCloudEvents,
  parseJson,
  structuredCloudEvent,
} from './cloudEvents';
import { InputError } from '@backstage/errors';
import { RawInput, UnsupportedMediaTypeError } from './inputs';

export type { RawInput } from './inputs';

/**
 * Reads a `POST /events` body (and a `value-stream` events-service message): canonical
 * events (array or `{ events }`), or CloudEvents in structured, batch or binary mode
 * (DESIGN §8) through the one CloudEvents parser (`./cloudEvents`). A plain JSON array
 * may mix canonical events and CloudEvents.
 */
export function parseEventsBody(raw: Buffer, headers: Headers): RawInput[] {
  const text = raw.toString('utf8');
  if (cloudEventsMode(headers)) return parseCloudEvents(text, headers);
  const contentType = mediaType(headers);
  if (
    contentType &&
    contentType !== 'application/json' &&
    !contentType.endsWith('+json')
  ) {
    throw new UnsupportedMediaTypeError(
      `Unsupported content type "${contentType}": send application/json, ${CE_STRUCTURED} or ${CE_BATCH}`,
    );
  }
  if (!text.trim()) throw new InputError('Request body is empty');
  const body = parseJson(text);
  if (isCloudEvent(body)) return [structuredCloudEvent(0, body)];
  let list: unknown[] | null = null;
  if (Array.isArray(body)) list = body;
  else if (body && typeof body === 'object') {
    const { events } = body as { events?: unknown };
    if (Array.isArray(events)) list = events;
  }
  if (!list)
    throw new InputError(
      'Expected an array of events or an object { "events": [...] }',
    );
  return list.map((x: unknown, i: number) =>
    isCloudEvent(x)
      ? structuredCloudEvent(i, x)
      : { index: i, candidates: [x] },
  );
}
