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
import created from './__fixtures__/jira-issue_created.json';
import done from './__fixtures__/jira-issue_updated.status-done.json';
import inProgress from './__fixtures__/jira-issue_updated.status-in-progress.json';
import reopened from './__fixtures__/jira-issue_updated.status-reopened.json';
import { valueStreamModuleJira } from './module';

jest.setTimeout(120_000);

const SECRET = 'test-secret';
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const sign = (body: string) =>
  `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

async function start(knex: Knex, sources: object) {
  return startTestBackend({
    features: [
      valueStreamPlugin,
      valueStreamModuleJira,
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
              name: 'tes',
              namespace: 'default',
              annotations: { 'jira/project-key': 'TES' },
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
  'jira webhook end to end on %p',
  databaseId => {
    it('moves TES-41 through Backlog, In Progress, Done and back; forged signatures store nothing', async () => {
      const knex = await databases.init(databaseId);
      const backend = await start(knex, { jira: { webhookSecret: SECRET } });
      const send = (payload: object | string, signature?: string | null) => {
        const body =
          typeof payload === 'string' ? payload : JSON.stringify(payload);
        const req = request(backend.server)
          .post('/api/value-stream/webhooks/jira')
          .set('Content-Type', 'application/json');
        if (signature !== null)
          req.set('X-Hub-Signature', signature ?? sign(body));
        return req.send(body);
      };
      const item = async () =>
        (
          await request(backend.server)
            .get('/api/value-stream/work-items/TES-41')
            .set('Authorization', mockCredentials.user.header())
        ).body;
      try {
        expect((await send(created, sign('forged'))).status).toBe(401);
        expect((await send(created, null)).status).toBe(401);
        expect(await storedEvents(knex)).toBe(0);

        expect((await send(created)).body).toEqual({
          accepted: 1,
          duplicates: 0,
          ignored: 0,
        });
        expect((await send(created)).body).toEqual({
          accepted: 0,
          duplicates: 1,
          ignored: 0,
        });
        expect(await item()).toMatchObject({
          key: 'TES-41',
          title: 'Unit test summary',
          itemType: 'feature',
          stage: 'Backlog',
          createdAt: '2019-02-16T03:01:53.023Z',
          entityRefs: ['component:default/tes'],
        });

        expect((await send(inProgress)).body).toMatchObject({ accepted: 1 });
        expect(await item()).toMatchObject({
          stage: 'In Progress',
          stageEnteredAt: '2019-02-16T03:14:22.039Z',
          blocked: false,
        });

        // The Flagged field set by the board's "Add flag" (same issue, a later change).
        const flagged = {
          ...inProgress,
          timestamp: 1550286900000,
          changelog: {
            id: '10230',
            items: [
              {
                field: 'Flagged',
                fieldtype: 'custom',
                fieldId: 'customfield_10021',
                from: null,
                fromString: null,
                to: '[10019]',
                toString: 'Impediment',
              },
            ],
          },
        };
        expect((await send(flagged)).body).toMatchObject({ accepted: 1 });
        expect(await item()).toMatchObject({
          stage: 'In Progress',
          blocked: true,
        });

        expect((await send(done)).body).toMatchObject({ accepted: 1 });
        const finished = await item();
        expect(finished).toMatchObject({
          stage: 'Done',
          doneAt: '2019-02-16T03:15:40.507Z',
          // 03:14:22.039 → 03:15:40.507, blocked from 03:15:00 (wait)
          cycleTime: 78.468,
        });
        expect(
          finished.transitions.map((t: { stage: string }) => t.stage),
        ).toEqual(['Backlog', 'In Progress', 'Done']);

        expect((await send(reopened)).body).toMatchObject({ accepted: 1 });
        expect(await item()).toMatchObject({
          stage: 'Backlog',
          stageEnteredAt: '2019-02-16T03:17:06.531Z',
          doneAt: null,
        });

        const before = await storedEvents(knex);
        expect(
          (
            await send({
              webhookEvent: 'comment_created',
              timestamp: 1550287100000,
            })
          ).body,
        ).toEqual({ accepted: 0, duplicates: 0, ignored: 1 });
        expect(
          (await send({ webhookEvent: 'jira:issue_updated', issue: {} }))
            .status,
        ).toBe(400);
        expect((await send('[not json')).status).toBe(400);
        expect(await storedEvents(knex)).toBe(before);
      } finally {
        await backend.stop();
      }
    });

    it('refuses every webhook while no secret is configured', async () => {
      const knex = await databases.init(databaseId);
      const backend = await start(knex, {});
      try {
        const body = JSON.stringify(created);
        const res = await request(backend.server)
          .post('/api/value-stream/webhooks/jira')
          .set('Content-Type', 'application/json')
          .set('X-Hub-Signature', sign(body))
          .send(body);
        expect(res.status).toBe(403);
        expect(await storedEvents(knex)).toBe(0);
      } finally {
        await backend.stop();
      }
    });
  },
);
