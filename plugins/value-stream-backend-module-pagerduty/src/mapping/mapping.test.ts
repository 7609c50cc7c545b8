import fs from 'node:fs';
import path from 'node:path';
import { validateCanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { pagerDutyToEvents } from '.';

function fixture(name: string): any {
  return JSON.parse(
    fs.readFileSync(
      path.join(__dirname, '..', '__fixtures__', `${name}.json`),
      'utf8',
    ),
  );
}

function map(payload: unknown) {
  const events = pagerDutyToEvents(payload);
  for (const e of events) {
    const result = validateCanonicalEvent(e);
    if (!result.ok) throw new Error(result.message);
  }
  return events;
}

describe('pagerDutyToEvents', () => {
  it('maps incident.triggered to incident.opened', () => {
    expect(map(fixture('incident.triggered'))).toEqual([
      {
        id: 'PFQZPSY:opened',
        source: 'pagerduty',
        type: 'incident.opened',
        occurredAt: '2021-06-04T13:35:29.781Z',
        data: {
          incidentId: 'PFQZPSY',
          service: 'PA2P440',
          severity: 'high',
          title: 'Test Incident 3',
        },
      },
    ]);
  });

  it('maps incident.resolved', () => {
    expect(map(fixture('incident.resolved'))).toEqual([
      {
        id: 'PCPZE64:resolved',
        source: 'pagerduty',
        type: 'incident.resolved',
        occurredAt: '2021-06-04T13:16:53.816Z',
        data: {
          incidentId: 'PCPZE64',
          service: 'PA2P440',
          severity: 'high',
          title: 'Test Incident',
        },
      },
    ]);
  });

  it('prefers the incident priority over the urgency', () => {
    const payload = fixture('incident.triggered');
    payload.event.data.priority = {
      id: 'PSO75BM',
      summary: 'P1',
      type: 'priority_reference',
    };
    expect(map(payload)[0].data.severity).toBe('P1');
  });

  it('ignores other event types', () => {
    const payload = fixture('incident.triggered');
    payload.event.event_type = 'incident.acknowledged';
    expect(map(payload)).toEqual([]);
  });

  it('throws InputError for malformed payloads', () => {
    const input = expect.objectContaining({ name: 'InputError' });
    expect(() => pagerDutyToEvents(null)).toThrow(input);
    expect(() =>
      pagerDutyToEvents({ event: { event_type: 'incident.triggered' } }),
    ).toThrow(input);
    const payload = fixture('incident.resolved');
    payload.event.occurred_at = 'yesterday';
    expect(() => pagerDutyToEvents(payload)).toThrow(/occurred_at/);
  });
});
