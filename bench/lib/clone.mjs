// Grows a PostgreSQL value-stream database by copying one ingested entity (the template,
// `component:default/bench-main`, keys BEN-n, repository bench/main) into clones with their own
// identities: clone i gets keys SC<iiii>-n, repository scale/s<iiii>, component scale-<iiii> and
// commit shas of i in 4 hex digits followed by the template sha's first 36 (so no clone's sha can
// be a template sha or another clone's). The rows are the plugin's own output for the
// template (journeys, intervals, links, deployments…), so a clone's metrics must equal the
// template's: the scale run checks that.
const TEMPLATE_SCHEMA = 'vs_scale_tpl';

/** Tables copied per clone. Alerts and meta are not: the alert passes produce their own. */
export const CLONED_TABLES = [
  'vs_work_items',
  'vs_item_entities',
  'vs_stage_intervals',
  'vs_item_links',
  'vs_commits',
  'vs_pull_requests',
  'vs_pr_commits',
  'vs_builds',
  'vs_deployments',
  'vs_deployment_commits',
  'vs_incidents',
  'vs_artifact_entities',
  'vs_entity_changes',
  'vs_events',
];

export const cloneName = i => `scale-${String(i).padStart(4, '0')}`;
export const cloneSlug = i => `scale/s${String(i).padStart(4, '0')}`;
export const cloneKey = i => `SC${String(i).padStart(4, '0')}`;

/**
 * Rewrites every identity of the template inside a text value: commit shas (40 hex digits
 * standing alone or after `"`, `/` or `:`), work-item keys, the repository and the component.
 */
const CLONE_FUNCTION = `
create or replace function ${TEMPLATE_SCHEMA}.clone_text(t text, i int) returns text
language sql immutable parallel safe as $$
  select replace(replace(replace(
    regexp_replace(t, '(^|["/:])([0-9a-f]{36})[0-9a-f]{4}([^0-9a-f]|$)',
                   '\\1' || lpad(to_hex(i), 4, '0') || '\\2\\3', 'g'),
    'BEN-', 'SC' || lpad(i::text, 4, '0') || '-'),
    'bench/main', 'scale/s' || lpad(i::text, 4, '0')),
    'bench-main', 'scale-' || lpad(i::text, 4, '0'))
$$`; // no `?` in it: knex.raw would read one as a binding

/** Snapshots the template's rows (everything in the database now) into a side schema. */
export async function snapshotTemplate(knex) {
  await knex.raw(`drop schema if exists ${TEMPLATE_SCHEMA} cascade`);
  await knex.raw(`create schema ${TEMPLATE_SCHEMA}`);
  await knex.raw(CLONE_FUNCTION);
  const counts = {};
  for (const t of CLONED_TABLES) {
    await knex.raw(
      `create table ${TEMPLATE_SCHEMA}.${t} as select * from ${t}`,
    );
    counts[t] = Number(
      (await knex.raw(`select count(*) n from ${TEMPLATE_SCHEMA}.${t}`)).rows[0]
        .n,
    );
  }
  return counts;
}

async function columnsOf(knex, table) {
  const { rows } = await knex.raw(
    `select column_name, data_type from information_schema.columns
     where table_schema = 'public' and table_name = ? order by ordinal_position`,
    [table],
  );
  return rows.filter(r => !(table === 'vs_events' && r.column_name === 'seq'));
}

/**
 * Inserts clones [from, to] of every template table, `perStatement` clones per INSERT … SELECT.
 * Returns seconds spent per table.
 */
export async function insertClones(
  knex,
  { from, to, tables = CLONED_TABLES, perStatement = 25, log = () => {} },
) {
  const seconds = {};
  for (const t of tables) {
    const cols = await columnsOf(knex, t);
    const names = cols.map(c => `"${c.column_name}"`).join(', ');
    const exprs = cols
      .map(c =>
        ['text', 'character varying'].includes(c.data_type) &&
        c.column_name !== 'digest'
          ? `${TEMPLATE_SCHEMA}.clone_text(s."${c.column_name}", g.i)`
          : `s."${c.column_name}"`,
      )
      .join(', ');
    const t0 = performance.now();
    for (let a = from; a <= to; a += perStatement) {
      const b = Math.min(to, a + perStatement - 1);
      await knex.raw(
        `insert into ${t} (${names})
         select ${exprs} from ${TEMPLATE_SCHEMA}.${t} s cross join generate_series(?::int, ?::int) g(i)`,
        [a, b],
      );
    }
    seconds[t] = Math.round((performance.now() - t0) / 100) / 10;
    log(`    ${t}: clones ${from}-${to} in ${seconds[t]} s`);
  }
  return seconds;
}

export async function dropTemplate(knex) {
  await knex.raw(`drop schema if exists ${TEMPLATE_SCHEMA} cascade`);
}

/** Rows and on-disk size (table + indexes + TOAST) of the plugin's tables. */
export async function tableSizes(knex) {
  const { rows } = await knex.raw(
    `select c.relname as table, c.reltuples::bigint as rows,
            pg_total_relation_size(c.oid) as bytes
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r' and c.relname like 'vs\\_%'
     order by bytes desc`,
  );
  return rows.map(r => ({
    table: r.table,
    rows: Number(r.rows),
    bytes: Number(r.bytes),
  }));
}
