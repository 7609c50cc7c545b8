import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  hmacSha256Hex,
  safeEqual,
  type SourceAdapter,
  valueStreamSourcesExtensionPoint,
} from '@valuestream/backstage-plugin-value-stream-node';
import request from 'supertest';
import { SCENARIO, WINDOW } from '../__testUtils__/scenario';
import {
  databases,
  group,
  payments,
  startValueStream,
} from '../__testUtils__/testBackend';
import {
  documentedAnswers,
  OPENAPI_ROUTE,
  pathMatches,
  responseValidator,
  routerOperations,
  specOperations,
  specPaths,
} from '../__testUtils__/openApiSpec';

jest.setTimeout(120_000);

const VS = '/api/value-stream';
const ENTITY = '/entities/component/default/payments';
const SECRET = 'conformance-webhook-secret';
const DENIED = 'user:default/denied';

// ---- the calls --------------------------------------------------------------------------------

const asUser = { Authorization: mockCredentials.user.header() };
const asDenied = { Authorization: mockCredentials.user.header(DENIED) };
const asService = { Authorization: mockCredentials.service.header() };
const asNobody = { Authorization: mockCredentials.none.header() };
/** A correction that changes nothing (the item is not excluded). */
const INCLUDE = { kind: 'exclude_item', excluded: false } as const;

/** A source whose webhooks are signed with the configured secret (HMAC-SHA256, hex). */
const signed: SourceAdapter = {
  id: 'conformance',
  verify: ({ rawBody, headers }, secret) =>
    safeEqual(headers['x-signature'] ?? '', hmacSha256Hex(secret, rawBody)),
  toEvents: (payload: any) => {
    if (typeof payload?.key !== 'string') throw new Error('no key');
    if (payload.ping) return [];
    return [
      {
        id: `conformance-${payload.key}`,
        source: 'conformance',
        type: 'work_item.created',
        occurredAt: '2026-01-07T00:00:00Z',
        entityRef: 'component:default/payments',
        data: { key: payload.key, title: 'From a webhook', itemType: 'risk' },
      },
    ];
  },
};
/** Installed, but no secret is configured for it. */
const unconfigured: SourceAdapter = { ...signed, id: 'unconfigured' };
const sourcesModule = createBackendModule({
  pluginId: 'value-stream',
  moduleId: 'conformance-sources',
  register(env) {
    env.registerInit({
      deps: { sources: valueStreamSourcesExtensionPoint },
      async init({ sources }) {
        sources.addSources(signed, unconfigured);
      },
    });
  },
});
/** Everyone may do everything, except the user `DENIED`. */
const permissions = mockServices.permissions.mock({
  authorize: async (requests, { credentials }) =>
    requests.map(() => ({
      result:
        (credentials.principal as any)?.userEntityRef === DENIED
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    })),
}).factory;

const webhook = (payload: unknown) => {
  const body = JSON.stringify(payload);
  return {
    body,
    headers: {
      'Content-Type': 'application/json',
      'X-Signature': hmacSha256Hex(SECRET, Buffer.from(body)),
    },
  };
};
/** An item blocked since January: an open item_blocked alert to check the alert shape on. */
const BLOCKED = [
  ['work_item.created', { title: 'Waiting', itemType: 'feature' }],
  ['work_item.status_changed', { to: 'In Progress' }],
  ['work_item.blocked', { reason: 'vendor' }],
].map(([type, data], i) => ({
  id: `conformance-blocked-${i}`,
  source: 'jira',
  type,
  occurredAt: `2026-01-0${i + 2}T00:00:00Z`,
  data: { key: 'PAY-8', ...(data as object) },
}));

interface Call {
  op: string;
  status: number;
  /** The path below /api/value-stream; a function for what an earlier call returned. */
  url: string | (() => string);
  headers?: Record<string, string>;
  body?: string | object;
}
/** What a call keeps for a later one: the job POST /rebuild started. */
const state = { rebuildId: '' };
const get = (
  op: string,
  status: number,
  url: string,
  headers: Record<string, string> = asUser,
): Call => ({ op, status, url, headers });

