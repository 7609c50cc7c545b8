import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parseCloudEvents } from './cloudEvents';
import {
  component,
  databases,
  group,
  payments,
  startValueStream,
} from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

// the CDEvents conformance examples live with the mapping in value-stream-node
const conformance = path.resolve(
  require.resolve(
    '@valuestream/backstage-plugin-value-stream-node/package.json',
  ),
  '..',
  'src',
  'cdevents',
  '__fixtures__',
  'conformance',
);
const load = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(conformance, `${name}.json`), 'utf8'));

/**
 * A structured-mode CloudEvent around a conformance CDEvent. The conformance files all
 * share one context id, so each gets its own CloudEvent id as real producers' would.
 */
function cloudEvent(name: string) {
  const cd = load(name);
  return {
    specversion: '1.0',
    id: `${name}-1`,
    source: cd.context.source,
    type: cd.context.type,
    time: cd.context.timestamp,
    subject: cd.subject.id,
    datacontenttype: 'application/json',
    data: cd,
  };
}

const mySubject = component('my-subject', {
  'github.com/project-slug': 'TestRepo/TestOrg',
  'argocd/app-name': 'mySubject123',
});

const CE_JSON = { 'content-type': 'application/cloudevents+json' };
const parse = (
  body: unknown,
  headers: Record<string, string>,
  cdeventsOnly = false,
) =>
  parseCloudEvents(
    typeof body === 'string' ? body : JSON.stringify(body),
    headers,
    { cdeventsOnly },
  );

