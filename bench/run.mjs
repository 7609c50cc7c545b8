#!/usr/bin/env node
// The value-stream benchmark (issue 5, docs/benchmarks.md): `yarn bench [--items 1000,10000]
// [--db pg|sqlite|both] [--batch 1000] [--calls 50]`.
// For each database and size it starts packages/backend on a clean database, ingests generated
// events through POST /api/value-stream/events, times a raw batched insert of the same rows,
// then times the read endpoints. Prints a table and writes bench/results/<date>-<db>.json.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBackend } from './lib/backend.mjs';
import { benchEntities, generateEvents } from './lib/generate.mjs';
import {
  ingestOverHttp,
  measureReads,
  readEndpoints,
  stored,
  waitForEntityIndex,
} from './lib/phases.mjs';
import { startPgSampler } from './lib/pgSampler.mjs';
import { rawInsert } from './lib/rawInsert.mjs';
import { round, table } from './lib/stats.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const D = 86400000;
const PG = {
  host: process.env.PGHOST || '127.0.0.1',
  port: Number(process.env.PGPORT || 5432),
  user: process.env.PGUSER || 'postgres',
};
const PG_PREFIX = 'vsbench_';

const HELP = `usage: yarn bench [--items 1000,10000] [--db pg|sqlite|both] [--batch 1000] [--calls 50]
  --items   work items of the main entity, comma-separated sizes (default 1000,10000)
  --db      which database(s) (default both); PostgreSQL at ${PG.host}:${PG.port} as ${PG.user}
  --batch   events per POST /events and per raw INSERT (default 1000)
  --calls   timed calls per read endpoint (default 50)
  --no-analyze  on PostgreSQL, skip the ANALYZE after ingest (autovacuum's job, off on some servers)
  --profile on PostgreSQL, sample pg_stat_activity during ingest and each read endpoint and
            report the statements the database spent its time in (adds a little load)
  --keep    keep the last run's database (PostgreSQL vsbench_* databases, SQLite directory) to inspect`;

function parseArgs(argv) {
  const o = { items: [1000, 10000], db: 'both', batch: 1000, calls: 50 };
  for (let i = 0; i < argv.length; i++) {
    const m = argv[i].match(/^--([a-z-]+)(?:=(.*))?$/);
    if (!m || m[1] === 'help') {
      console.log(HELP);
      process.exit(m ? 0 : 2);
    }
    const flags = {
      keep: 'keep',
      'no-analyze': 'noAnalyze',
      profile: 'profile',
    };
    if (flags[m[1]]) {
      o[flags[m[1]]] = true;
      continue;
    }
    const v = m[2] ?? argv[++i];
    if (m[1] === 'items') o.items = v.split(',').map(Number);
    else if (m[1] === 'db') o.db = v;
    else if (m[1] === 'batch') o.batch = Number(v);
    else if (m[1] === 'calls') o.calls = Number(v);
    else {
      console.log(`unknown option --${m[1]}\n${HELP}`);
      process.exit(2);
    }
  }
  if (
    !['pg', 'sqlite', 'both'].includes(o.db) ||
    o.items.some(n => !(n > 0)) ||
    !(o.batch > 0 && o.batch <= 5000) ||
    !(o.calls > 0)
  ) {
    console.log(HELP);
    process.exit(2);
  }
  return o;
}

async function pgVersion() {
  const knex = require('knex')({
    client: 'pg',
    connection: { ...PG, database: 'postgres' },
  });
  try {
    return (await knex.raw('show server_version')).rows[0].server_version;
  } finally {
    await knex.destroy();
  }
}

/** Drops the databases a previous bench backend created (prefix vsbench_). */
async function dropBenchDatabases() {
  const knex = require('knex')({
    client: 'pg',
    connection: { ...PG, database: 'postgres' },
  });
  try {
    const { rows } = await knex.raw(
      'select datname from pg_database where datname like ?',
      [`${PG_PREFIX}%`],
    );
    for (const { datname } of rows)
      await knex.raw('drop database if exists ?? with (force)', [datname]);
  } finally {
    await knex.destroy();
  }
}