const METRICS = 'GET /entities/{kind}/{namespace}/{name}/metrics';
const WORK_ITEMS = 'GET /entities/{kind}/{namespace}/{name}/work-items';
const ALERTS = 'GET /entities/{kind}/{namespace}/{name}/alerts';
const ALERT_HISTORY = 'GET /entities/{kind}/{namespace}/{name}/alerts/history';
const TIMESERIES = 'GET /entities/{kind}/{namespace}/{name}/timeseries';
const ITEMS_PER_ITERATION =
  'GET /entities/{kind}/{namespace}/{name}/iterations';
const ITEM = 'GET /work-items/{key}';
const GROUP = 'GET /groups/{namespace}/{name}/metrics';
const SYSTEM = 'GET /systems/{namespace}/{name}/metrics';
const OVERVIEW = 'GET /overview';
/** A system payments is part of (DESIGN §15 roll-ups). */
const SHOP = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'shop', namespace: 'default' },
  spec: { owner: 'team-pay' },
  relations: [{ type: 'hasPart', targetRef: 'component:default/payments' }],
};
const VALUE = 'GET /entities/{kind}/{namespace}/{name}/value';
const DATA_HEALTH = 'GET /entities/{kind}/{namespace}/{name}/data-health';
const IMPORT = 'GET /entities/{kind}/{namespace}/{name}/import';
const REIMPORT = 'POST /entities/{kind}/{namespace}/{name}/import';
const IMPORTS = 'GET /import';
const EVENTS = 'POST /events';
const WEBHOOK = 'POST /webhooks/{source}';

