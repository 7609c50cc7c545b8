import { InputError } from '@backstage/errors';
import {
  cdeventToCanonical,
  isCDEventType,
  type CanonicalEvent,
} from '@valuestream/backstage-plugin-value-stream-common';
import type { WebhookHeaders } from '@valuestream/backstage-plugin-value-stream-node';

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fromStructured(ce: unknown, index: number): CanonicalEvent[] {
  if (!isObject(ce))
    throw new InputError(`CloudEvent ${index} is not an object`);
  const { id, source, type, time, subject, data } = ce;
  if (
    typeof id !== 'string' ||
    typeof source !== 'string' ||
    typeof type !== 'string'
  ) {
    throw new InputError(
      `CloudEvent ${index} needs string id, source and type`,
    );
  }
  if (!isCDEventType(type)) return [];
  return cdeventToCanonical({
    id,
    source,
    type,
    time: typeof time === 'string' ? time : undefined,
    subject: typeof subject === 'string' ? subject : undefined,
    data,
  });
}

/**
 * Maps CDEvents sent as CloudEvents: structured mode (one CloudEvent object or
 * an array of them, as in batch mode) or binary mode (`ce-*` headers, the
 * CDEvent as body). CloudEvents that are not `dev.cdevents.*` map to `[]`.
 * @public
 */
export function cdeventsToEvents(
  payload: unknown,
  headers: WebhookHeaders,
): CanonicalEvent[] {
  const type = headers['ce-type'];
  if (type) {
    const id = headers['ce-id'];
    const source = headers['ce-source'];
    if (!id || !source)
      throw new InputError('binary CloudEvent needs ce-id and ce-source');
    if (!isCDEventType(type)) return [];
    return cdeventToCanonical({
      id,
      source,
      type,
      time: headers['ce-time'],
      subject: headers['ce-subject'],
      data: payload,
    });
  }
  const list = Array.isArray(payload) ? payload : [payload];
  return list.flatMap((ce, i) => fromStructured(ce, i));
}
