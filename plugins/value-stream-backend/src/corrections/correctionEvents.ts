import { randomUUID } from 'crypto';
import type { Correction } from '@valuestream/backstage-plugin-value-stream-common';
import type { NewEvent, StoredEvent } from '../model/events';
import { prId, subject } from '../model/subjects';

/** The `source` of correction events; no other path stores events of it with a subject. */
export const CORRECTION_SOURCE = 'value-stream.corrections';

/** The event type of a correction: `correction.<kind>`. */
export const correctionType = (kind: Correction['kind']) =>
  `correction.${kind}`;

/** Whether a stored event is a correction (never a tracker or SCM fact). */
export const isCorrectionEvent = (e: Pick<StoredEvent, 'type'>) =>
  e.type.startsWith('correction.');

/** The data a correction event carries: the correction and who made it. */
export type CorrectionData = Correction & { actor: string };

/**
 * The item or incident a correction is about: its history folds it in (DESIGN §16).
 * A PR named by a correction is `owner/name#n`, as everywhere else.
 */
export const correctionSubject = (c: Correction) =>
  c.kind === 'attribute_incident'
    ? subject('incident', c.incidentId)
    : subject('item', c.workItemKey);

/** The link a link/unlink correction is about. */
export const correctedLink = (
  c: Extract<Correction, { kind: 'link' | 'unlink' }>,
): { kind: 'commit' | 'pr'; ref: string } =>
  c.commitSha !== undefined
    ? { kind: 'commit', ref: c.commitSha.toLowerCase() }
    : {
        kind: 'pr',
        ref: prId(c.pullRequest!.repository, c.pullRequest!.number),
      };

/**
 * The event storing a correction. Stored by the corrections route only: the subject is
 * set here, so a `correction.*` event sent to `POST /events` is kept raw and applies to
 * nothing. Pure but for the id.
 */
export function correctionEvent(
  c: Correction,
  options: { actor: string; at: number; id?: string },
): NewEvent {
  const id = options.id ?? randomUUID();
  const type = correctionType(c.kind);
  const occurredAt = new Date(options.at).toISOString();
  const data: CorrectionData = { ...c, actor: options.actor };
  return {
    source: CORRECTION_SOURCE,
    id,
    type,
    occurredAt: options.at,
    receivedAt: options.at,
    entityRef: null,
    repository: null,
    subject: correctionSubject(c),
    payload: JSON.stringify({
      id,
      source: CORRECTION_SOURCE,
      type,
      occurredAt,
      data,
    }),
  };
}
