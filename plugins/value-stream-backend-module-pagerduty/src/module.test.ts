import { createHmac } from 'crypto';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The end-to-end test needs the real backend plugin next to the module.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import valueStreamPlugin from '@valuestream/backstage-plugin-value-stream-backend';
import type { Knex } from 'knex';
import request from 'supertest';
import resolvedFixture from './__fixtures__/incident.resolved.json';
import triggered from './__fixtures__/incident.triggered.json';
import { valueStreamModulePagerduty } from './module';

jest.setTimeout(120_000);

const SECRET = 'test-secret';
const ENTITY = 'component:default/pig208';
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const sign = (body: string) =>
  `v1=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

// The resolution of the triggered incident (PFQZPSY), 30 minutes after it opened.
const resolved = {
  event: {
    ...resolvedFixture.event,
    id: '01BZYIL05THJDFF2Y08X9SVMTV',
    occurred_at: '2021-06-04T14:05:29.781Z',
    data: {
      ...resolvedFixture.event.data,
      id: triggered.event.data.id,
      number: triggered.event.data.number,
      title: triggered.event.data.title,
    },
  },
};

async function start(knex: Knex, sources: object) {
  return startTestBackend({
    features: [
      valueStreamPlugin,
      valueStreamModulePagerduty,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: { valueStream: { notifications: { enabled: false }, sources } },
      }),
      catalogServiceMock.factory({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: {
              name: 'pig208',
              namespace: 'default',
              annotations: {
                'pagerduty.com/service-id': triggered.event.data.service.id,
              },
            },
            spec: { type: 'service', lifecycle: 'production', owner: 'me' },
          },
        ],
      }),
    ],
  });
}

const storedEvents = async (knex: Knex) =>
  Number((await knex('vs_events').count({ n: '*' }))[0].n);

describe.each(databases.eachSupportedId())(
  'pagerduty webhook end to end on %p',
  databaseId => {
    it('attributes the incident to the production deployment and measures its recovery', async () => {
      const knex = await databases.init(databaseId);
      const backend = await start(knex, {
        pagerduty: { webhookSecret: SECRET },
      });
      const send = (payload: object | string, signature?: string | null) => {
        const body =
          typeof payload === 'string' ? payload : JSON.stringify(payload);
        const req = request(backend.server)
          .post('/api/value-stream/webhooks/pagerduty')
          .set('Content-Type', 'application/json');
        if (signature !== null)
          req.set('X-PagerDuty-Signature', signature ?? sign(body));
        return req.send(body);
      };
      const dora = async () =>
        (
          await request(backend.server)
            .get(
              '/api/value-stream/entities/component/default/pig208/metrics?from=2021-06-01T00:00:00Z&to=2021-06-08T00:00:00Z',
            )
            .set('Authorization', mockCredentials.user.header())
        ).body.dora;
      try {
        expect((await send(triggered, sign('forged'))).status).toBe(401);
        expect((await send(triggered, null)).status).toBe(401);
        expect(await storedEvents(knex)).toBe(0);

        // A production deployment of the service 95 minutes before the incident.
        const deployed = await request(backend.server)
          .post('/api/value-stream/events')
          .set('Authorization', mockCredentials.service.header())
          .send(
            ['started', 'finished'].map((phase, i) => ({
              id: `deploy-1:${phase}`,
              source: 'test',
              type: `deployment.${phase}`,
              occurredAt: `2021-06-04T12:0${i}:00Z`,
              entityRef: ENTITY,
              data: {
                deploymentId: 'deploy-1',
                environment: 'production',
                ...(i ? { status: 'success' } : {}),
              },
            })),
          );
        expect(deployed.body).toEqual({
          accepted: 2,
          duplicates: 0,
          ignored: 0,
        });
        expect(await dora()).toMatchObject({
          deploymentFrequency: { count: 1 },
          changeFailureRate: { failed: 0, total: 1, rate: 0 },
          recoveryTime: null,
        });

        expect((await send(triggered)).body).toEqual({
          accepted: 1,
          duplicates: 0,
          ignored: 0,
        });
        // a retried delivery (PagerDuty signs each one anew, same body)
        expect((await send(triggered)).body).toEqual({
          accepted: 0,
          duplicates: 1,
          ignored: 0,
        });
        expect(await dora()).toMatchObject({
          changeFailureRate: { failed: 1, total: 1, rate: 1 },
          recoveryTime: null,
        });

        // During secret rotation PagerDuty lists two signatures.
        const body = JSON.stringify(resolved);
        expect(
          (await send(resolved, `v1=${'0'.repeat(64)},${sign(body)}`)).body,
        ).toEqual({ accepted: 1, duplicates: 0, ignored: 0 });
        expect(await dora()).toMatchObject({
          changeFailureRate: { failed: 1, total: 1, rate: 1 },
          recoveryTime: { count: 1, p50: 1800, mean: 1800 },
        });

        const before = await storedEvents(knex);
        const acknowledged = {
          event: { ...triggered.event, event_type: 'incident.acknowledged' },
        };
        expect((await send(acknowledged)).body).toEqual({
          accepted: 0,
          duplicates: 0,
          ignored: 1,
        });
        expect(
          (
            await send({
              event: { ...triggered.event, occurred_at: 'yesterday' },
            })
          ).status,
        ).toBe(400);
        expect((await send('{"event"')).status).toBe(400);
        expect(await storedEvents(knex)).toBe(before);
      } finally {
        await backend.stop();
      }
    });

    it('refuses every webhook while no secret is configured', async () => {
      const knex = await databases.init(databaseId);
      const backend = await start(knex, {});
      try {
        const body = JSON.stringify(triggered);
        const res = await request(backend.server)
          .post('/api/value-stream/webhooks/pagerduty')
          .set('Content-Type', 'application/json')
          .set('X-PagerDuty-Signature', sign(body))
          .send(body);
        expect(res.status).toBe(403);
        expect(await storedEvents(knex)).toBe(0);
      } finally {
        await backend.stop();
      }
    });
  },
);
