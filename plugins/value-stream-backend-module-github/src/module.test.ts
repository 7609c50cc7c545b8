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
import request from 'supertest';
import { example } from './__testUtils__/githubExamples';
import { startFakeGithub } from './import/__testUtils__/fakeGithub';
import { generateHistory } from './import/__testUtils__/history';
import { valueStreamModuleGithub } from './module';

jest.setTimeout(120_000);

const SECRET = 'test-secret';
const REPO = 'Codertocat/Hello-World';
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const sign = (body: string) =>
  `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

describe.each(databases.eachSupportedId())(
  'github webhook end to end on %p',
  databaseId => {
    it('moves an issue from Backlog to Done through signed webhooks; forged ones store nothing', async () => {
      const knex = await databases.init(databaseId);
      const backend = await startTestBackend({
        features: [
          valueStreamPlugin,
          valueStreamModuleGithub,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              valueStream: {
                notifications: { enabled: false },
                sources: { github: { webhookSecret: SECRET } },
              },
            },
          }),
          catalogServiceMock.factory({
            entities: [
              {
                apiVersion: 'backstage.io/v1alpha1',
                kind: 'Component',
                metadata: {
                  name: 'hello',
                  namespace: 'default',
                  annotations: { 'github.com/project-slug': REPO },
                },
                spec: { type: 'service', lifecycle: 'production', owner: 'me' },
              },
            ],
          }),
        ],
      });
      const send = (event: string, payload: object, signature?: string) => {
        const body = JSON.stringify(payload);
        return request(backend.server)
          .post('/api/value-stream/webhooks/github')
          .set('Content-Type', 'application/json')
          .set('X-GitHub-Event', event)
          .set('X-Hub-Signature-256', signature ?? sign(body))
          .send(body);
      };
      try {
        const opened = example('issues', 15);
        expect((await send('issues', opened, sign('forged'))).status).toBe(401);
        const unsigned = await request(backend.server)
          .post('/api/value-stream/webhooks/github')
          .set('X-GitHub-Event', 'issues')
          .send(opened);
        expect(unsigned.status).toBe(401);
        expect(Number((await knex('vs_events').count({ n: '*' }))[0].n)).toBe(
          0,
        );

        expect((await send('issues', opened)).body).toEqual({
          accepted: 1,
          duplicates: 0,
          ignored: 0,
        });
        expect((await send('issues', opened)).body).toEqual({
          accepted: 0,
          duplicates: 1,
          ignored: 0,
        });
        const key = encodeURIComponent(`${REPO}#1`);
        const item = () =>
          request(backend.server)
            .get(`/api/value-stream/work-items/${key}`)
            .set('Authorization', mockCredentials.user.header());
        expect((await item()).body).toMatchObject({
          stage: 'Backlog',
          itemType: 'defect',
          entityRefs: ['component:default/hello'],
        });

        const closed = example('issues', 20);
        closed.action = 'closed';
        closed.issue.state = 'closed';
        closed.issue.closed_at = '2021-10-12T09:00:00Z';
        expect((await send('issues', closed)).status).toBe(202);
        expect((await item()).body).toMatchObject({
          stage: 'Done',
          doneAt: '2021-10-12T09:00:00.000Z',
        });

        expect(
          (await send('ping', { zen: 'Keep it logically awesome.' })).body,
        ).toEqual({ accepted: 0, duplicates: 0, ignored: 1 });
        expect((await send('issues', { nonsense: true })).status).toBe(400);
      } finally {
        await backend.stop();
      }
    });
  },
);

describe.each(databases.eachSupportedId())(
  'github history import end to end on %p',
  databaseId => {
    it('imports an annotated entity through integrations.github; a webhook of an imported fact is a duplicate', async () => {
      const history = generateHistory(
        { pulls: 60, issues: 5, commits: 10, deployments: 2, runs: 5 },
        Date.now() - 3600_000,
      );
      const fake = await startFakeGithub(history);
      const knex = await databases.init(databaseId);
      const backend = await startTestBackend({
        features: [
          valueStreamPlugin,
          valueStreamModuleGithub,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              integrations: {
                github: [
                  {
                    host: 'github.com',
                    apiBaseUrl: fake.apiBaseUrl,
                    token: fake.token,
                  },
                ],
              },
              valueStream: {
                notifications: { enabled: false },
                sources: { github: { webhookSecret: SECRET } },
              },
            },
          }),
          catalogServiceMock.factory({
            entities: [
              {
                apiVersion: 'backstage.io/v1alpha1',
                kind: 'Component',
                metadata: {
                  name: 'shop',
                  namespace: 'default',
                  annotations: { 'github.com/project-slug': 'acme/shop' },
                },
                spec: { type: 'service', lifecycle: 'production', owner: 'me' },
              },
            ],
          }),
        ],
      });
      try {
        let job: any;
        for (let i = 0; i < 300 && job?.state !== 'done'; i++) {
          await new Promise(r => setTimeout(r, 100));
          const res = await request(backend.server)
            .get('/api/value-stream/entities/component/default/shop/import')
            .set('Authorization', mockCredentials.service.header());
          job = res.body.jobs?.[0];
          if (job?.state === 'failed') throw new Error(job.error);
        }
        const stored = Number((await knex('vs_events').count({ n: '*' }))[0].n);
        // 60 PRs: opened, merged, reviewed, 2 branch commits; 5 issues: created,
        // labelled, closed; 10 commits; 2 deployments: started, finished; 5 runs: 2 each
        const expected = 60 * 5 + 5 * 3 + 10 + 2 * 2 + 5 * 2;
        expect(job).toMatchObject({
          source: 'github',
          scope: 'acme/shop',
          state: 'done',
          items: 60 + 5 + 10 + 2 + 5,
          // every new event stored, reviews (kept without a subject) included
          events: expected,
        });
        expect(stored).toBe(expected);
        expect(fake.requests).toHaveLength(2 + 1 + 1 + 1 + 2 + 1);

        // the same default-branch commit, pushed: one fact, already stored
        const commit = history.commits[0];
        const push = example('push', 4);
        push.ref = 'refs/heads/main';
        push.repository.full_name = 'acme/shop';
        push.repository.default_branch = 'main';
        push.commits = [
          {
            ...push.commits[0],
            id: commit.oid,
            message: commit.message,
            timestamp: commit.authoredDate,
          },
        ];
        const body = JSON.stringify(push);
        const res = await request(backend.server)
          .post('/api/value-stream/webhooks/github')
          .set('Content-Type', 'application/json')
          .set('X-GitHub-Event', 'push')
          .set('X-Hub-Signature-256', sign(body))
          .send(body);
        expect(res.body).toEqual({ accepted: 0, duplicates: 1, ignored: 0 });
      } finally {
        await backend.stop();
        await fake.close();
      }
    });
  },
);
