import fc from 'fast-check';
import request from 'supertest';
import { databases, startValueStream } from '../__testUtils__/testBackend';
import { SCENARIO } from '../__testUtils__/scenario';

jest.setTimeout(300_000);

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const ENTITY = '/entities/component/default/payments';

// Printable strings, and strings of any ASCII code unit (NUL and control bytes, which
// PostgreSQL refuses where SQLite stores them), some longer than the store's columns.
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary-ascii' }),
  fc.string({ unit: 'binary-ascii', minLength: 90, maxLength: 600 }),
);
// A scenario event's data with one field replaced: known types reach the data checks.
const mutatedData = fc
  .tuple(fc.constantFrom(...SCENARIO.map(e => e.data)), fc.nat(), text)
  .map(([data, i, value]) => {
    const keys = Object.keys(data);
    return { ...data, [keys[i % keys.length]]: value };
  });
// Event-shaped values, so many inputs get past the envelope checks into the data checks.
const eventLike = fc.record(
  {
    id: fc.oneof(text, fc.integer()),
    source: fc.oneof(fc.constantFrom('jira', 'github'), text),
    type: fc.oneof(fc.constantFrom(...SCENARIO.map(e => e.type), 'x.y'), text),
    occurredAt: fc.oneof(
      fc.date({ noInvalidDate: true }).map(d => d.toISOString()),
      text,
    ),
    entityRef: fc.oneof(fc.constant('component:default/payments'), text),
    repository: fc.oneof(fc.constant('acme/payments'), text),
    data: fc.oneof(
      fc.object(),
      fc.object({ key: text, values: [text, fc.integer(), fc.double()] }),
      fc.constantFrom(...SCENARIO.map(e => e.data)),
      mutatedData,
    ),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  fc.json(),
  text,
  fc.array(eventLike, { maxLength: 5 }).map(x => JSON.stringify(x)),
  fc.array(eventLike, { maxLength: 5 }).map(x => JSON.stringify({ events: x })),
  eventLike.map(e => JSON.stringify({ specversion: '1.0', ...e })),
);
const contentType = fc.constantFrom(
  'application/json',
  'application/cloudevents+json',
  'application/cloudevents-batch+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/json; charset=latin1',
  '',
);
const queryValue = fc.oneof(
  text,
  fc.constantFrom(
    'open',
    'done',
    'all',
    'wip',
    'cfd',
    'throughput',
    'cycle_time',
    'day',
    'week',
    '0',
    '1001',
    '-1',
  ),
  fc.date({ noInvalidDate: true }).map(d => d.toISOString()),
);
const query = fc.dictionary(
  fc.constantFrom(
    'from',
    'to',
    'state',
    'stage',
    'type',
    'limit',
    'cursor',
    'status',
    'metric',
    'interval',
  ),
  queryValue,
);

// Both databases: PostgreSQL refuses what SQLite stores (NUL bytes, over-long varchars,
// deep JSON), so a 400 on SQLite proves nothing about PostgreSQL.
describe.each(databases.eachSupportedId())(
  'fuzzed requests on %p',
  databaseId => {
    let vs: Awaited<ReturnType<typeof startValueStream>>;
    beforeAll(async () => {
      vs = await startValueStream(databaseId, {
        config: { sources: { github: { webhookSecret: 's3cret' } } },
      });
      await vs.post('/events', SCENARIO);
    });
    afterAll(async () => {
      await vs.backend.stop();
    });

    const expectNoServerError = (status: number) => {
      expect(status).toBeGreaterThanOrEqual(200);
      expect(status).toBeLessThan(500);
    };

    it('POST /events never answers 5xx', async () => {
      expect.hasAssertions();
      await fc.assert(
        fc.asyncProperty(body, contentType, async (b, ct) => {
          const r = await request(vs.server)
            .post('/api/value-stream/events')
            .set({ ...vs.asService, ...(ct ? { 'Content-Type': ct } : {}) })
            .send(b);
          expectNoServerError(r.status);
        }),
        { numRuns: RUNS },
      );
      // what was accepted is correlated too: no value passes validation and then
      // fails the correlation pass in the database (settled() throws after 10 s)
      await vs.settled();
    });

    it('POST /webhooks/:source never answers 5xx', async () => {
      expect.hasAssertions();
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('github', 'jira', 'nope', '%00', '..'),
          body,
          fc.dictionary(
            fc.constantFrom(
              'x-hub-signature-256',
              'x-github-event',
              'content-type',
            ),
            fc.string(),
          ),
          async (source, b, headers) => {
            const r = await request(vs.server)
              .post(`/api/value-stream/webhooks/${encodeURIComponent(source)}`)
              .set(headers)
              .send(b);
            expectNoServerError(r.status);
          },
        ),
        { numRuns: RUNS },
      );
    });

    it('reads never answer 5xx', async () => {
      expect.hasAssertions();
      const paths = [
        `${ENTITY}/metrics`,
        `${ENTITY}/work-items`,
        `${ENTITY}/alerts`,
        `${ENTITY}/timeseries`,
        '/groups/default/team-pay/metrics',
      ];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...paths), query, async (path, q) => {
          const r = await request(vs.server)
            .get(`/api/value-stream${path}`)
            .set(vs.asUser)
            .query(q);
          expectNoServerError(r.status);
        }),
        { numRuns: RUNS },
      );
    });

    it('work-item keys and entity path segments never answer 5xx', async () => {
      expect.hasAssertions();
      await fc.assert(
        fc.asyncProperty(text, text, async (key, name) => {
          const a = await vs.get(
            `/work-items/${encodeURIComponent(key || 'x')}`,
          );
          expectNoServerError(a.status);
          const b = await vs.get(
            `/entities/component/default/${encodeURIComponent(
              name || 'x',
            )}/metrics`,
          );
          expectNoServerError(b.status);
        }),
        { numRuns: RUNS },
      );
    });

    describe('inputs PostgreSQL refuses are 400s, never 500s', () => {
      const at = '2026-02-01T10:00:00Z';
      const created = (data: Record<string, unknown>, extra = {}) => ({
        id: `pg-${Math.random()}`,
        source: 'jira',
        type: 'work_item.created',
        occurredAt: at,
        data: { key: 'PAY-900', title: 'x', itemType: 'feature', ...data },
        ...extra,
      });
      const postEvents = (events: unknown) =>
        request(vs.server)
          .post('/api/value-stream/events')
          .set({ ...vs.asService, 'Content-Type': 'application/json' })
          .send(typeof events === 'string' ? events : JSON.stringify(events));
      const expectRejected = (r: request.Response, message: RegExp) => {
        expect(r.status).toBe(400);
        expect(r.body.rejected).toEqual([
          { index: 0, message: expect.stringMatching(message) },
        ]);
      };

      it('NUL bytes in any string of an event', async () => {
        expect.hasAssertions();
        const nul = 'a\u0000b';
        const bad: Array<[unknown, RegExp]> = [
          [created({ title: nul }), /^data\.title: .*NUL/],
          [created({}, { id: nul }), /^id: .*NUL/],
          [created({}, { source: nul }), /^source: .*NUL/],
          [created({ labels: ['ok', nul] }), /^data\.labels\.1: .*NUL/],
          [created({ key: nul }), /^data\.key: .*NUL/],
          [
            { ...created({}), type: 'x.unknown', data: { deep: { [nul]: 1 } } },
            /^data\.deep\.a\\u0000b: .*NUL|^data\.deep: .*NUL/,
          ],
        ];
        for (const [event, message] of bad) {
          expectRejected(await postEvents([event]), message);
        }
      });

      it('NUL bytes in query parameters and path segments', async () => {
        const list = await vs.get(`${ENTITY}/work-items?stage=a%00b`);
        expect(list.status).toBe(400);
        expect(list.body.error.message).toMatch(/stage: .*NUL/);
        const key = await vs.get('/work-items/PAY-1%00');
        expect(key.status).toBeLessThan(500);
        expect([400, 404]).toContain(key.status);
        const entity = await vs.get(
          '/entities/component/default/pay%00ments/metrics',
        );
        expect([400, 404]).toContain(entity.status);
      });

      it('a forged cursor with createdAt 1.5 or 1e400', async () => {
        for (const createdAt of ['1.5', '1e400', '-1', '"x"']) {
          const cursor = Buffer.from(
            `{"createdAt":${createdAt},"key":"PAY-1"}`,
          ).toString('base64url');
          const r = await vs.get(
            `${ENTITY}/work-items?state=all&cursor=${cursor}`,
          );
          expect(r.status).toBe(400);
          expect(r.body.error.message).toMatch(/^cursor: /);
        }
        const nulKey = Buffer.from('{"createdAt":1,"key":"a\\u0000"}').toString(
          'base64url',
        );
        const r = await vs.get(
          `${ENTITY}/work-items?state=all&cursor=${nulKey}`,
        );
        expect(r.status).toBe(400);
        expect(r.body.error.message).toMatch(/^cursor: /);
      });

      it('a priority over 100 characters', async () => {
        expect.hasAssertions();
        expectRejected(
          await postEvents([created({ priority: 'p'.repeat(101) })]),
          /^data\.priority: at most 100 characters/,
        );
        expectRejected(
          await postEvents([
            {
              ...created({}),
              type: 'work_item.updated',
              data: { key: 'PAY-900', priority: 'p'.repeat(101) },
            },
          ]),
          /^data\.priority: at most 100 characters/,
        );
      });

      it('an entityRef over 512 characters after normalisation', async () => {
        expect.hasAssertions();
        // 500 characters as given, "component:default/" + 500 once normalised
        expectRejected(
          await postEvents([created({}, { entityRef: 'n'.repeat(500) })]),
          /^entityRef: at most 512 characters/,
        );
      });

      it('10k-deep nesting in the data of an unknown-type event', async () => {
        expect.hasAssertions();
        const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
        const r = await postEvents(
          `[{"id":"deep-1","source":"x","type":"x.unknown","occurredAt":"${at}","data":${deep}}]`,
        );
        expectRejected(r, /^data: at most \d+ levels of nesting/);
      });
    });
  },
);
