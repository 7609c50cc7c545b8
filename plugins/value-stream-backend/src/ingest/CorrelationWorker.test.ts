import request from 'supertest';
import { databases, startValueStream } from '../__testUtils__/testBackend';
import { DatabaseValueStreamStore } from '../database/DatabaseValueStreamStore';

jest.setTimeout(120_000);

const created = (key: string, at: string) => ({
  id: `created-${key}`,
  source: 'test',
  type: 'work_item.created',
  occurredAt: at,
  data: { key, title: key, itemType: 'feature' },
});

describe.each(databases.eachSupportedId())(
  'correlation behind the 202 on %p',
  id => {
    it('answers GET /ingest/status to services only, and drains to 0 pending', async () => {
      const vs = await startValueStream(id);
      try {
        const at = new Date(Date.now() - 3600_000).toISOString();
        const posted = await request(vs.server)
          .post('/api/value-stream/events')
          .set(vs.asService)
          .send([created('PAY-1', at), created('PAY-2', at)]);
        expect(posted.status).toBe(202);
        expect(posted.body).toEqual({ accepted: 2, duplicates: 0, ignored: 0 });
        const status = await vs.get('/ingest/status', vs.asService);
        expect(status.status).toBe(200);
        expect(Object.keys(status.body).sort()).toEqual([
          'oldestPendingAt',
          'pending',
        ]);
        expect(status.body.pending).toBeGreaterThanOrEqual(0);
        expect(status.body.pending).toBeLessThanOrEqual(2);
        expect((await vs.get('/ingest/status')).status).toBe(403);
        await vs.settled();
        expect((await vs.get('/ingest/status', vs.asService)).body).toEqual({
          pending: 0,
          oldestPendingAt: null,
        });
        const items = await vs.knex('vs_work_items').pluck('key');
        expect(items.sort()).toEqual(['PAY-1', 'PAY-2']);
        // A repeat is a no-op: nothing queued again.
        const again = await vs.post('/events', [created('PAY-1', at)]);
        expect(again.body).toEqual({ accepted: 0, duplicates: 1, ignored: 0 });
        expect(
          Number((await vs.knex('vs_pending').count({ n: '*' }))[0].n),
        ).toBe(0);
      } finally {
        await vs.backend.stop();
      }
    });

    it('correlates on start what was accepted but not correlated before a crash', async () => {
      const knex = await databases.init(id);
      await knex.migrate.latest({
        directory: DatabaseValueStreamStore.migrationsDirectory(),
      });
      // The state a crash right after the 202 leaves: the event stored and queued.
      const at = Date.now() - 3600_000;
      const event = created('PAY-7', new Date(at).toISOString());
      await DatabaseValueStreamStore.fromKnex(knex).insertEvents([
        {
          source: event.source,
          id: event.id,
          type: event.type,
          occurredAt: at,
          receivedAt: at,
          entityRef: null,
          repository: null,
          subject: 'item:PAY-7',
          payload: JSON.stringify(event),
        },
      ]);
      expect(Number((await knex('vs_pending').count({ n: '*' }))[0].n)).toBe(1);
      const vs = await startValueStream(id, { knex });
      try {
        await vs.settled();
        const row = await knex('vs_work_items').where({ key: 'PAY-7' }).first();
        expect(row).toMatchObject({ key: 'PAY-7', stage: 'Backlog' });
        expect(Number((await knex('vs_pending').count({ n: '*' }))[0].n)).toBe(
          0,
        );
      } finally {
        await vs.backend.stop();
      }
    });
  },
);
