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
import deploymentSuccess from './__fixtures__/deployment_hook.success.json';
import mergeRequestMerged from './__fixtures__/merge_request_hook.merged.json';
import pipelineSuccess from './__fixtures__/pipeline_hook.success.json';
import pushHook from './__fixtures__/push_hook.json';
import { valueStreamModuleGitlab } from './module';

jest.setTimeout(120_000);

const TOKEN = 'test-token';
const PIPELINE_REPO = 'TomaszKolek/my-awesome-project';
const DEPLOY_REPO = 'vedant8600317/test';
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const component = (name: string, slug: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'gitlab.com/project-slug': slug },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'me' },
});

async function start(knex: Knex, sources: object) {
  return startTestBackend({
    features: [
      valueStreamPlugin,
      valueStreamModuleGitlab,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: { valueStream: { notifications: { enabled: false }, sources } },
      }),
      catalogServiceMock.factory({
        entities: [
          component('awesome', PIPELINE_REPO),
          component('vedant-test', DEPLOY_REPO),
        ],
      }),
    ],
  });
}

const storedEvents = async (knex: Knex) =>
  Number((await knex('vs_events').count({ n: '*' }))[0].n);

describe.each(databases.eachSupportedId())(
  'gitlab webhook end to end on %p',
  databaseId => {
    it('moves items through Build/Test and Deploy Production/Monitoring; forged tokens store nothing', async () => {
      const knex = await databases.init(databaseId);
      const backend = await start(knex, { gitlab: { webhookSecret: TOKEN } });
      const send = (
        event: string,
        payload: object | string,
        token: string | null = TOKEN,
      ) => {
        const req = request(backend.server)
          .post('/api/value-stream/webhooks/gitlab')
          .set('Content-Type', 'application/json')
          .set('X-Gitlab-Event', event);
        if (token !== null) req.set('X-Gitlab-Token', token);
        return req.send(
          typeof payload === 'string' ? payload : JSON.stringify(payload),
        );
      };
      const canonical = (events: object[]) =>
        request(backend.server)
          .post('/api/value-stream/events')
          .set('Authorization', mockCredentials.service.header())
          .send(events);
      const item = async (key: string) =>
        (
          await request(backend.server)
            .get(`/api/value-stream/work-items/${encodeURIComponent(key)}`)
            .set('Authorization', mockCredentials.user.header())
        ).body;
      try {
        expect(
          (await send('Pipeline Hook', pipelineSuccess, 'wrong')).status,
        ).toBe(401);
        expect(
          (await send('Pipeline Hook', pipelineSuccess, null)).status,
        ).toBe(401);
        expect(await storedEvents(knex)).toBe(0);

        // The tracker side: an issue and a commit on the default branch closing it,
        // the commit the pipeline fixture builds.
        const buildKey = `${PIPELINE_REPO}#1`;
        expect(
          (
            await canonical([
              {
                id: 'issue-1',
                source: 'test',
                type: 'work_item.created',
                occurredAt: '2016-09-28T19:00:00Z',
                data: {
                  key: buildKey,
                  title: 'Pipeline item',
                  itemType: 'feature',
                },
              },
              {
                id: 'commit-6f88e719',
                source: 'test',
                type: 'commit.pushed',
                occurredAt: '2016-09-28T20:04:48Z',
                repository: PIPELINE_REPO,
                data: {
                  sha: pipelineSuccess.commit.id,
                  message: 'a\n\ncloses #1',
                  branch: 'master',
                  defaultBranch: 'master',
                },
              },
            ])
          ).body,
        ).toEqual({ accepted: 2, duplicates: 0, ignored: 0 });
        expect(await item(buildKey)).toMatchObject({
          stage: 'In Progress',
          entityRefs: ['component:default/awesome'],
        });

        expect((await send('Pipeline Hook', pipelineSuccess)).body).toEqual({
          accepted: 2,
          duplicates: 0,
          ignored: 0,
        });
        expect((await send('Pipeline Hook', pipelineSuccess)).body).toEqual({
          accepted: 0,
          duplicates: 2,
          ignored: 0,
        });
        const built = await item(buildKey);
        expect(built).toMatchObject({
          stage: 'Test',
          stageEnteredAt: '2016-09-28T20:22:34.000Z',
          links: {
            builds: [
              {
                buildId: '4414206',
                status: 'success',
                finishedAt: '2016-09-28T20:22:34.000Z',
              },
            ],
          },
        });
        expect(
          built.transitions.map((t: { stage: string }) => t.stage),
        ).toEqual(['Backlog', 'In Progress', 'Build', 'Test']);

        // The deployment fixture names its commit only in commit_url.
        const deployKey = `${DEPLOY_REPO}#1`;
        expect(
          (
            await canonical([
              {
                id: 'issue-2',
                source: 'test',
                type: 'work_item.created',
                occurredAt: '2025-05-02T11:00:00Z',
                data: {
                  key: deployKey,
                  title: 'Deploy item',
                  itemType: 'debt',
                },
              },
              {
                id: 'commit-58793660',
                source: 'test',
                type: 'commit.pushed',
                occurredAt: '2025-05-02T11:50:00Z',
                repository: DEPLOY_REPO,
                data: {
                  sha: '58793660b22d6ceacbdc23b28a0562bca339702c',
                  message: 'Update .gitlab-ci.yml file, closes #1',
                  branch: 'master',
                  defaultBranch: 'master',
                },
              },
            ])
          ).body,
        ).toMatchObject({ accepted: 2 });
        expect((await send('Deployment Hook', deploymentSuccess)).body).toEqual(
          { accepted: 1, duplicates: 0, ignored: 0 },
        );
        expect(await item(deployKey)).toMatchObject({
          stage: 'Monitoring',
          stageEnteredAt: '2025-05-02T11:55:16.000Z',
          entityRefs: ['component:default/vedant-test'],
          links: {
            deployments: [
              {
                deploymentId: '988572802',
                environment: 'production',
                status: 'success',
              },
            ],
          },
        });

        // The other fixtures are understood too: two commits, one merged MR.
        expect((await send('Push Hook', pushHook)).body).toEqual({
          accepted: 2,
          duplicates: 0,
          ignored: 0,
        });
        expect(
          (await send('Merge Request Hook', mergeRequestMerged)).body,
        ).toEqual({ accepted: 1, duplicates: 0, ignored: 0 });

        const before = await storedEvents(knex);
        expect((await send('Note Hook', { object_kind: 'note' })).body).toEqual(
          { accepted: 0, duplicates: 0, ignored: 1 },
        );
        expect((await send('Pipeline Hook', { nonsense: true })).status).toBe(
          400,
        );
        expect((await send('Pipeline Hook', '{not json')).status).toBe(400);
        expect(
          (
            await send('Pipeline Hook', {
              ...pipelineSuccess,
              object_attributes: { status: 'success' },
            })
          ).status,
        ).toBe(400);
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
          .post('/api/value-stream/webhooks/gitlab')
          .set('Content-Type', 'application/json')
          .set('X-Gitlab-Event', 'Pipeline Hook')
          .set('X-Gitlab-Token', TOKEN)
          .send(JSON.stringify(pipelineSuccess));
        expect(res.status).toBe(403);
        expect(await storedEvents(knex)).toBe(0);
      } finally {
        await backend.stop();
      }
    });
  },
);
