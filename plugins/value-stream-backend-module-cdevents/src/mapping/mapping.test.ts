import fs from 'node:fs';
import path from 'node:path';
import { cdeventsToEvents } from '.';

// the conformance examples live with the mapping in value-stream-common
const conformance = path.resolve(
  require.resolve(
    '@valuestream/backstage-plugin-value-stream-common/package.json',
  ),
  '..',
  'src',
  'cdevents',
  '__fixtures__',
  'conformance',
);
const load = (name: string): any =>
  JSON.parse(fs.readFileSync(path.join(conformance, `${name}.json`), 'utf8'));

function structured(cdevent: any) {
  return {
    specversion: '1.0',
    id: cdevent.context.id,
    source: cdevent.context.source,
    type: cdevent.context.type,
    time: cdevent.context.timestamp,
    subject: cdevent.subject.id,
    datacontenttype: 'application/json',
    data: cdevent,
  };
}

describe('cdeventsToEvents', () => {
  it('maps a structured-mode CloudEvent', () => {
    expect(cdeventsToEvents(structured(load('incident_resolved')), {})).toEqual(
      [
        {
          id: 'incident:incident-123:resolved',
          source: 'cdevents',
          type: 'incident.resolved',
          occurredAt: '2022-11-11T13:52:20.079Z',
          data: {
            incidentId: 'incident-123',
            service: 'myApp',
            title: 'Response time restored below 100ms',
          },
        },
      ],
    );
  });

  it('maps an array of CloudEvents and skips non-CDEvents types', () => {
    const events = cdeventsToEvents(
      [
        structured(load('ticket_created')),
        { id: 'x', source: '/other', type: 'com.example.thing', data: {} },
        structured(load('artifact_signed')),
        structured(load('change_merged')),
      ],
      {},
    );
    expect(events.map(e => [e.type, e.data.key ?? e.data.number])).toEqual([
      ['work_item.created', 'ticket-123'],
      ['pull_request.merged', 123],
    ]);
  });

  it('maps a binary-mode CloudEvent from ce-* headers', () => {
    const cdevent = load('service_deployed');
    const events = cdeventsToEvents(cdevent, {
      'ce-id': 'deploy-77',
      'ce-source': '/cd/spinnaker',
      'ce-type': cdevent.context.type,
      'ce-time': '2024-06-01T10:00:00Z',
    });
    expect(events.map(e => [e.id, e.type, e.occurredAt])).toEqual([
      [
        '/cd/spinnaker#deploy-77:started',
        'deployment.started',
        '2024-06-01T10:00:00.000Z',
      ],
      [
        '/cd/spinnaker#deploy-77',
        'deployment.finished',
        '2024-06-01T10:00:00.000Z',
      ],
    ]);
  });

  it('throws InputError for malformed CloudEvents', () => {
    const input = expect.objectContaining({ name: 'InputError' });
    expect(() => cdeventsToEvents('x', {})).toThrow(input);
    expect(() =>
      cdeventsToEvents({ type: 'dev.cdevents.change.merged.0.3.0' }, {}),
    ).toThrow(input);
    expect(() =>
      cdeventsToEvents({}, { 'ce-type': 'dev.cdevents.change.merged.0.3.0' }),
    ).toThrow(/ce-id/);
    const broken = structured(load('change_merged'));
    broken.data = { context: {} };
    expect(() => cdeventsToEvents(broken, {})).toThrow(input);
  });
});
