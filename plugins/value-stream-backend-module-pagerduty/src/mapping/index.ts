import { InputError } from '@backstage/errors';
import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
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
  const parsed = envelope.safeParse(payload);
  if (!parsed.success) {
    throw new InputError(
      `malformed PagerDuty webhook: ${parsed.error.issues
        .map(i => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  }
  const { event } = parsed.data;
  const incident = event.data;
  const canonicalType = TYPES[event.event_type];
  return [
    {
      // one opening and one resolution per incident, whatever the delivery
      id: `${incident.id}:${canonicalType.split('.')[1]}`,
      source: 'pagerduty',
      type: canonicalType,
      occurredAt: new Date(event.occurred_at).toISOString(),
      data: Object.fromEntries(
        Object.entries({
          incidentId: incident.id,
          service: incident.service?.id,
          // the priority (P1…) when the account uses priorities, else the urgency
          severity: incident.priority?.summary ?? incident.urgency ?? undefined,
          title: incident.title ?? undefined,
        }).filter(([, v]) => v !== undefined),
      ),
    },
  ];
}
