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
import application from './__fixtures__/application.sync-succeeded.json';
import { valueStreamModuleArgocd } from './module';

jest.setTimeout(120_000);

const TOKEN = 'test-token';
const SHA = 'ea8759964626a583667a2bfd08f334ec2070040a';
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

/** The README's template rendered for the fixture, labelled as README step 4 asks. */
const notification = {
  app: {
    metadata: {
      name: application.metadata.name,
      namespace: application.metadata.namespace,
      labels: { ...application.metadata.labels, environment: 'production' },
    },
    spec: { destination: application.spec.destination },
    status: {
      operationState: application.status.operationState,
      health: application.status.health,
    },
  },
};

async function start(knex: Knex, sources: object) {
  return startTestBackend({
    features: [
      valueStreamPlugin,
      valueStreamModuleArgocd,
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
              name: 'velero',
              namespace: 'default',
              annotations: {
                'argocd/app-name': 'velero-test',
                'jira/project-key': 'VEL',
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
  'argocd webhook end to end on %p',
  databaseId => {
    it('moves the item that the synced revision carries to Deploy Production and Monitoring', async () => {
      const knex = await databases.init(databaseId);
      const backend = await start(knex, { argocd: { webhookSecret: TOKEN } });
      const send = (payload: object | string, auth: string | null) => {
        const req = request(backend.server)
          .post('/api/value-stream/webhooks/argocd')
          .set('Content-Type', 'application/json');
        if (auth !== null) req.set('Authorization', auth);
        return req.send(
          typeof payload === 'string' ? payload : JSON.stringify(payload),
        );
      };
      const bearer = `Bearer ${TOKEN}`;
      const item = async () =>
        (
          await request(backend.server)
            .get('/api/value-stream/work-items/VEL-1')
            .set('Authorization', mockCredentials.user.header())
        ).body;
      try {
        expect((await send(notification, 'Bearer wrong')).status).toBe(401);
        expect((await send(notification, null)).status).toBe(401);
        expect(await storedEvents(knex)).toBe(0);

        // The item and the manifests commit the sync deploys.
        const seeded = await request(backend.server)
          .post('/api/value-stream/events')
          .set('Authorization', mockCredentials.service.header())
          .send([
            {
              id: 'VEL-1:created',
              source: 'test',
              type: 'work_item.created',
              occurredAt: '2024-03-05T06:00:00Z',
              data: { key: 'VEL-1', title: 'Velero test', itemType: 'debt' },
            },
            {
              id: SHA,
              source: 'test',
              type: 'commit.pushed',
              occurredAt: '2024-03-05T07:00:00Z',
              repository: 'foo/manifests-velero',
              data: {
                sha: SHA,
                message: 'VEL-1: raise the velero memory limit',
                branch: 'main',
              },
            },
          ]);
        expect(seeded.body).toEqual({ accepted: 2, duplicates: 0, ignored: 0 });
        expect(await item()).toMatchObject({ stage: 'In Progress' });

        expect((await send(notification, bearer)).body).toEqual({
          accepted: 2,
          duplicates: 0,
          ignored: 0,
        });
        const deployed = await item();
        expect(deployed).toMatchObject({
          stage: 'Monitoring',
          stageEnteredAt: '2024-03-05T07:33:04.000Z',
          entityRefs: ['component:default/velero'],
          links: {
            deployments: [
              {
                deploymentId: 'argo-cd/velero-test@2024-03-05T07:33:03Z',
                environment: 'production',
                status: 'success',
                finishedAt: '2024-03-05T07:33:04.000Z',
              },
            ],
          },
        });
        expect(
          deployed.transitions.map((t: { stage: string }) => t.stage),
        ).toEqual([
          'Backlog',
          'In Progress',
          'Deploy Production',
          'Monitoring',
        ]);

        // The same sync again, as the whole Application: one deployment, duplicates.
        const whole = {
          app: {
            ...application,
            metadata: notification.app.metadata,
          },
        };
        expect((await send(whole, `X-Ignored ${TOKEN}`)).status).toBe(401);
        const again = await request(backend.server)
          .post('/api/value-stream/webhooks/argocd')
          .set('Content-Type', 'application/json')
          .set('X-Value-Stream-Token', TOKEN)
          .send(JSON.stringify(whole));
        expect(again.body).toEqual({ accepted: 0, duplicates: 2, ignored: 0 });

        const before = await storedEvents(knex);
        const terminating = JSON.parse(JSON.stringify(notification));
        terminating.app.status.operationState.phase = 'Terminating';
        expect((await send(terminating, bearer)).body).toEqual({
          accepted: 0,
          duplicates: 0,
          ignored: 1,
        });
        expect((await send({ app: { metadata: {} } }, bearer)).status).toBe(
          400,
        );
        expect((await send('{"app":', bearer)).status).toBe(400);
        expect(await storedEvents(knex)).toBe(before);
      } finally {
        await backend.stop();
      }
    });

    it('refuses every webhook while no token is configured', async () => {
      const knex = await databases.init(databaseId);
      const backend = await start(knex, {});
      try {
        const res = await request(backend.server)
          .post('/api/value-stream/webhooks/argocd')
          .set('Content-Type', 'application/json')
          .set('Authorization', `Bearer ${TOKEN}`)
          .send(JSON.stringify(notification));
        expect(res.status).toBe(403);
        expect(await storedEvents(knex)).toBe(0);
      } finally {
        await backend.stop();
      }
    });
  },
);