/** Every operation with realistic parameters, and each of its documented error answers. */
const CALLS: Call[] = [
  get('GET /health', 200, '/health', {}),
  get('GET /health', 400, '/health?verbose=1', {}),

  {
    op: EVENTS,
    status: 202,
    url: '/events',
    headers: asService,
    body: [{ ...SCENARIO[0], id: 'conformance-new' }],
  },
  {
    op: EVENTS,
    status: 400,
    url: '/events',
    headers: asService,
    body: [{ id: 'x' }],
  },
  {
    op: EVENTS,
    status: 400,
    url: '/events',
    headers: { ...asService, 'Content-Type': 'application/json' },
    body: '[{"id": ',
  },
  { op: EVENTS, status: 401, url: '/events', headers: asNobody, body: [] },
  { op: EVENTS, status: 403, url: '/events', headers: asUser, body: [] },
  {
    op: EVENTS,
    status: 413,
    url: '/events',
    headers: asService,
    body: Array.from({ length: 5001 }, (_, i) => ({
      ...SCENARIO[0],
      id: `${i}`,
    })),
  },
  {
    op: EVENTS,
    status: 415,
    url: '/events',
    headers: { ...asService, 'Content-Type': 'text/plain' },
    body: '[]',
  },

  {
    op: WEBHOOK,
    status: 202,
    url: '/webhooks/conformance',
    ...webhook({ key: 'PAY-9' }),
  },
  {
    op: WEBHOOK,
    status: 202,
    url: '/webhooks/conformance',
    ...webhook({ key: 'PAY-9', ping: true }),
  },
  {
    op: WEBHOOK,
    status: 400,
    url: '/webhooks/conformance',
    ...webhook({ nokey: true }),
  },
  {
    op: WEBHOOK,
    status: 401,
    url: '/webhooks/conformance',
    ...webhook({ key: 'PAY-9' }),
    headers: { 'Content-Type': 'application/json', 'X-Signature': 'forged' },
  },
  {
    op: WEBHOOK,
    status: 403,
    url: '/webhooks/unconfigured',
    ...webhook({ key: 'PAY-9' }),
  },
  {
    op: WEBHOOK,
    status: 404,
    url: '/webhooks/nope',
    ...webhook({ key: 'PAY-9' }),
  },
  {
    op: WEBHOOK,
    status: 413,
    url: '/webhooks/conformance',
    ...webhook({ key: 'x'.repeat(10 * 1024 * 1024) }),
  },

  { op: 'POST /rebuild', status: 202, url: '/rebuild', headers: asUser },
  { op: 'POST /rebuild', status: 401, url: '/rebuild', headers: asNobody },
  { op: 'POST /rebuild', status: 403, url: '/rebuild', headers: asDenied },
  ...(
    [
      [202, asUser, { ...INCLUDE, workItemKey: 'PAY-3' }],
      [400, asUser, { kind: 'exclude_item', workItemKey: 'PAY-3' }],
      [401, asNobody, { ...INCLUDE, workItemKey: 'PAY-3' }],
      [403, asDenied, { ...INCLUDE, workItemKey: 'PAY-3' }],
      [404, asUser, { ...INCLUDE, workItemKey: 'PAY-99' }],
    ] as const
  ).map(([status, headers, body]) => ({
    op: 'POST /corrections',
    status,
    url: '/corrections',
    headers,
    body,
  })),
  {
    op: 'GET /rebuild/{id}',
    status: 200,
    url: () => `/rebuild/${state.rebuildId}`,
    headers: asUser,
  },
  get('GET /rebuild/{id}', 401, '/rebuild/nope', asNobody),
  get('GET /rebuild/{id}', 403, '/rebuild/nope', asDenied),
  get('GET /rebuild/{id}', 404, '/rebuild/nope'),

  get('GET /ingest/status', 200, '/ingest/status', asService),
  get('GET /ingest/status', 401, '/ingest/status', asNobody),
  get('GET /ingest/status', 403, '/ingest/status', asUser),

  get(METRICS, 200, `${ENTITY}/metrics?${WINDOW}`),
  get(METRICS, 200, `${ENTITY}/metrics`, asService),
  get(METRICS, 400, `${ENTITY}/metrics?from=yesterday`),
  get(
    METRICS,
    400,
    `${ENTITY}/metrics?to=2026-01-01T00:00:00Z&from=2026-02-01T00:00:00Z`,
  ),
  get(METRICS, 401, `${ENTITY}/metrics`, asNobody),
  get(METRICS, 403, `${ENTITY}/metrics`, asDenied),
  get(METRICS, 404, '/entities/component/default/nope/metrics'),

  get(WORK_ITEMS, 200, `${ENTITY}/work-items?state=all&limit=2`),
  get(
    WORK_ITEMS,
    200,
    `${ENTITY}/work-items?state=done&type=feature&stage=Done`,
  ),
  get(WORK_ITEMS, 400, `${ENTITY}/work-items?limit=1001`),
  get(WORK_ITEMS, 400, `${ENTITY}/work-items?cursor=bogus`),
  get(WORK_ITEMS, 401, `${ENTITY}/work-items`, asNobody),
  get(WORK_ITEMS, 403, `${ENTITY}/work-items`, asDenied),
  get(WORK_ITEMS, 404, '/entities/component/default/nope/work-items'),

  get(ALERTS, 200, `${ENTITY}/alerts?status=all`),
  get(ALERTS, 400, `${ENTITY}/alerts?status=bogus`),
  get(ALERTS, 401, `${ENTITY}/alerts`, asNobody),
  get(ALERTS, 403, `${ENTITY}/alerts`, asDenied),
  get(ALERTS, 404, '/entities/component/default/nope/alerts'),
  get(ALERT_HISTORY, 200, `${ENTITY}/alerts/history?${WINDOW}`),
  get(ALERT_HISTORY, 400, `${ENTITY}/alerts/history?from=yesterday`),
  get(ALERT_HISTORY, 401, `${ENTITY}/alerts/history`, asNobody),
  get(ALERT_HISTORY, 403, `${ENTITY}/alerts/history`, asDenied),
  get(ALERT_HISTORY, 404, '/entities/component/default/nope/alerts/history'),

  ...[
    'wip',
    'cfd',
    'throughput',
    'cycle_time',
    'lead_time_breakdown',
    'value',
  ].map(metric =>
    get(TIMESERIES, 200, `${ENTITY}/timeseries?metric=${metric}&${WINDOW}`),
  ),
  get(
    TIMESERIES,
    200,
    `${ENTITY}/timeseries?metric=throughput&interval=day&${WINDOW}`,
  ),
  get(TIMESERIES, 400, `${ENTITY}/timeseries`),
  get(TIMESERIES, 400, `${ENTITY}/timeseries?metric=wip&interval=month`),
  get(TIMESERIES, 401, `${ENTITY}/timeseries?metric=wip`, asNobody),
  get(TIMESERIES, 403, `${ENTITY}/timeseries?metric=wip`, asDenied),
  get(
    TIMESERIES,
    404,
    '/entities/component/default/nope/timeseries?metric=wip',
  ),

  {
    op: EVENTS,
    status: 202,
    url: '/events',
    headers: asService,
    body: [
      {
        id: 'conformance-iteration',
        source: 'jira',
        type: 'work_item.updated',
        occurredAt: '2026-01-01T09:00:00Z',
        data: {
          key: 'PAY-1',
          iteration: {
            id: '7',
            name: 'Sprint 7',
            startAt: '2026-01-01T10:00:00Z',
            endAt: '2026-01-08T10:00:00Z',
          },
        },
      },
    ],
  },
  get(ITEMS_PER_ITERATION, 200, `${ENTITY}/iterations?${WINDOW}`),
  get(ITEMS_PER_ITERATION, 200, `${ENTITY}/iterations`, asService),
  get(ITEMS_PER_ITERATION, 400, `${ENTITY}/iterations?from=yesterday`),
  get(ITEMS_PER_ITERATION, 401, `${ENTITY}/iterations`, asNobody),
  get(ITEMS_PER_ITERATION, 403, `${ENTITY}/iterations`, asDenied),
  get(ITEMS_PER_ITERATION, 404, '/entities/component/default/nope/iterations'),

  get(ITEM, 200, '/work-items/PAY-1'),
  get(ITEM, 200, '/work-items/PAY-8'),
  get(ITEM, 400, `/work-items/${'K'.repeat(301)}`),
  get(ITEM, 400, '/work-items/%E0%A4%A'),
  get(ITEM, 401, '/work-items/PAY-1', asNobody),
  get(ITEM, 403, '/work-items/PAY-1', asDenied),
  get(ITEM, 404, `/work-items/${encodeURIComponent('acme/x#404')}`),
  get(DATA_HEALTH, 200, `${ENTITY}/data-health`),
  get(DATA_HEALTH, 200, `${ENTITY}/data-health`, asService),
  get(DATA_HEALTH, 400, `${ENTITY}/data-health?days=7`),
  get(DATA_HEALTH, 401, `${ENTITY}/data-health`, asNobody),
  get(DATA_HEALTH, 403, `${ENTITY}/data-health`, asDenied),
  get(DATA_HEALTH, 404, '/entities/component/default/nope/data-health'),

  { op: REIMPORT, status: 202, url: `${ENTITY}/import`, headers: asService },
  { op: REIMPORT, status: 202, url: `${ENTITY}/import`, headers: asUser },
  { op: REIMPORT, status: 400, url: `${ENTITY}/import?since=1` },
  { op: REIMPORT, status: 401, url: `${ENTITY}/import`, headers: asNobody },
  { op: REIMPORT, status: 403, url: `${ENTITY}/import`, headers: asDenied },
  {
    op: REIMPORT,
    status: 404,
    url: '/entities/component/default/nope/import',
    headers: asService,
  },
  get(IMPORT, 200, `${ENTITY}/import`),
  get(IMPORT, 400, `${ENTITY}/import?state=all`),
  get(IMPORT, 401, `${ENTITY}/import`, asNobody),
  get(IMPORT, 403, `${ENTITY}/import`, asDenied),
  get(IMPORT, 404, '/entities/component/default/nope/import'),
  get(IMPORTS, 200, '/import', asService),
  get(IMPORTS, 200, '/import'),
  get(IMPORTS, 400, '/import?limit=1'),
  get(IMPORTS, 401, '/import', asNobody),
  get(IMPORTS, 403, '/import', asDenied),

  // PAY-1, a feature shipped 01-05, with the incident i1 of its window
  get(
    VALUE,
    200,
    `${ENTITY}/value?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z`,
  ),
  get(VALUE, 200, `${ENTITY}/value`, asService),
  get(VALUE, 400, `${ENTITY}/value?from=yesterday`),
  get(VALUE, 401, `${ENTITY}/value`, asNobody),
  get(VALUE, 403, `${ENTITY}/value`, asDenied),
  get(VALUE, 404, '/entities/component/default/nope/value'),

  get(GROUP, 200, `/groups/default/team-pay/metrics?${WINDOW}`),
  get(GROUP, 400, '/groups/default/team-pay/metrics?to=nope'),
  get(GROUP, 401, '/groups/default/team-pay/metrics', asNobody),
  get(GROUP, 403, '/groups/default/team-pay/metrics', asDenied),
  get(GROUP, 404, '/groups/default/nope/metrics'),
  get(
    GROUP,
    200,
    `/groups/default/team-pay/metrics?${WINDOW}&compare=previous&includeSubgroups=false`,
  ),
  get(METRICS, 200, `${ENTITY}/metrics?${WINDOW}&compare=previous`),

  get(SYSTEM, 200, `/systems/default/shop/metrics?${WINDOW}&compare=previous`),
  get(SYSTEM, 400, '/systems/default/shop/metrics?compare=next'),
  get(SYSTEM, 401, '/systems/default/shop/metrics', asNobody),
  get(SYSTEM, 403, '/systems/default/shop/metrics', asDenied),
  get(SYSTEM, 404, '/systems/default/nope/metrics'),

  get(OVERVIEW, 200, `/overview?${WINDOW}`),
  get(OVERVIEW, 200, '/overview', asService),
  get(OVERVIEW, 400, '/overview?from=yesterday'),
  get(OVERVIEW, 401, '/overview', asNobody),
  get(OVERVIEW, 403, '/overview', asDenied),
];

