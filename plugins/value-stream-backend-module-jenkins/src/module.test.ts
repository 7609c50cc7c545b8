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
import completed from './__fixtures__/notification-plugin.completed.json';
import { valueStreamModuleJenkins } from './module';

jest.setTimeout(120_000);

const TOKEN = 'test-token';
const SHA = completed.build.scm.commit;
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

// The fixture is a pre-1.5 message; current plugins add the start time and duration.
const STARTED_AT = 1709625600000; // 2024-03-05T08:00:00Z
const phase = (name: string, extra: object = {}) => ({
  ...completed,
  build: {
    ...completed.build,
    phase: name,
    timestamp: STARTED_AT,
    duration: 0,
    ...extra,
  },
});

async function start(knex: Knex, sources: object) {
  return startTestBackend({
    features: [
      valueStreamPlugin,
      valueStreamModuleJenkins,
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
              name: 'asgard',
              namespace: 'default',
              annotations: {
                'jenkins.io/job-full-name': 'asgard',
                'github.com/project-slug': 'evgeny-goldin/asgard',
                'jira/project-key': 'ASG',
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
  'jenkins webhook end to end on %p',
  databaseId => {
    it('moves the item of the built commit to Build, then Test; wrong tokens store nothing', async () => {
      const knex = await databases.init(databaseId);
      const backend = await start(knex, { jenkins: { webhookSecret: TOKEN } });
      const send = (payload: object | string, auth: string | null) => {
        const req = request(backend.server)
          .post('/api/value-stream/webhooks/jenkins')
          .set('Content-Type', 'application/json;charset=UTF-8');
        if (auth !== null) req.set('Authorization', auth);
        return req.send(
          typeof payload === 'string' ? payload : JSON.stringify(payload),
        );
      };
      // what the Notification plugin sends for `https://vs:<token>@host/…`
      const basic = (password: string) =>
        `Basic ${Buffer.from(`vs:${password}`).toString('base64')}`;
      const item = async () =>
        (
          await request(backend.server)
            .get('/api/value-stream/work-items/ASG-7')
            .set('Authorization', mockCredentials.user.header())
        ).body;
      try {
        expect((await send(phase('STARTED'), basic('wrong'))).status).toBe(401);
        expect((await send(phase('STARTED'), null)).status).toBe(401);
        expect(await storedEvents(knex)).toBe(0);

        const seeded = await request(backend.server)
          .post('/api/value-stream/events')
          .set('Authorization', mockCredentials.service.header())
          .send([
            {
              id: 'ASG-7:created',
              source: 'test',
              type: 'work_item.created',
              occurredAt: '2024-03-05T07:00:00Z',
              data: {
                key: 'ASG-7',
                title: 'Bake the AMI',
                itemType: 'feature',
              },
            },
            {
              id: SHA,
              source: 'test',
              type: 'commit.pushed',
              occurredAt: '2024-03-05T07:55:00Z',
              repository: 'evgeny-goldin/asgard',
              data: { sha: SHA, message: 'ASG-7 bake it', branch: 'master' },
            },
          ]);
        expect(seeded.body).toEqual({ accepted: 2, duplicates: 0, ignored: 0 });
        expect(await item()).toMatchObject({ stage: 'In Progress' });

        expect((await send(phase('STARTED'), basic(TOKEN))).body).toEqual({
          accepted: 1,
          duplicates: 0,
          ignored: 0,
        });
        expect(await item()).toMatchObject({
          stage: 'Build',
          stageEnteredAt: '2024-03-05T08:00:00.000Z',
        });

        const done = phase('COMPLETED', { duration: 95_000 });
        expect((await send(done, `Bearer ${TOKEN}`)).body).toEqual({
          accepted: 1,
          duplicates: 0,
          ignored: 0,
        });
        // FINALIZED repeats COMPLETED: the same build.finished
        expect(
          (await send(phase('FINALIZED', { duration: 95_000 }), basic(TOKEN)))
            .body,
        ).toEqual({ accepted: 0, duplicates: 1, ignored: 0 });
        const tested = await item();
        expect(tested).toMatchObject({
          stage: 'Test',
          stageEnteredAt: '2024-03-05T08:01:35.000Z',
          entityRefs: ['component:default/asgard'],
          links: {
            builds: [
              {
                buildId: 'asgard#18',
                status: 'success',
                finishedAt: '2024-03-05T08:01:35.000Z',
              },
            ],
          },
        });
        expect(
          tested.transitions.map((t: { stage: string }) => t.stage),
        ).toEqual(['Backlog', 'In Progress', 'Build', 'Test']);

        const before = await storedEvents(knex);
        expect((await send(phase('QUEUED'), basic(TOKEN))).body).toEqual({
          accepted: 0,
          duplicates: 0,
          ignored: 1,
        });
        // the fixture as the old plugin sent it: no build.timestamp
        expect((await send(completed, basic(TOKEN))).status).toBe(400);
        expect((await send({ name: 'asgard' }, basic(TOKEN))).status).toBe(400);
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
          .post('/api/value-stream/webhooks/jenkins')
          .set('Content-Type', 'application/json')
          .set('Authorization', `Bearer ${TOKEN}`)
          .send(JSON.stringify(phase('STARTED')));
        expect(res.status).toBe(403);
        expect(await storedEvents(knex)).toBe(0);
      } finally {
        await backend.stop();
      }
    });
  },
);
