import fc from 'fast-check';
import request from 'supertest';
import { startValueStream } from '../__testUtils__/testBackend';
import { SCENARIO } from '../__testUtils__/scenario';

jest.setTimeout(300_000);

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const ENTITY = '/entities/component/default/payments';

// Event-shaped values, so many inputs get past the envelope checks into the data checks.
const eventLike = fc.record(
  {
    id: fc.oneof(fc.string(), fc.integer()),
    source: fc.oneof(fc.constantFrom('jira', 'github'), fc.string()),
    type: fc.oneof(
      fc.constantFrom(...SCENARIO.map(e => e.type), 'x.y'),
      fc.string(),
    ),
    occurredAt: fc.oneof(
      fc.date({ noInvalidDate: true }).map(d => d.toISOString()),
      fc.string(),
    ),
    entityRef: fc.oneof(fc.constant('component:default/payments'), fc.string()),
    repository: fc.oneof(fc.constant('acme/payments'), fc.string()),
    data: fc.oneof(fc.object(), fc.constantFrom(...SCENARIO.map(e => e.data))),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  fc.json(),
  fc.string(),
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
  fc.string(),
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

// SQLite only: the point is the HTTP layer, and it keeps the run short.
describe.each([['SQLITE_3' as const]])('fuzzed requests on %p', databaseId => {
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
      fc.asyncProperty(fc.string(), fc.string(), async (key, name) => {
        const a = await vs.get(`/work-items/${encodeURIComponent(key || 'x')}`);
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
});
