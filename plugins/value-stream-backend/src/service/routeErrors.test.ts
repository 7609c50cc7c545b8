import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { databases, startValueStream } from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

const ENTITY = '/entities/component/default/payments';
const created = (id: string, key = 'PAY-1') => ({
  id,
  source: 'jira',
  type: 'work_item.created',
  occurredAt: '2026-01-01T00:00:00Z',
  data: { key, title: 'A title', itemType: 'feature' },
});

describe.each(databases.eachSupportedId())('route errors on %p', id => {
  let vs: Awaited<ReturnType<typeof startValueStream>>;
  const stored = async () =>
    Number(
      (await vs.knex('vs_events').count({ n: '*' }).first())?.n ?? Number.NaN,
    );
  const raw = (body: string | Buffer, contentType: string) =>
    request(vs.server)
      .post('/api/value-stream/events')
      .set({ ...vs.asService, 'Content-Type': contentType })
      .send(body);

  beforeAll(async () => {
    vs = await startValueStream(id);
  });
  afterAll(async () => {
    await vs.backend.stop();
  });

  describe('POST /events', () => {
    it('answers 400 for a body that is not JSON', async () => {
      const r = await raw('[{"id": "e1",', 'application/json');
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(/not valid JSON/);
    });

    it('answers 415 for an unsupported content type, naming the types it takes', async () => {
      const r = await raw(JSON.stringify([created('e1')]), 'text/plain');
      expect(r.status).toBe(415);
      expect(r.body.error.message).toContain('"text/plain"');
      expect(r.body.error.message).toContain('application/json');
      expect(await stored()).toBe(0);
    });

    it('answers 400 for an empty body', async () => {
      const r = await raw('', 'application/json');
      expect(r.status).toBe(400);
      expect(r.body.error.message).toBe('Request body is empty');
    });

    it.each([
      ['null', 'null'],
      ['a number', '42'],
      ['an object without events', '{"event": []}'],
    ])('answers 400 for %s', async (_, body) => {
      const r = await raw(body, 'application/json');
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(/Expected an array of events/);
    });

    it('accepts an empty array as nothing to do', async () => {
      const r = await vs.post('/events', []);
      expect(r.status).toBe(202);
      expect(r.body).toEqual({ accepted: 0, duplicates: 0, ignored: 0 });
    });

    it('rejects a batch with invalid events whole, naming index and field', async () => {
      const noKey = created('e2');
      delete (noKey.data as any).key;
      const badType = { ...created('e3'), data: { ...created('e3').data } };
      (badType.data as any).itemType = 'epic';
      const r = await vs.post('/events', {
        events: [
          created('e1'),
          noKey,
          { ...created('e4'), occurredAt: 'yesterday' },
          badType,
          null,
        ],
      });
      expect(r.status).toBe(400);
      expect(r.body.error.name).toBe('InputError');
      expect(r.body.rejected.map((x: any) => x.index)).toEqual([1, 2, 3, 4]);
      const byIndex = Object.fromEntries(
        r.body.rejected.map((x: any) => [x.index, x.message]),
      );
      expect(byIndex[1]).toMatch(/^work_item\.created: data\.key: /);
      expect(byIndex[2]).toMatch(/^occurredAt: /);
      expect(byIndex[3]).toMatch(/^work_item\.created: data\.itemType: /);
      expect(byIndex[4]).toMatch(/\(event\)/);
      expect(r.body.error.message).toMatch(
        /4 invalid event\(s\), nothing stored/,
      );
      expect(await stored()).toBe(0);
      expect(await vs.get('/work-items/PAY-1')).toHaveProperty('status', 404);
    });

    it('rejects an unknown canonical stage name', async () => {
      const r = await vs.post('/events', [
        created('e1'),
        {
          id: 'e2',
          source: 'jira',
          type: 'work_item.status_changed',
          occurredAt: '2026-01-02T00:00:00Z',
          data: { key: 'PAY-1', to: 'Shipping', stage: 'Shipping' },
        },
      ]);
      expect(r.status).toBe(400);
      expect(r.body.rejected).toEqual([
        {
          index: 1,
          message: expect.stringMatching(
            /^data\.stage: "Shipping" is not a configured stage \(Backlog, /,
          ),
        },
      ]);
      expect(await stored()).toBe(0);
    });

    it('rejects fields too long to store instead of failing in the database', async () => {
      const r = await vs.post('/events', [
        created('e1', `PAY-${'1'.repeat(400)}`),
        {
          id: 'e2',
          source: 'github',
          type: 'commit.pushed',
          occurredAt: '2026-01-02T00:00:00Z',
          repository: 'acme/payments',
          data: { sha: 'f'.repeat(101), message: 'x' },
        },
        {
          id: 'e3',
          source: 'github',
          type: 'pull_request.opened',
          occurredAt: '2026-01-02T00:00:00Z',
          repository: 'acme/payments',
          data: { number: 2 ** 31, title: 'x' },
        },
      ]);
      expect(r.status).toBe(400);
      expect(r.body.rejected).toEqual([
        { index: 0, message: expect.stringMatching(/^data\.key: /) },
        { index: 1, message: expect.stringMatching(/data\.sha: /) },
        { index: 2, message: expect.stringMatching(/^data\.number: /) },
      ]);
      expect(await stored()).toBe(0);
    });

    it('rejects a commit sha that is not 7 to 64 hex characters', async () => {
      const r = await vs.post('/events', [
        {
          id: 'e1',
          source: 'github',
          type: 'commit.pushed',
          occurredAt: '2026-01-02T00:00:00Z',
          repository: 'acme/payments',
          data: { sha: 'main; rm -rf /', message: 'PAY-1 x' },
        },
      ]);
      expect(r.status).toBe(400);
      expect(r.body.rejected).toEqual([
        {
          index: 0,
          message:
            'commit.pushed: data.sha: expected a commit sha (7 to 64 hex characters)',
        },
      ]);
      expect(await stored()).toBe(0);
    });

    it('counts an unknown event type as ignored and keeps it raw', async () => {
      const approval = {
        id: 'appr-1',
        source: 'spinnaker',
        type: 'deployment.approved',
        occurredAt: '2026-01-03T00:00:00+02:00',
        data: { approver: 'alice' },
      };
      const r = await vs.post('/events', [approval]);
      expect(r.status).toBe(202);
      expect(r.body).toEqual({ accepted: 0, duplicates: 0, ignored: 1 });
      const rows = await vs.knex('vs_events').where({ id: 'appr-1' });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        source: 'spinnaker',
        type: 'deployment.approved',
        subject: null,
      });
      expect(Number(rows[0].occurred_at)).toBe(
        Date.parse('2026-01-02T22:00:00Z'),
      );
      expect(JSON.parse(rows[0].payload)).toEqual(approval);
      expect((await vs.post('/events', [approval])).body).toEqual({
        accepted: 0,
        duplicates: 1,
        ignored: 0,
      });
    });

    it('answers 413 for more than 5000 events and stores nothing', async () => {
      const before = await stored();
      const events = Array.from({ length: 5001 }, (_, i) =>
        created(`big-${i}`, `PAY-${i + 1}`),
      );
      const r = await vs.post('/events', events);
      expect(r.status).toBe(413);
      expect(r.body.error.message).toMatch(/5001.*at most 5000/);
      expect(await stored()).toBe(before);
    });

    it('answers 413 for a body over 10 MB', async () => {
      const body = `[${JSON.stringify({
        ...created('huge'),
        data: { ...created('huge').data, title: 'x'.repeat(10 * 1024 * 1024) },
      })}]`;
      const r = await raw(body, 'application/json');
      expect(r.status).toBe(413);
      expect(r.body.error.name).toBe('PayloadTooLargeError');
      expect(await vs.knex('vs_events').where({ id: 'huge' })).toEqual([]);
    });

    it('answers with the standard error body of the error class, mapped by the standard handler', async () => {
      // a class with statusCode 415, not an InputError with a status set by hand
      const unsupported = await raw('[]', 'text/plain');
      expect(unsupported.status).toBe(415);
      expect(unsupported.body).toEqual({
        error: {
          name: 'UnsupportedMediaTypeError',
          message: expect.stringContaining('"text/plain"'),
          statusCode: 415,
        },
        request: { method: 'POST', url: '/events' },
        response: { statusCode: 415 },
      });
      // body-parser's own errors keep their status: an unknown Content-Encoding is a 415
      const encoded = await request(vs.server)
        .post('/api/value-stream/events')
        .set({
          ...vs.asService,
          'Content-Type': 'application/json',
          'Content-Encoding': 'x-unknown',
        })
        .send('[]');
      expect(encoded.status).toBe(415);
      expect(encoded.body.error.name).toBe('UnsupportedMediaTypeError');
      // the one special case keeps `rejected` beside the standard body
      const rejected = await raw('[{"id": "x"}]', 'application/json');
      expect(rejected.status).toBe(400);
      expect(Object.keys(rejected.body).sort()).toEqual([
        'error',
        'rejected',
        'request',
        'response',
      ]);
      expect(rejected.body.error.name).toBe('InputError');
    });

    it('answers 401 without credentials', async () => {
      const r = await vs.post('/events', [created('e1')], {
        Authorization: mockCredentials.none.header(),
      });
      expect(r.status).toBe(401);
    });

    it('answers 403 for a user token', async () => {
      const r = await vs.post('/events', [created('e1')], vs.asUser);
      expect(r.status).toBe(403);
      expect(await vs.knex('vs_events').where({ id: 'e1' })).toEqual([]);
    });

    it('answers 401 for an invalid token', async () => {
      const r = await vs.post('/events', [created('e1')], {
        Authorization: mockCredentials.service.invalidHeader(),
      });
      expect(r.status).toBe(401);
    });
  });

  describe('reads', () => {
    it.each(['metrics', 'work-items', 'alerts', 'timeseries?metric=wip'])(
      'answers 404 for %s of an unknown entity',
      async path => {
        const r = await vs.get(`/entities/component/default/nope/${path}`);
        expect(r.status).toBe(404);
        expect(r.body.error.name).toBe('NotFoundError');
      },
    );

    it.each([
      `${ENTITY}/metrics`,
      `${ENTITY}/work-items`,
      `${ENTITY}/alerts`,
      `${ENTITY}/timeseries?metric=wip`,
      '/work-items/PAY-1',
      '/groups/default/team-pay/metrics',
    ])('answers 401 without credentials for %s', async path => {
      const none = { Authorization: mockCredentials.none.header() };
      expect((await vs.get(path, none)).status).toBe(401);
    });

    it('lets service principals read', async () => {
      expect((await vs.get(`${ENTITY}/work-items`, vs.asService)).status).toBe(
        200,
      );
    });

    it.each([
      [`${ENTITY}/work-items?limit=0`, 'limit'],
      [`${ENTITY}/work-items?limit=1001`, 'limit'],
      [`${ENTITY}/work-items?limit=ten`, 'limit'],
      [`${ENTITY}/work-items?state=bogus`, 'state'],
      [`${ENTITY}/work-items?type=epic`, 'type'],
      [`${ENTITY}/work-items?cursor=bogus`, 'cursor'],
      [`${ENTITY}/alerts?status=bogus`, 'status'],
      [
        `${ENTITY}/metrics?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z`,
        'from',
      ],
      [`${ENTITY}/metrics?from=yesterday`, 'from'],
      [
        `${ENTITY}/metrics?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z`,
        'window',
      ],
      [`${ENTITY}/timeseries?metric=bogus`, 'metric'],
      [`${ENTITY}/timeseries`, 'metric'],
      [`${ENTITY}/timeseries?metric=wip&interval=month`, 'interval'],
      [`/groups/default/team-pay/metrics?to=nope`, 'to'],
    ])('answers 400 for %s naming %s', async (path, field) => {
      const r = await vs.get(path);
      expect(r.status).toBe(400);
      expect(r.body.error.name).toBe('InputError');
      expect(r.body.error.message).toMatch(new RegExp(`^${field}: `));
    });

    it('answers 400 for repeated query parameters', async () => {
      const r = await vs.get(`${ENTITY}/work-items?state=open&state=done`);
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(/^state: /);
    });

    it('answers 404 for an unknown work item', async () => {
      const r = await vs.get(`/work-items/${encodeURIComponent('acme/x#404')}`);
      expect(r.status).toBe(404);
      expect(r.body.error.message).toContain('acme/x#404');
    });

    it('answers 400, not 500, for a malformed URL escape', async () => {
      const r = await vs.get('/work-items/%E0%A4%A');
      expect(r.status).toBe(400);
    });
  });
});
