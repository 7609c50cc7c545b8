// PostgreSQL side of the checks: the plugin database of a run, dropping a run's databases,
// counting stored events and comparing the correlated tables of two runs row by row.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const PG = {
  host: process.env.PGHOST || '127.0.0.1',
  port: Number(process.env.PGPORT || 5432),
  user: process.env.PGUSER || 'postgres',
  ...(process.env.PGPASSWORD ? { password: process.env.PGPASSWORD } : {}),
};

/** A knex on one database (default: the plugin database of `prefix`). */
export function connect(prefix, database = `${prefix}value-stream`) {
  return require('knex')({
    client: 'pg',
    connection: { ...PG, database },
    pool: { min: 0, max: 2 },
  });
}

async function withDb(database, fn) {
  const knex = connect(undefined, database);
  try {
    return await fn(knex);
  } finally {
    await knex.destroy();
  }
}

/** Drops every database whose name starts with `prefix` (all plugins of one run). */
export async function dropPrefix(prefix) {
  await withDb('postgres', async knex => {
    const { rows } = await knex.raw(
      'select datname from pg_database where left(datname, ?) = ?',
      [prefix.length, prefix],
    );
    for (const { datname } of rows)
      await knex.raw('drop database if exists ?? with (force)', [datname]);
  });
}

export async function databaseExists(database) {
  return withDb('postgres', async knex => {
    const { rows } = await knex.raw(
      'select 1 from pg_database where datname = ?',
      [database],
    );
    return rows.length > 0;
  });
}

/** Keys (`source\0id`) of every stored event, how many rows, and (source, id) repeats. */
export async function storedEvents(knex) {
  const rows = await knex('vs_events')
    .select('source', 'id')
    .whereNot('source', 'bench'); // the entity-index probe
  const repeats = (
    await knex.raw(
      `select source, id, count(*)::int n from vs_events group by 1, 2 having count(*) > 1 limit 20`,
    )
  ).rows;
  return {
    rows: rows.length,
    keys: new Set(rows.map(r => `${r.source}\u0000${r.id}`)),
    repeats,
  };
}

/**
 * What a journey is made of, per table: ordered by primary key, with columns that depend on
 * the wall clock or on arrival order left out (received_at, seq, stats of open items, which
 * are frozen at the last rewrite of the item).
 */
const TABLES = {
  vs_work_items: {
    order: 'key',
    cols: `key, title, item_type, priority, value, labels, created_at, started_at, done_at,
      stage, stage_category, stage_entered_at, blocked, blocked_since, journey, digest,
      case when done_at is not null then array[cycle_time, lead_time, active_time,
        wait_time, blocked_time] end as done_stats`,
  },
  vs_stage_intervals: { order: 'item_key, seq', cols: '*' },
  vs_item_entities: { order: 'entity_ref, item_key', cols: '*' },
  vs_item_links: { order: 'item_key, kind, ref', cols: '*' },
  vs_commits: { order: 'sha', cols: '*' },
  vs_pull_requests: { order: 'id', cols: '*' },
  vs_pr_commits: { order: 'pr_id, sha', cols: '*' },
  vs_builds: { order: 'build_id', cols: '*' },
  vs_deployments: { order: 'deployment_id', cols: '*' },
  vs_deployment_commits: { order: 'deployment_id, sha', cols: '*' },
  vs_incidents: { order: 'incident_id', cols: '*' },
  vs_artifact_entities: { order: 'entity_ref, kind, ref', cols: '*' },
  vs_entity_changes: { order: 'entity_ref, change_id', cols: '*' },
};

/** Row count and md5 of every row (as text) per correlated table. */
export async function fingerprints(knex) {
  const out = {};
  for (const [table, { order, cols }] of Object.entries(TABLES)) {
    const { rows } = await knex.raw(
      `select count(*)::int n, md5(coalesce(string_agg(md5(t::text), '' order by ${order}), '')) h
       from (select ${cols} from ${table} order by ${order}) t`,
    );
    out[table] = { rows: rows[0].n, md5: rows[0].h };
  }
  return out;
}

/** The first rows of `table` that differ between two databases, by primary key. */
export async function firstDifferences(a, b, table, limit = 5) {
  const { order, cols } = TABLES[table];
  const q = k =>
    k.raw(
      `select ${order}, md5(t::text) h from (select ${cols} from ${table}) t`,
    );
  const key = r =>
    order
      .split(',')
      .map(c => r[c.trim()])
      .join('|');
  const [ra, rb] = [(await q(a)).rows, (await q(b)).rows];
  const mb = new Map(rb.map(r => [key(r), r.h]));
  const ma = new Map(ra.map(r => [key(r), r.h]));
  const diffs = [];
  for (const [k, h] of ma) if (mb.get(k) !== h) diffs.push(k);
  for (const k of mb.keys()) if (!ma.has(k)) diffs.push(k);
  return { count: diffs.length, first: diffs.slice(0, limit) };
}

/** Compares every correlated table of `test` with `reference`; returns the mismatches. */
export async function compareJourneys(reference, test) {
  const [fa, fb] = [await fingerprints(reference), await fingerprints(test)];
  const mismatches = [];
  for (const table of Object.keys(TABLES)) {
    if (fa[table].md5 === fb[table].md5) continue;
    mismatches.push({
      table,
      referenceRows: fa[table].rows,
      rows: fb[table].rows,
      differing: await firstDifferences(reference, test, table),
    });
  }
  return { tables: fb, mismatches };
}