async function analyzePluginDatabase() {
  const knex = require('knex')({
    client: 'pg',
    connection: { ...PG, database: `${PG_PREFIX}value-stream` },
  });
  try {
    await knex.raw('analyze');
  } finally {
    await knex.destroy();
  }
}

async function pgSetting(name) {
  const knex = require('knex')({
    client: 'pg',
    connection: { ...PG, database: 'postgres' },
  });
  try {
    return (
      await knex.raw('select setting from pg_settings where name = ?', [name])
    ).rows[0]?.setting;
  } finally {
    await knex.destroy();
  }
}

function machine() {
  const sqlite = new (require('better-sqlite3'))(':memory:');
  const info = {
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model,
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    sqlite: sqlite.prepare('select sqlite_version() v').get().v,
  };
  sqlite.close();
  try {
    info.commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
  } catch {
    // not a git checkout
  }
  return info;
}

async function runOne({ kind, items, opts, log }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `vs-bench-${kind}-`));
  const anchor = Math.floor(Date.now() / D) * D; // today 00:00 UTC: the same events all day
  const tg = performance.now();
  const { events, mainKeys } = generateEvents({ items, anchor });
  const mainEvents = events.filter(
    e =>
      e.data.key?.startsWith('BEN-') ||
      e.repository === 'bench/main' ||
      e.data.service === 'bench-main',
  ).length;
  log(
    `  generated ${
      events.length
    } events (${mainEvents} for bench-main, ${items} items) in ${(
      (performance.now() - tg) /
      1000
    ).toFixed(1)} s`,
  );

  let database;
  if (kind === 'pg') {
    await dropBenchDatabases();
    database = { client: 'pg', connection: PG, prefix: PG_PREFIX };
  } else {
    database = { client: 'better-sqlite3', connection: { directory: dir } };
  }
  const backend = await startBackend({
    root,
    dir,
    database,
    entities: benchEntities(),
    log,
  });
  try {
    const { base, staticToken, userToken } = backend;
    const indexS = await waitForEntityIndex({ base, staticToken, anchor });
    log(`  entity index ready after ${indexS.toFixed(1)} s`);
    // With autovacuum off (as on some test servers) the planner never gets statistics for the
    // fresh tables; a default server analyzes a table once ~10 % of it changed, checked every
    // minute. The bench stands in for it: ANALYZE every 60 s during ingest and once after.
    const emulateAutovacuum =
      kind === 'pg' &&
      !opts.noAnalyze &&
      (await pgSetting('autovacuum')) === 'off';
    const analyzeTimer = emulateAutovacuum
      ? setInterval(() => analyzePluginDatabase().catch(() => {}), 60000)
      : undefined;
    const profiler =
      kind === 'pg' && opts.profile
        ? () => startPgSampler({ pg: PG, database: `${PG_PREFIX}value-stream` })
        : undefined;
    log(
      `  ingest over HTTP (${opts.batch} events per POST${
        emulateAutovacuum ? '; autovacuum is off: ANALYZE every 60 s' : ''
      })`,
    );
    const stopIngestProfile = profiler?.();
    const http = await ingestOverHttp({
      base,
      staticToken,
      events,
      batchSize: opts.batch,
      log,
    });
    clearInterval(analyzeTimer);
    if (stopIngestProfile) {
      http.dbProfile = await stopIngestProfile();
      log(`    database time by statement: ${JSON.stringify(http.dbProfile)}`);
    }
    log(
      `    accept ${http.acceptPerSecond} events/s (${http.acceptSeconds} s); end to end ${http.perSecond} events/s (${http.seconds} s)`,
    );
    if (kind === 'pg' && !opts.noAnalyze) await analyzePluginDatabase();
    const from = new Date(anchor - 90 * D).toISOString();
    const to = new Date(Date.now() + 60000).toISOString();
    const check = await stored({ base, staticToken, from, to });
    log(`  stored: ${JSON.stringify(check)}`);
    log('  raw batched insert of the same rows');
    const raw = await rawInsert({
      db: { kind, pg: PG, sqliteDir: dir },
      events,
      batchSize: opts.batch,
    });
    const ratio = http.perSecond / raw.perSecond;
    const acceptRatio = http.acceptPerSecond / raw.perSecond;
    log(
      `    ${Math.round(raw.perSecond)} events/s (${raw.seconds.toFixed(
        2,
      )} s); end-to-end ratio ${ratio.toFixed(
        3,
      )}, accept ratio ${acceptRatio.toFixed(3)}`,
    );
    log(`  reads (${opts.calls} calls each, user token)`);
    const reads = await measureReads({
      base,
      token: userToken,
      endpoints: readEndpoints({ from, to, keys: mainKeys }),
      calls: opts.calls,
      log,
      profiler,
    });
    return {
      db: kind,
      items,
      events: events.length,
      mainEntityEvents: mainEvents,
      anchor: new Date(anchor).toISOString(),
      stored: check,
      analyze:
        kind !== 'pg'
          ? 'n/a (SQLite)'
          : opts.noAnalyze
          ? 'none'
          : emulateAutovacuum
          ? 'every 60 s during ingest and after (autovacuum off)'
          : 'after ingest; autovacuum on',
      ingest: {
        http,
        raw: {
          ...raw,
          seconds: round(raw.seconds, 2),
          perSecond: round(raw.perSecond, 0),
        },
        ratio: round(ratio, 3),
        acceptRatio: round(acceptRatio, 3),
      },
      reads,
    };
  } catch (e) {
    if (!backend.alive())
      e.message += `\nthe backend exited; last lines of its log:\n${backend.logTail()}`;
    throw e;
  } finally {
    await backend.stop();
    if (opts.keep)
      log(
        `  kept the database (${
          kind === 'pg' ? `PostgreSQL ${PG_PREFIX}value-stream` : dir
        })`,
      );
    else {
      if (kind === 'pg') await dropBenchDatabases().catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

function report(runs) {
  const head = ['', ...runs.map(r => `${r.db} ${r.items / 1000}k`)];
  const rows = [head];
  rows.push(['events ingested', ...runs.map(r => r.events)]);
  rows.push(['end-to-end events/s', ...runs.map(r => r.ingest.http.perSecond)]);
  rows.push([
    'accept (to the 202) events/s',
    ...runs.map(r => r.ingest.http.acceptPerSecond),
  ]);
  rows.push(['raw insert events/s', ...runs.map(r => r.ingest.raw.perSecond)]);
  rows.push([
    'end-to-end ratio (target >= 0.08)',
    ...runs.map(r => r.ingest.ratio),
  ]);
  rows.push([
    'accept ratio (target >= 0.3)',
    ...runs.map(r => r.ingest.acceptRatio),
  ]);
  for (const ep of runs[0].reads.map(x => x.endpoint)) {
    rows.push([
      `${ep} p50/p95 ms`,
      ...runs.map(r => {
        const x = r.reads.find(y => y.endpoint === ep);
        return x ? `${x.p50} / ${x.p95}` : '';
      }),
    ]);
  }
  return table(rows);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const log = (...a) => console.log(...a);
  const kinds = opts.db === 'both' ? ['pg', 'sqlite'] : [opts.db];
  const info = machine();
  if (kinds.includes('pg')) {
    info.postgres = await pgVersion();
    info.postgresAutovacuum = await pgSetting('autovacuum');
  }
  log(`machine: ${JSON.stringify(info)}`);
  const started = Date.now();
  const runs = [];
  for (const kind of kinds) {
    const mine = [];
    for (const items of opts.items) {
      log(`\n== ${kind}, ${items} work items for bench-main ==`);
      mine.push(await runOne({ kind, items, opts, log }));
    }
    runs.push(...mine);
    const date = new Date().toISOString().slice(0, 10);
    const out = path.join(root, 'bench', 'results', `${date}-${kind}.json`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(
      out,
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: info,
          options: opts,
          runs: mine,
        },
        null,
        2,
      )}\n`,
    );
    log(`  wrote ${path.relative(root, out)}`);
  }
  log(`\n${report(runs)}`);
  log(`\ntotal ${((Date.now() - started) / 60000).toFixed(1)} min`);
}

main().then(
  () => process.exit(0),
  e => {
    console.error(`bench failed: ${String(e?.stack ?? e).slice(0, 4000)}`);
    process.exit(1);
  },
);
