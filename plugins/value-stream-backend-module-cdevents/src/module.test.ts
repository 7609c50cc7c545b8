import fs from 'node:fs';
import path from 'node:path';
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
import { valueStreamModuleCdevents } from './module';

jest.setTimeout(120_000);

const TOKEN = 'test-token';
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

// the conformance examples live with the mapping in value-stream-node
const conformance = path.resolve(
  require.resolve(
    '@valuestream/backstage-plugin-value-stream-node/package.json',
  ),
  '..',
  'src',
  'cdevents',
  '__fixtures__',
  'conformance',
);
const load = (name: string): any =>
  JSON.parse(fs.readFileSync(path.join(conformance, `${name}.json`), 'utf8'));

/**
 * A conformance example as a structured-mode CloudEvent. The examples share one
 * context id across ticket types; a producer gives each event its own.
 */
const structured = (name: string, id?: string) => {
  const cdevent = load(name);
  return {
    specversion: '1.0',
    id: id ?? cdevent.context.id,
    source: cdevent.context.source,
    type: cdevent.context.type,
    time: cdevent.context.timestamp,
    subject: cdevent.subject.id,
    datacontenttype: 'application/json',
    data: cdevent,
  };
};

async function start(knex: Knex, sources: object) {
  return startTestBackend({
    features: [
      valueStreamPlugin,
      valueStreamModuleCdevents,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: { valueStream: { notifications: { enabled: false }, sources } },
      }),
      catalogServiceMock.factory({ entities: [] }),
    ],
  });
}

const storedEvents = async (knex: Knex) =>
  Number((await knex('vs_events').count({ n: '*' }))[0].n);

describe.each(databases.eachSupportedId())(
  'cdevents webhook end to end on %p',
  databaseId => {
    it('creates, updates and closes ticket-123 from the conformance examples; wrong tokens store nothing', async () => {
      const knex = await databases.init(databaseId);
      const backend = await start(knex, {
        cdevents: { webhookSecret: TOKEN },
      });
      const send = (
        payload: object | string,
        auth: string | null = `Bearer ${TOKEN}`,
        contentType = 'application/cloudevents+json',
      ) => {
        const req = request(backend.server)
          .post('/api/value-stream/webhooks/cdevents')
          .set('Content-Type', contentType);
        if (auth !== null) req.set('Authorization', auth);
        return req.send(
          typeof payload === 'string' ? payload : JSON.stringify(payload),
        );
      };
      const item = async () =>
        (
          await request(backend.server)
            .get('/api/value-stream/work-items/ticket-123')
            .set('Authorization', mockCredentials.service.header())
        ).body;
      try {
        const created = structured('ticket_created');
        expect((await send(created, 'Bearer wrong')).status).toBe(401);
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
          key: 'ticket-123',
          title: 'New CVE-123 detected',
          itemType: 'debt', // ticketType task
          stage: 'Backlog',
          createdAt: '2022-11-11T13:52:20.079Z',
        });

        // batch mode: the update plus a CDEvent the value stream does not use,
        // kept raw and counted ignored as on POST /events
        const batch = await send(
          [
            structured('ticket_updated', 'ticket-123-updated'),
            structured('artifact_signed'),
          ],
          `Bearer ${TOKEN}`,
          'application/cloudevents-batch+json',
        );
        expect(batch.body).toEqual({ accepted: 1, duplicates: 0, ignored: 1 });

        // binary mode: the CDEvent is the body, the CloudEvent in ce-* headers
        const closed = load('ticket_closed');
        const res = await request(backend.server)
          .post('/api/value-stream/webhooks/cdevents')
          .set('Content-Type', 'application/json')
          .set('X-Value-Stream-Token', TOKEN)
          .set('ce-specversion', '1.0')
          .set('ce-id', 'ticket-123-closed')
          .set('ce-source', closed.context.source)
          .set('ce-type', closed.context.type)
          .set('ce-time', '2022-11-14T09:00:00Z')
          .send(JSON.stringify(closed));
        expect(res.body).toEqual({ accepted: 1, duplicates: 0, ignored: 0 });
        expect(await item()).toMatchObject({
          stage: 'Done',
          doneAt: '2022-11-14T09:00:00.000Z',
        });

        const before = await storedEvents(knex);
        expect((await send(structured('artifact_signed'))).body).toEqual({
          accepted: 0,
          duplicates: 1,
          ignored: 0,
        });
        expect(
          (await send(structured('artifact_signed', 'artifact-2'))).body,
        ).toEqual({ accepted: 0, duplicates: 0, ignored: 1 });
        expect(await storedEvents(knex)).toBe(before + 1);
        // a CloudEvent that is not a CDEvent is ignored and not stored: the
        // webhook token must not write another source's canonical events
        const canonical = {
          specversion: '1.0',
          id: 'wi-1',
          source: 'jira',
          type: 'work_item.created',
          time: '2022-11-14T09:00:00Z',
          data: { key: 'PAY-1', title: 'forged', itemType: 'feature' },
        };
        expect((await send(canonical)).body).toEqual({
          accepted: 0,
          duplicates: 0,
          ignored: 1,
        });
        expect(
          (await send({ ...created, id: 'x', source: undefined })).status,
        ).toBe(400);
        expect((await send('{"specversion"')).status).toBe(400);
        expect(await storedEvents(knex)).toBe(before + 1);
      } finally {
        await backend.stop();
      }
    });

    it('refuses every webhook while no token is configured', async () => {
      const knex = await databases.init(databaseId);
      const backend = await start(knex, {});
      try {
        const res = await request(backend.server)
          .post('/api/value-stream/webhooks/cdevents')
          .set('Content-Type', 'application/cloudevents+json')
          .set('Authorization', `Bearer ${TOKEN}`)
          .send(JSON.stringify(structured('ticket_created')));
        expect(res.status).toBe(403);
        expect(await storedEvents(knex)).toBe(0);
      } finally {
        await backend.stop();
      }
    });
  },
);
