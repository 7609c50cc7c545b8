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
import deploymentFailed from './__fixtures__/deployment_hook.failed.json';
import deploymentSuccess from './__fixtures__/deployment_hook.success.json';
import mergeRequestMerged from './__fixtures__/merge_request_hook.merged.json';
import pipelineSuccess from './__fixtures__/pipeline_hook.success.json';
import pushHook from './__fixtures__/push_hook.json';
import { startFakeGitlab } from './importer/fakeGitlab';
import { fixtureProjects } from './importer/fixtureProjects';
import { valueStreamModuleGitlab } from './module';

jest.setTimeout(120_000);

const SECRET = 'test-webhook-secret';
const TOKEN = 'glpat-test';
const HOST = 'gitlab.example.com';
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const component = (name: string, slug: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: {
      'gitlab.com/project-slug': slug,
      'gitlab.com/instance': HOST,
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'me' },
});

const storedEvents = async (knex: Knex) =>
  Number((await knex('vs_events').count({ n: '*' }))[0].n);

describe.each(databases.eachSupportedId())(
  'gitlab history import end to end on %p',
  databaseId => {
    it('imports the projects through integrations.gitlab; the same facts by webhook are duplicates', async () => {
      const fake = await startFakeGitlab({
        token: TOKEN,
        projects: fixtureProjects(),
      });
      const knex = await databases.init(databaseId);
      const backend = await startTestBackend({
        features: [
          valueStreamPlugin,
          valueStreamModuleGitlab,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              integrations: {
                gitlab: [
                  { host: HOST, apiBaseUrl: fake.apiBaseUrl, token: TOKEN },
                ],
              },
              valueStream: {
                notifications: { enabled: false },
                // the fixtures are from 2016 and 2025
                import: { historyDays: 20_000 },
                sources: { gitlab: { webhookSecret: SECRET } },
              },
            },
          }),
          catalogServiceMock.factory({
            entities: [
              component('awesome', 'tomaszkolek0/my-awesome-project'),
              component('pipelines', 'TomaszKolek/my-awesome-project'),
              component('vedant-test', 'vedant8600317/test'),
            ],
          }),
        ],
      });
      const send = async (event: string, payload: object) =>
        (
          await request(backend.server)
            .post('/api/value-stream/webhooks/gitlab')
            .set('Content-Type', 'application/json')
            .set('X-Gitlab-Event', event)
            .set('X-Gitlab-Token', SECRET)
            .send(JSON.stringify(payload))
        ).body;
      try {
        let jobs: any[] = [];
        for (let i = 0; i < 400; i++) {
          const res = await request(backend.server)
            .get('/api/value-stream/import')
            .set('Authorization', mockCredentials.service.header());
          jobs = res.body.jobs ?? [];
          if (jobs.length === 3 && jobs.every(j => j.state === 'done')) break;
          await new Promise(r => setTimeout(r, 50));
        }
        // (items, not events: which accepted events a job counts is the backend's rule)
        expect(
          jobs.map(j => [j.source, j.scope, j.state, j.items, j.error]).sort(),
        ).toEqual([
          [
            'gitlab',
            `${HOST}/TomaszKolek/my-awesome-project`,
            'done',
            1,
            undefined,
          ],
          [
            'gitlab',
            `${HOST}/tomaszkolek0/my-awesome-project`,
            'done',
            1,
            undefined,
          ],
          ['gitlab', `${HOST}/vedant8600317/test`, 'done', 3, undefined],
        ]);
        const imported = await storedEvents(knex);
        expect(imported).toBe(13); // 2 + 5 + 6

        const duplicates = (n: number) => ({
          accepted: 0,
          duplicates: n,
          ignored: 0,
        });
        expect(await send('Merge Request Hook', mergeRequestMerged)).toEqual(
          duplicates(1),
        );
        expect(await send('Push Hook', pushHook)).toEqual(duplicates(2));
        expect(await send('Pipeline Hook', pipelineSuccess)).toEqual(
          duplicates(2),
        );
        expect(await send('Deployment Hook', deploymentSuccess)).toEqual(
          duplicates(1),
        );
        expect(await send('Deployment Hook', deploymentFailed)).toEqual(
          duplicates(1),
        );
        expect(await storedEvents(knex)).toBe(imported);
      } finally {
        await backend.stop();
        await fake.close();
      }
    });
  },
);