describe('parseCloudEvents, the one CloudEvents parser', () => {
  it('maps a structured-mode CDEvent', () => {
    expect(parse(cloudEvent('incident_resolved'), CE_JSON)).toEqual([
      {
        index: 0,
        candidates: [
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
      },
    ]);
  });

  it('treats unmapped CDEvents and other CloudEvents the same way on every route', () => {
    const other = {
      specversion: '1.0',
      id: 'x',
      source: '/other',
      type: 'com.example.thing',
      time: '2024-01-01T00:00:00Z',
      data: { a: 1 },
    };
    const batch = [cloudEvent('artifact_signed'), other];
    const headers = { 'content-type': 'application/cloudevents-batch+json' };
    // POST /events and the events service: the unmapped CDEvent is kept raw (counted
    // ignored), the other CloudEvent is a canonical event of an unknown type
    expect(parse(batch, headers)).toEqual([
      {
        index: 0,
        candidates: [
          expect.objectContaining({
            id: '/event/source/123#artifact_signed-1',
            source: 'cdevents',
            type: 'dev.cdevents.artifact.signed.0.3.0',
          }),
        ],
      },
      {
        index: 1,
        candidates: [
          {
            id: 'x',
            source: '/other',
            type: 'com.example.thing',
            occurredAt: '2024-01-01T00:00:00Z',
            data: { a: 1 },
          },
        ],
      },
    ]);
    // the CDEvents webhook: the same raw CDEvent; the other CloudEvent only counted
    const webhook = parse(batch, headers, true);
    expect(webhook[0]).toEqual(parse(batch, headers)[0]);
    expect(webhook[1]).toEqual({ index: 1, candidates: [], ignored: true });
  });

  it('maps a binary-mode CDEvent from ce-* headers', () => {
    const cdevent = load('service_deployed');
    const [input] = parse(cdevent, {
      'content-type': 'application/json; charset=utf-8',
      'ce-specversion': '1.0',
      'ce-id': 'deploy-77',
      'ce-source': '/cd/spinnaker',
      'ce-type': cdevent.context.type,
      'ce-time': '2024-06-01T10:00:00Z',
    });
    expect(
      input.candidates.map((e: any) => [e.id, e.type, e.occurredAt]),
    ).toEqual([
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

  it('never lets the SDK invent an id or a time', () => {
    const noTime: any = { ...cloudEvent('ticket_created') };
    delete noTime.time;
    // the CDEvent's own context.timestamp, not the time of receipt
    expect(parse(noTime, CE_JSON)[0].candidates[0]).toMatchObject({
      occurredAt: '2022-11-11T13:52:20.079Z',
    });
    const canonical = {
      specversion: '1.0',
      id: 'wi-1',
      source: 'jira',
      type: 'work_item.blocked',
      data: { key: 'PAY-1' },
    };
    expect(parse(canonical, CE_JSON)[0].candidates[0]).toMatchObject({
      occurredAt: undefined,
    });
    expect(
      parse({ ...canonical, time: 'never' }, CE_JSON)[0].candidates[0],
    ).toMatchObject({
      occurredAt: 'never',
    });
    expect(parse({ ...canonical, id: '' }, CE_JSON)[0].error).toBe(
      'CloudEvent id: required string',
    );
  });

  it('decodes data_base64 and reports what the SDK validates', () => {
    const canonical = {
      specversion: '1.0',
      id: 'wi-2',
      source: 'jira',
      type: 'work_item.blocked',
      time: '2024-01-01T00:00:00Z',
      datacontenttype: 'application/json',
      data_base64: Buffer.from('{"key":"PAY-2"}').toString('base64'),
    };
    expect(parse(canonical, CE_JSON)[0].candidates[0]).toMatchObject({
      data: { key: 'PAY-2' },
    });
    expect(
      parse({ ...canonical, source: 'not a uri ^' }, CE_JSON)[0].error,
    ).toMatch(/^CloudEvent source: must match format "uri-reference"/);
    expect(parse({ ...canonical, BadName: 'x' }, CE_JSON)[0].error).toMatch(
      /invalid attribute name/,
    );
  });

  it('reports malformed CloudEvents per input, and unreadable bodies whole', () => {
    expect(() => parse('x', CE_JSON)).toThrow(/not valid JSON/);
    expect(() => parse({ id: 'x' }, CE_JSON)).toThrow(/specversion/);
    expect(
      parse(
        { specversion: '1.0', type: 'dev.cdevents.change.merged.0.3.0' },
        CE_JSON,
      )[0].error,
    ).toMatch(/^CloudEvent id: required string/);
    expect(
      parse(
        {},
        {
          'ce-specversion': '1.0',
          'ce-type': 'dev.cdevents.change.merged.0.3.0',
        },
      )[0].error,
    ).toMatch(/^CloudEvent id: required string/);
    const broken = cloudEvent('change_merged');
    broken.data = { context: {} };
    expect(parse(broken, CE_JSON)[0].error).toMatch(/^malformed CDEvent/);
  });
});

describe.each(databases.eachSupportedId())('CloudEvents on %p', id => {
  let vs: Awaited<ReturnType<typeof startValueStream>>;
  const send = (body: unknown, headers: Record<string, string>) =>
    request(vs.server)
      .post('/api/value-stream/events')
      .set({ ...vs.asService, ...headers })
      .send(JSON.stringify(body));

  beforeAll(async () => {
    vs = await startValueStream(id, {
      entities: [payments, mySubject, group],
      config: { environments: { production: ['test123'] } },
    });
  });
  afterAll(async () => {
    await vs.backend.stop();
  });

  it('takes a CDEvent in structured mode', async () => {
    const r = await send(cloudEvent('ticket_created'), {
      'Content-Type': 'application/cloudevents+json; charset=utf-8',
    });
    expect(r.status).toBe(202);
    expect(r.body).toEqual({ accepted: 1, duplicates: 0, ignored: 0 });
    // An item of no entity: service principals only (docs/install.md §5).
    const item = await vs.get('/work-items/ticket-123', vs.asService);
    expect(item.status).toBe(200);
    expect(item.body).toMatchObject({
      key: 'ticket-123',
      title: 'New CVE-123 detected',
      itemType: 'debt',
      stage: 'Backlog',
      createdAt: '2022-11-11T13:52:20.079Z',
      entityRefs: [],
    });
    const again = await send(cloudEvent('ticket_created'), {
      'Content-Type': 'application/cloudevents+json',
    });
    expect(again.body).toEqual({ accepted: 0, duplicates: 1, ignored: 0 });
  });

  it('takes a batch, keeping unmapped CDEvents raw as ignored', async () => {
    const r = await send(
      [
        cloudEvent('change_created'),
        cloudEvent('change_merged'),
        cloudEvent('artifact_published'),
        cloudEvent('build_started'), // no commit: nothing to correlate
      ],
      { 'Content-Type': 'application/cloudevents-batch+json' },
    );
    expect(r.status).toBe(202);
    expect(r.body).toEqual({ accepted: 2, duplicates: 0, ignored: 2 });
    await vs.settled();
    const pr = await vs
      .knex('vs_pull_requests')
      .where({ id: 'TestRepo/TestOrg#123' })
      .first();
    expect(pr).toMatchObject({
      repository: 'TestRepo/TestOrg',
      number: 123,
      state: 'merged',
    });
    expect(Number(pr.merged_at)).toBe(Date.parse('2023-03-20T14:27:05.315Z'));
    const raw = await vs
      .knex('vs_events')
      .where({ id: '/event/source/123#artifact_published-1' })
      .first();
    expect(raw).toMatchObject({
      source: 'cdevents',
      type: 'dev.cdevents.artifact.published.0.3.0',
      subject: null,
    });
    expect(JSON.parse(raw.payload).data).toEqual(load('artifact_published'));
  });

  it('takes a CDEvent in binary mode', async () => {
    const cd = load('service_deployed');
    const r = await send(cd, {
      'Content-Type': 'application/json',
      'ce-specversion': '1.0',
      'ce-id': 'deploy-1',
      'ce-source': cd.context.source,
      'ce-type': cd.context.type,
      'ce-time': cd.context.timestamp,
    });
    expect(r.status).toBe(202);
    expect(r.body).toEqual({ accepted: 2, duplicates: 0, ignored: 0 });
    const metrics = await vs.get(
      '/entities/component/default/my-subject/metrics?from=2023-03-20T00:00:00Z&to=2023-03-27T00:00:00Z',
    );
    expect(metrics.status).toBe(200);
    expect(metrics.body.dora.deploymentFrequency).toMatchObject({
      count: 1,
      perWeek: 1,
    });
  });

  it('takes a canonical type as a CloudEvent, time becoming occurredAt', async () => {
    const r = await send(
      {
        specversion: '1.0',
        id: 'wi-9',
        source: 'jira',
        type: 'work_item.created',
        time: '2026-02-01T10:00:00+01:00',
        entityref: 'component:default/payments',
        data: { key: 'PAY-9', title: 'Refund export', itemType: 'risk' },
      },
      { 'Content-Type': 'application/cloudevents+json' },
    );
    expect(r.body).toEqual({ accepted: 1, duplicates: 0, ignored: 0 });
    const binary = await send(
      { key: 'PAY-9', from: 'To Do', to: 'In Progress' },
      {
        'Content-Type': 'application/json',
        'ce-specversion': '1.0',
        'ce-id': 'wi-10',
        'ce-source': 'jira',
        'ce-type': 'work_item.status_changed',
        'ce-time': '2026-02-02T09:00:00Z',
      },
    );
    expect(binary.body).toEqual({ accepted: 1, duplicates: 0, ignored: 0 });
    const item = await vs.get('/work-items/PAY-9');
    expect(item.body).toMatchObject({
      key: 'PAY-9',
      itemType: 'risk',
      createdAt: '2026-02-01T09:00:00.000Z',
      startedAt: '2026-02-02T09:00:00.000Z',
      stage: 'In Progress',
      entityRefs: ['component:default/payments'],
    });
    expect(item.body.transitions[0]).toEqual({
      stage: 'Backlog',
      category: 'queue',
      enteredAt: '2026-02-01T09:00:00.000Z',
      exitedAt: '2026-02-02T09:00:00.000Z',
      seconds: 86400,
    });
  });

  it('takes CloudEvents inside a plain JSON array', async () => {
    const r = await vs.post('/events', [
      {
        specversion: '1.0',
        id: 'wi-11',
        source: 'jira',
        type: 'work_item.updated',
        time: '2026-02-03T00:00:00Z',
        data: { key: 'PAY-9', title: 'Refund CSV export' },
      },
    ]);
    expect(r.body).toEqual({ accepted: 1, duplicates: 0, ignored: 0 });
    expect((await vs.get('/work-items/PAY-9')).body.title).toBe(
      'Refund CSV export',
    );
  });

  describe('errors', () => {
    it('rejects a structured body that is not a CloudEvent', async () => {
      const r = await send(
        { id: 'x' },
        { 'Content-Type': 'application/cloudevents+json' },
      );
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(/specversion/);
    });

    it('rejects a batch that is not an array', async () => {
      const r = await send(cloudEvent('ticket_created'), {
        'Content-Type': 'application/cloudevents-batch+json',
      });
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(/array of CloudEvents/);
    });

    it('rejects a batch whole, naming the bad CloudEvent', async () => {
      const noSource: any = { ...cloudEvent('change_created'), id: 'cc-2' };
      delete noSource.source;
      const r = await send(
        [
          { ...cloudEvent('ticket_created'), id: 'tc-2' },
          noSource,
          'hello',
          {
            ...cloudEvent('change_created'),
            id: 'cc-3',
            data: { subject: {} },
          },
          {
            specversion: '1.0',
            id: 'wi-3',
            source: 'jira',
            type: 'work_item.blocked',
            time: 'never',
            data: { key: 'PAY-1' },
          },
        ],
        { 'Content-Type': 'application/cloudevents-batch+json' },
      );
      expect(r.status).toBe(400);
      expect(r.body.rejected).toEqual([
        { index: 1, message: 'CloudEvent source: required string' },
        { index: 2, message: expect.stringMatching(/not a CloudEvent/) },
        { index: 3, message: expect.stringMatching(/malformed CDEvent/) },
        { index: 4, message: expect.stringMatching(/^occurredAt: /) },
      ]);
      expect(
        await vs
          .knex('vs_events')
          .whereIn('id', ['/event/source/123#tc-2', '/ticketing/system#tc-2']),
      ).toEqual([]);
    });

    it('rejects a canonical CloudEvent with invalid data, naming the field', async () => {
      const r = await send(
        {
          specversion: '1.0',
          id: 'wi-12',
          source: 'jira',
          type: 'work_item.created',
          time: '2026-02-01T10:00:00Z',
          data: { key: 'PAY-12', itemType: 'feature' },
        },
        { 'Content-Type': 'application/cloudevents+json' },
      );
      expect(r.status).toBe(400);
      expect(r.body.rejected).toEqual([
        {
          index: 0,
          message: expect.stringMatching(/^work_item\.created: data\.title: /),
        },
      ]);
    });

    it('rejects a binary CloudEvent without a source', async () => {
      const r = await send(
        { key: 'PAY-13', title: 'x', itemType: 'feature' },
        {
          'Content-Type': 'application/json',
          'ce-specversion': '1.0',
          'ce-id': 'wi-13',
          'ce-type': 'work_item.created',
          'ce-time': '2026-02-01T10:00:00Z',
        },
      );
      expect(r.status).toBe(400);
      expect(r.body.rejected[0].index).toBe(0);
      expect(await vs.knex('vs_events').where({ id: 'wi-13' })).toEqual([]);
    });

    it('answers a 1 MB change subject id with a 400 in under a second', async () => {
      // a long run of digits then a non-digit: /(\d+)$/ took minutes on this
      const ce = cloudEvent('change_merged');
      ce.id = 'cm-long';
      ce.data.subject.id = `${'1'.repeat(1_000_000)}x`;
      ce.subject = 'short';
      const started = Date.now();
      const r = await send(ce, {
        'Content-Type': 'application/cloudevents+json',
      });
      expect(Date.now() - started).toBeLessThan(1000);
      expect(r.status).toBe(400);
      expect(r.body.rejected[0].message).toMatch(
        /subject\.id: .*(512|too big)/i,
      );
    });

    it('rejects any over-long CloudEvents attribute, naming it', async () => {
      const base = { ...cloudEvent('ticket_created'), id: 'tc-long' };
      const cases: Array<[string, Record<string, unknown>]> = [
        ['id', { id: 'i'.repeat(513) }],
        ['source', { source: 's'.repeat(513) }],
        [
          'type',
          { type: `dev.cdevents.ticket.created.0.1.0-${'t'.repeat(300)}` },
        ],
        ['subject', { subject: 'x'.repeat(1_000_000) }],
        ['time', { time: '2022-11-11T13:52:20.079Z'.padEnd(100, ' ') }],
        ['dataschema', { dataschema: `https://x/${'y'.repeat(3000)}` }],
        ['myextension', { myextension: 'e'.repeat(1000) }],
      ];
      for (const [name, patch] of cases) {
        const started = Date.now();
        const r = await send(
          { ...base, ...patch },
          { 'Content-Type': 'application/cloudevents+json' },
        );
        expect(Date.now() - started).toBeLessThan(1000);
        expect(r.status).toBe(400);
        expect(r.body.rejected[0].message).toMatch(
          new RegExp(`^CloudEvent ${name}: at most \\d+ characters`),
        );
      }
    });

    it('rejects a binary CloudEvent whose body is not JSON', async () => {
      const r = await request(vs.server)
        .post('/api/value-stream/events')
        .set({
          ...vs.asService,
          'Content-Type': 'application/json',
          'ce-specversion': '1.0',
          'ce-id': 'wi-14',
          'ce-source': 'jira',
          'ce-type': 'work_item.created',
          'ce-time': '2026-02-01T10:00:00Z',
        })
        .send('{"key": ');
      expect(r.status).toBe(400);
    });
  });
});