// ---- the tests --------------------------------------------------------------------------------

describe('openapi.yaml and the router', () => {
  it('describe the same routes', async () => {
    const routes = await routerOperations();
    expect(routes).toContain(OPENAPI_ROUTE);
    expect(routes.filter(r => r !== OPENAPI_ROUTE).sort()).toEqual(
      [...specOperations].sort(),
    );
  });

  it('every documented answer of every operation is called below', () => {
    const documented = documentedAnswers();
    const called = new Set(CALLS.map(c => `${c.op} ${c.status}`));
    expect(documented.filter(d => !called.has(d))).toEqual([]);
    expect([...called].filter(c => !documented.includes(c))).toEqual([]);
  });
});

describe.each(databases.eachSupportedId())(
  'answers conform to openapi.yaml on %p',
  id => {
    let vs: Awaited<ReturnType<typeof startValueStream>>;
    beforeAll(async () => {
      vs = await startValueStream(id, {
        config: { sources: { conformance: { webhookSecret: SECRET } } },
        entities: [payments, group, SHOP],
        features: [sourcesModule, permissions],
      });
      const r = await vs.post('/events', [...SCENARIO, ...BLOCKED]);
      if (r.status !== 202)
        throw new Error(`POST /events answered ${r.status} ${r.text}`);
    });
    afterAll(async () => {
      await vs.backend.stop();
    });

    it.each(CALLS.map(c => [`${c.op} → ${c.status}`, c] as const))(
      '%s',
      async (_, call) => {
        const [method, template] = call.op.split(' ');
        const url = typeof call.url === 'function' ? call.url() : call.url;
        expect(pathMatches(template, url.split('?')[0])).toBe(true);
        let req = request(vs.server)
          [method.toLowerCase() as 'get' | 'post'](`${VS}${url}`)
          .set(call.headers ?? {});
        if (call.body !== undefined) req = req.send(call.body);
        const r = await req;
        expect({ status: r.status, body: r.body }).toMatchObject({
          status: call.status,
        });
        const validate = responseValidator(call.op, r.status);
        if (validate === undefined)
          throw new Error(
            `${call.op} answered ${r.status}, which openapi.yaml does not document: ${r.text}`,
          );
        // no schema: the spec documents an answer without a body
        const problems = validate
          ? (validate(r.body), validate.errors ?? [])
          : [r.text].filter(Boolean);
        expect(problems).toEqual([]);
        if (call.op === 'POST /rebuild' && r.status === 202)
          state.rebuildId = r.body.id;
      },
    );

    it('validates parameters by the spec, naming the field', async () => {
      const r = await vs.get(`${ENTITY}/work-items?limit=0&state=all`);
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({
        name: 'InputError',
        message: 'limit: must be >= 1',
      });
      const unknown = await vs.get(`${ENTITY}/alerts?state=open`);
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toBe('state: unknown query parameter');
    });

    it('serves the spec at /openapi.json, paths under the mount point', async () => {
      const r = await vs.get('/openapi.json');
      expect(r.status).toBe(200);
      expect(Object.keys(r.body.paths).sort()).toEqual(
        specPaths.map(p => `${VS}${p}`).sort(),
      );
    });
  },
);
