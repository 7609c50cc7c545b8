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
import { createHmac } from 'node:crypto';
import request from 'supertest';
import { valueStreamModuleJira } from '../module';
import { startFakeJira } from './__testUtils__/fakeJira';
import { generatedStories, STATUSES, tes41 } from './__testUtils__/history';

jest.setTimeout(120_000);

const SECRET = 'jira-webhook-secret';
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const stories = [tes41(), ...generatedStories()];
const webhooks = stories.flatMap(s => s.webhooks);

type Backend = Awaited<ReturnType<typeof startTestBackend>>;

async function start(knex: Knex, jira: object) {
  return startTestBackend({
    features: [
      valueStreamPlugin,
      valueStreamModuleJira,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          valueStream: {
            notifications: { enabled: false },
            // the 2019 TES-41 is in the history too
            import: { historyDays: 3650 },
            sources: { jira: { webhookSecret: SECRET, ...jira } },
          },
        },
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

async function sendWebhooks(backend: Backend) {
  const totals = { accepted: 0, duplicates: 0, ignored: 0 };
  for (const payload of webhooks) {
    const body = JSON.stringify(payload);
    const res = await request(backend.server)
      .post('/api/value-stream/webhooks/jira')
      .set('Content-Type', 'application/json')
      .set(
        'X-Hub-Signature',
        `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
      )
      .send(body);
    expect(res.status).toBe(202);
    for (const k of Object.keys(totals) as Array<keyof typeof totals>)
      totals[k] += res.body[k];
  }
  return totals;
}

async function importDone(backend: Backend) {
  for (let i = 0; i < 300; i++) {
    const { body } = await request(backend.server)
      .get('/api/value-stream/import')
      .set('Authorization', mockCredentials.service.header());
    if (
      body.jobs?.length &&
      body.jobs.every((j: any) => j.state === 'done' || j.state === 'failed')
    )
      return body.jobs;
    await new Promise(r => setTimeout(r, 50));
  }
  throw new Error('import not finished after 15 s');
}

/** vs_events without what a delivery sets (seq, received_at). */
const eventRows = (knex: Knex) =>
  knex('vs_events')
    .select('source', 'id', 'type', 'occurred_at', 'subject', 'payload')
    .orderBy(['source', 'id']);

const journeys = async (backend: Backend) =>
  Promise.all(
    ['TES-41', 'TES-42', 'TES-43', 'TES-44'].map(async key => {
      const { body } = await request(backend.server)
        .get(`/api/value-stream/work-items/${key}`)
        .set('Authorization', mockCredentials.user.header());
      // without what grows with the clock (open items' time so far)
      const { activeTime, waitTime, transitions, ...rest } = body;
      return {
        ...rest,
        transitions: transitions?.map(({ seconds, ...t }: any) => t),
      };
    }),
  );

describe.each(databases.eachSupportedId())(
  'jira import and webhooks on %p',
  databaseId => {
    it('import then webhooks, or webhooks then import: the same events and journeys, nothing doubled', async () => {
      const fake = await startFakeJira({
        issues: stories.map(s => s.issue),
        statuses: STATUSES,
        authorization: `Basic ${Buffer.from('me@acme.com:api-token').toString(
          'base64',
        )}`,
      });
      const credentials = {
        baseUrl: fake.baseUrl,
        email: 'me@acme.com',
        apiToken: 'api-token',
      };
      try {
        // 1. the import first (the backend finds the new entity), then every webhook
        const knexA = await databases.init(databaseId);
        const a = await start(knexA, credentials);
        let rowsA;
        let journeysA;
        try {
          const [job] = await importDone(a);
          expect(job).toMatchObject({
            source: 'jira',
            scope: 'TES',
            state: 'done',
            items: 4,
            total: 4,
          });
          expect(await sendWebhooks(a)).toMatchObject({ accepted: 0 });
          rowsA = await eventRows(knexA);
          journeysA = await journeys(a);
        } finally {
          await a.stop();
        }

        // 2. the webhooks first (no import configured), then the import on the same data
        const knexB = await databases.init(databaseId);
        const webhooksOnly = await start(knexB, {});
        try {
          const sent = await sendWebhooks(webhooksOnly);
          expect(sent.duplicates).toBe(0);
          // all but the summary change whose webhook never came
          expect(sent.accepted).toBe(rowsA.length - 1);
        } finally {
          await webhooksOnly.stop();
        }
        const b = await start(knexB, credentials);
        try {
          const [job] = await importDone(b);
          // the import adds exactly the missed change
          expect(job).toMatchObject({ state: 'done', items: 4 });
          expect(await eventRows(knexB)).toEqual(rowsA);
          expect(await journeys(b)).toEqual(journeysA);
        } finally {
          await b.stop();
        }
        expect(journeysA.map(j => [j.key, j.stage])).toEqual([
          ['TES-41', 'Backlog'],
          ['TES-42', 'Done'],
          ['TES-43', 'In Progress'],
          ['TES-44', 'Done'],
        ]);
      } finally {
        await fake.close();
      }
    });
  },
);
