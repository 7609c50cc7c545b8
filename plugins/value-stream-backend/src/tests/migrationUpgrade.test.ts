import type { Knex } from 'knex';
import { createDirectValueStream } from '../__testUtils__/directValueStream';
import { SCENARIO } from '../__testUtils__/scenario';
import { databases, group, payments } from '../__testUtils__/testBackend';
import { DatabaseValueStreamStore } from '../database/DatabaseValueStreamStore';

jest.setTimeout(120_000);
afterEach(() => jest.restoreAllMocks());

/** The schema of the first release (0.1.0): one migration. */
const FIRST_RELEASED = '20261123000000_init.js';
const ENTITY = 'component:default/payments';
// The scenario's events are canonical events; their `data` is typed loosely there.
const EVENTS = SCENARIO as any[];
const WINDOW = {
  from: Date.parse('2025-12-01T00:00:00Z'),
  to: Date.parse('2026-03-01T00:00:00Z'),
};

type Vs = Awaited<ReturnType<typeof createDirectValueStream>>;

/** What a user sees of the entity: metrics, every item with its journey, alerts. */
async function answers(vs: Vs) {
  const items = await vs.store.listWorkItems({
    entityRefs: [ENTITY],
    state: 'all',
    limit: 1000,
    withJourney: true,
  });
  const alerts = await vs.alerts.list([ENTITY], 'all');
  return {
    metrics: await vs.metrics.metrics(ENTITY, [ENTITY], WINDOW),
    items,
    // Ids are random and messages say "for N days" as of evaluation time.
    alerts: alerts
      .map(a => [a.rule, a.workItemKey, a.stage, a.severity, a.resolvedAt])
      .sort(),
  };
}

/** Copies every row of the old schema's tables, in their columns, from one database to another. */
async function copyFirstSchemaRows(from: Knex, to: Knex) {
  const tables = (await to.raw(
    to.client.config.client === 'pg'
      ? "select tablename as name from pg_tables where schemaname = current_schema() and tablename like 'vs\\_%'"
      : "select name from sqlite_master where type = 'table' and name like 'vs\\_%' escape '\\'",
  )) as any;
  const names: string[] = (tables.rows ?? tables).map((t: any) => t.name);
  expect(names).toContain('vs_events');
  const copied: Record<string, number> = {};
  for (const table of names) {
    const columns = Object.keys(await to(table).columnInfo()).filter(
      c => !(table === 'vs_events' && c === 'seq'),
    );
    const rows = await from(table)
      .select(columns)
      .modify(q => {
        if (table === 'vs_events') q.orderBy('seq');
      });
    for (let i = 0; i < rows.length; i += 100)
      await to(table).insert(rows.slice(i, i + 100));
    copied[table] = rows.length;
  }
  return copied;
}

describe.each(databases.eachSupportedId())(
  'upgrade from the first released schema on %p',
  databaseId => {
    it('keeps every row and answers exactly as a database built on the latest schema', async () => {
      // Open items' times run to "now": one clock for both databases.
      jest
        .spyOn(Date, 'now')
        .mockReturnValue(Date.parse('2026-03-01T00:00:00Z'));
      // The reference: a database on the latest schema with the scenario in it.
      const latest = await createDirectValueStream(databaseId, [
        payments,
        group,
      ]);
      await latest.ingest.ingest(EVENTS);
      await latest.alerts.flush();

      // The same data in a database on the first released schema.
      const old = await databases.init(databaseId);
      const directory = DatabaseValueStreamStore.migrationsDirectory();
      await old.migrate.up({ directory, name: FIRST_RELEASED });
      expect(await old.schema.hasTable('vs_alert_schedule')).toBe(false);
      const copied = await copyFirstSchemaRows(latest.knex, old);
      expect(copied.vs_events).toBe(EVENTS.length);
      expect(copied.vs_work_items).toBeGreaterThan(0);

      // Upgrade: the plugin migrates on start.
      const upgraded = await createDirectValueStream(
        databaseId,
        [payments, group],
        {},
        old,
      );
      expect(await old.schema.hasTable('vs_alert_schedule')).toBe(true);
      const [done] = await old.migrate.list({ directory });
      expect(done.map((m: any) => m.name ?? m.file ?? m)).toEqual(
        (await latest.knex.migrate.list({ directory }))[0].map(
          (m: any) => m.name ?? m.file ?? m,
        ),
      );
      expect(await answers(upgraded)).toEqual(await answers(latest));

      // Entities never evaluated under the new schema are due at the first scheduled pass.
      expect((await upgraded.alerts.evaluateDue()).entities).toBe(1);

      // Both keep working alike: one more event, a repeat of an old one, same answers.
      const next = {
        id: 'after-upgrade',
        source: 'jira',
        type: 'work_item.status_changed',
        occurredAt: '2026-01-20T00:00:00Z',
        data: { key: 'PAY-1', from: 'Done', to: 'In Progress' },
      };
      for (const vs of [latest, upgraded]) {
        const r = await vs.ingest.ingest([next, EVENTS[0]]);
        expect(r).toMatchObject({ accepted: 1, duplicates: 1 });
        await vs.alerts.flush();
      }
      expect(await answers(upgraded)).toEqual(await answers(latest));
    });
  },
);
