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
import {
  BOARD_ID,
  IN_PROGRESS,
  paymentsBoard,
  STATUS,
  TOKEN,
} from './__testUtils__/board';
import { startFakeFocalboard } from './__testUtils__/fakeFocalboard';
import { valueStreamModuleFocalboard } from './module';

jest.setTimeout(120_000);

const SECRET = 'focalboard-webhook-secret';
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const RECEIPTS = 'cw8jk7kbh1tbwdq7bmkbe5rq3ah';
const REFUND = 'cq1wkxh4h7fbxzcxmcz6dnmn1ea';

async function start(knex: Knex, focalboard: object) {
  return startTestBackend({
    features: [
      valueStreamPlugin,
      valueStreamModuleFocalboard,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          valueStream: {
            notifications: { enabled: false },
            sources: { focalboard },
          },
        },
      }),
      catalogServiceMock.factory({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: {
              name: 'payments',
              namespace: 'default',
              annotations: { 'focalboard/board-id': BOARD_ID },
            },
            spec: { type: 'service', lifecycle: 'production', owner: 'me' },
          },
        ],
      }),
    ],
  });
}

type Backend = Awaited<ReturnType<typeof start>>;

const basic = (secret: string) =>
  `Basic ${Buffer.from(`vs:${secret}`).toString('base64')}`;

/** What Focalboard's webhook posts: the changed block's JSON, unsigned (a URL with the secret as password). */
function sendWebhook(
  backend: Backend,
  block: object,
  auth: Record<string, string>,
) {
  const req = request(backend.server)
    .post('/api/value-stream/focalboard/webhook')
    .set('Content-Type', 'application/json');
  for (const [k, v] of Object.entries(auth)) req.set(k, v);
  return req.send(JSON.stringify(block));
}

const item = async (backend: Backend, key: string) =>
  (
    await request(backend.server)
      .get(`/api/value-stream/work-items/${key}`)
      .set('Authorization', mockCredentials.user.header())
  ).body;

async function importDone(backend: Backend) {
  for (let i = 0; i < 200; i++) {
    const { body } = await request(backend.server)
      .get('/api/value-stream/import')
      .set('Authorization', mockCredentials.service.header());
    if (
      body.jobs?.length &&
      body.jobs.every(
        (j: any) => j.state !== 'pending' && j.state !== 'running',
      )
    )
      return body.jobs;
    await new Promise(r => setTimeout(r, 50));
  }
  throw new Error('import not finished after 10 s');
}

describe.each(databases.eachSupportedId())(
  'focalboard end to end on %p',
  databaseId => {
    it('imports the annotated board, then takes webhooks: the imported state is a duplicate, a change moves the card', async () => {
      const { board, blocks } = paymentsBoard();
      const fake = await startFakeFocalboard({
        token: TOKEN,
        boards: [board],
        blocks,
      });
      const knex = await databases.init(databaseId);
      const backend = await start(knex, {
        baseUrl: fake.baseUrl,
        token: TOKEN,
        webhookSecret: SECRET,
      });
      try {
        const [job] = await importDone(backend);
        expect(job).toMatchObject({
          entityRef: 'component:default/payments',
          source: 'focalboard',
          scope: BOARD_ID,
          state: 'done',
          items: 3,
          total: 3,
        });
        expect(await item(backend, REFUND)).toMatchObject({
          key: REFUND,
          title: 'Refund flow',
          stage: 'In Progress',
          entityRefs: ['component:default/payments'],
        });

        const receipts = blocks.find(b => b.id === RECEIPTS)!;
        // the webhook of a state the import read: nothing new
        expect(
          (
            await sendWebhook(backend, receipts, {
              authorization: basic(SECRET),
            })
          ).body,
        ).toEqual({
          accepted: 0,
          duplicates: 1,
          ignored: 0,
        });

        // Receipts moves to In Progress; Focalboard posts the block (the route reads it back)
        const moved = {
          ...receipts,
          updateAt: Date.parse('2026-11-07T10:00:00Z'),
        };
        moved.fields = {
          ...moved.fields,
          properties: { [STATUS]: IN_PROGRESS },
        };
        blocks.splice(blocks.indexOf(receipts), 1, moved);
        const signature = `sha256=${createHmac('sha256', SECRET)
          .update(JSON.stringify(moved))
          .digest('hex')}`;
        expect(
          (
            await sendWebhook(backend, moved, {
              'x-hub-signature-256': signature,
            })
          ).body,
        ).toEqual({
          accepted: 2,
          duplicates: 1,
          ignored: 0,
        });
        expect(await item(backend, RECEIPTS)).toMatchObject({
          stage: 'In Progress',
          stageEnteredAt: '2026-11-07T10:00:00.000Z',
          entityRefs: ['component:default/payments'],
        });

        // forged, unsigned, other blocks
        expect(
          (await sendWebhook(backend, moved, { authorization: basic('guess') }))
            .status,
        ).toBe(401);
        expect((await sendWebhook(backend, moved, {})).status).toBe(401);
        expect(
          (
            await sendWebhook(
              backend,
              { ...moved, type: 'comment' },
              { authorization: basic(SECRET) },
            )
          ).body,
        ).toEqual({ accepted: 0, duplicates: 0, ignored: 1 });
      } finally {
        await backend.stop();
        await fake.close();
      }
    });

    it('refuses webhooks without a secret', async () => {
      const knex = await databases.init(databaseId);
      const backend = await start(knex, {});
      try {
        const res = await sendWebhook(
          backend,
          { id: 'c1', type: 'card', boardId: BOARD_ID },
          { authorization: basic('') },
        );
        expect(res.status).toBe(403);
      } finally {
        await backend.stop();
      }
    });
  },
);
