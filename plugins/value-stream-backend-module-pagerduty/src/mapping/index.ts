import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import {
  canonicalEvent,
  parsePayload,
} from '@valuestream/backstage-plugin-value-stream-node';
import { z } from 'zod';

const TYPES: Record<string, string> = {
  'incident.triggered': 'incident.opened',
  'incident.resolved': 'incident.resolved',
};

const ref = z
  .object({ id: z.string().min(1), summary: z.string().optional() })
  .nullish();

const envelope = z.object({
  event: z.object({
    id: z.string().min(1),
    event_type: z.string().min(1),
    occurred_at: z.iso.datetime({ offset: true }),
    data: z.looseObject({
      id: z.string().min(1),
      title: z.string().nullish(),
      urgency: z.string().nullish(),
      priority: ref,
      service: ref,
    }),
  }),
});

/**
 * Maps a PagerDuty v3 webhook: `incident.triggered` → `incident.opened`,
 * `incident.resolved` → `incident.resolved`; every other event type → `[]`.
 * Pure.
 * @public
 */
export function pagerDutyToEvents(payload: unknown): CanonicalEvent[] {
  const type = (payload as { event?: { event_type?: unknown } } | null)?.event
    ?.event_type;
  if (typeof type === 'string' && !TYPES[type]) return [];
  const { event } = parsePayload(envelope, payload, 'PagerDuty webhook');
  const incident = event.data;
  const canonicalType = TYPES[event.event_type];
  return [
    canonicalEvent({
      // one opening and one resolution per incident, whatever the delivery
      id: `${incident.id}:${canonicalType.split('.')[1]}`,
      source: 'pagerduty',
      type: canonicalType,
      occurredAt: new Date(event.occurred_at).toISOString(),
      data: {
        incidentId: incident.id,
        service: incident.service?.id,
        // the priority (P1…) when the account uses priorities, else the urgency
        severity: incident.priority?.summary ?? incident.urgency,
        title: incident.title,
      },
    }),
  ];
}
