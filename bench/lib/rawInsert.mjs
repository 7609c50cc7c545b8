// The baseline for the ingest ratio: the same rows the plugin stores in vs_events, inserted with
// plain multi-row INSERTs (one per batch, one transaction per batch) into a scratch table of the
// same shape, on the same database server (PostgreSQL) or in a scratch file next to the plugin's
// (SQLite): one `insert … values (…),(…)` statement per batch. No validation, no correlation: the floor any ingest path pays.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The plugin's `subjectOf` (value-stream-backend/src/correlation/subjects.ts), for the row shape. */
function subjectOf(e) {
  const d = e.data;
  const family = e.type.split('.', 1)[0];
  if (family === 'work_item') return `item:${d.key}`;
  if (family === 'commit') return `commit:${d.sha}`;
  if (family === 'pull_request')
    return e.type === 'pull_request.reviewed'
      ? null
      : `pr:${e.repository ?? ''}#${d.number}`;
  if (family === 'build') return `build:${d.buildId}`;
  if (family === 'deployment') return `deployment:${d.deploymentId}`;
  if (family === 'incident') return `incident:${d.incidentId}`;
  return null;
}

const COLUMNS = [
  'source',
  'id',
  'type',
  'occurred_at',
  'received_at',
  'entity_ref',
  'repository',
  'subject',
  'payload',
];

/** The vs_events shape of the plugin's first migration. */
async function createEventsTable(knex, table) {
  await knex.schema.dropTableIfExists(table);
  await knex.schema.createTable(table, t => {
    t.bigIncrements('seq');
    t.string('source', 200).notNullable();
    t.string('id', 512).notNullable();
    t.string('type', 200).notNullable();
    t.bigInteger('occurred_at').notNullable();
    t.bigInteger('received_at').notNullable();
    t.string('entity_ref', 512).nullable();
    t.string('repository', 300).nullable();
    t.string('subject', 400).nullable();
    t.text('payload').notNullable();
    t.unique(['source', 'id'], { indexName: `${table}_source_id_uq` });
    t.index(['subject'], `${table}_subject_idx`);
  });
}

async function openScratch(db) {
  const Knex = require('knex');
  if (db.kind === 'sqlite') {
    const knex = Knex({
      client: 'better-sqlite3',
      connection: {
        filename: path.join(db.sqliteDir, 'raw-insert-baseline.sqlite'),
      },
      useNullAsDefault: true,
    });
    return { knex, close: () => knex.destroy() };
  }
  const name = 'vsbench_raw_insert';
  const admin = Knex({
    client: 'pg',
    connection: { ...db.pg, database: 'postgres' },
  });
  await admin.raw(`drop database if exists ${name}`);
  await admin.raw(`create database ${name}`);
  const knex = Knex({ client: 'pg', connection: { ...db.pg, database: name } });
  return {
    knex,
    close: async () => {
      await knex.destroy();
      await admin.raw(`drop database if exists ${name}`);
      await admin.destroy();
    },
  };
}

/** Inserts `events` in batches of `batchSize`; returns { events, seconds, perSecond }. */
export async function rawInsert({ db, events, batchSize }) {
  const { knex, close } = await openScratch(db);
  const table = 'vs_events_raw_baseline';
  try {
    await createEventsTable(knex, table);
    const t0 = performance.now();
    for (let i = 0; i < events.length; i += batchSize) {
      const received = Date.now();
      const rows = events.slice(i, i + batchSize).map(e => ({
        source: e.source,
        id: e.id,
        type: e.type,
        occurred_at: Date.parse(e.occurredAt),
        received_at: received,
        entity_ref: e.entityRef ?? null,
        repository: e.repository ?? null,
        subject: subjectOf(e),
        payload: JSON.stringify(e),
      }));
      const values = rows
        .map(() => `(${COLUMNS.map(() => '?').join(',')})`)
        .join(',');
      const bindings = rows.flatMap(r => COLUMNS.map(c => r[c]));
      await knex.transaction(tx =>
        tx.raw(
          `insert into ${table} (${COLUMNS.join(',')}) values ${values}`,
          bindings,
        ),
      );
    }
    const seconds = (performance.now() - t0) / 1000;
    return {
      events: events.length,
      seconds,
      perSecond: events.length / seconds,
    };
  } finally {
    await close();
  }
}
