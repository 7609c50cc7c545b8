#!/usr/bin/env node
// The scale run (issues 6 and 10, docs/benchmarks.md "Scale"): `yarn bench:scale
// [--entities 1000] [--items 1000] [--small 10] [--calls 30] [--no-events] [--passes 2]`.
//
// On PostgreSQL: ingests one entity's history (--items work items, ~20 events each) through
// POST /events, then grows the database by cloning that entity's stored rows in SQL (clone i
// gets its own keys, repository, component and commit shas, see lib/clone.mjs) — first to
// --small entities, then to --entities. At both sizes it times per-entity reads over a sample
// of entities, a fresh HTTP ingest, and reports the database size; at the large size it also
// times the scheduled alert pass over every entity (from the backend's log line) and checks
// that a clone's metrics equal the template's. The entities are owned by --groups teams under
// one parent group (issue 19): GET /overview and the group roll-ups are timed with the reads.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { request, sleep, startBackend } from './lib/backend.mjs';
import {
  CLONED_TABLES,
  cloneKey,
  cloneName,
  cloneSlug,
  dropTemplate,
  insertClones,
  snapshotTemplate,
  tableSizes,
} from './lib/clone.mjs';
import { benchTeam, component, generateEvents } from './lib/generate.mjs';
import { ingestOverHttp, measureReads } from './lib/phases.mjs';
import { round, table } from './lib/stats.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const D = 86400000;
const VS = '/api/value-stream';
const PG = {
  host: process.env.PGHOST || '127.0.0.1',
  port: Number(process.env.PGPORT || 5432),
  user: process.env.PGUSER || 'postgres',
};
const PREFIX = 'vsscale_';

const HELP = `usage: yarn bench:scale [--entities 1000] [--items 1000] [--small 10] [--calls 30] [--groups 100]
  --entities   entities at the large size (the template plus entities-1 clones; default 1000)
  --items      work items per entity (default 1000; about 20 events each)
  --small      entities at the small size measured first (default 10)
  --calls      timed calls per read endpoint and size, spread over up to 20 entities (default 30)
  --groups     teams owning the entities round-robin, all children of bench-org (default 100)
  --passes     scheduled alert passes to time at the large size (default 2)
  --frequency  alerts.frequencySeconds of the backend (default 60)
  --no-events  do not clone vs_events (reads and alert passes never read it; saves the time)
  --keep       keep the database (${PREFIX}value-stream) afterwards`;

function parseArgs(argv) {
  const o = {
    entities: 1000,
    items: 1000,
    small: 10,
    calls: 30,
    groups: 100,
    passes: 2,
    frequency: 60,
    events: true,
    keep: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const m = argv[i].match(/^--([a-z-]+)(?:=(.*))?$/);
    if (!m || m[1] === 'help') {
      console.log(HELP);
      process.exit(m ? 0 : 2);
    }
    if (m[1] === 'no-events') o.events = false;
    else if (m[1] === 'keep') o.keep = true;
    else if (m[1] in o) o[m[1]] = Number(m[2] ?? argv[++i]);
    else {
      console.log(`unknown option --${m[1]}\n${HELP}`);
      process.exit(2);
    }
  }
  const ints = [
    'entities',
    'items',
    'small',
    'calls',
    'groups',
    'passes',
    'frequency',
  ];
  if (
    ints.some(k => !Number.isInteger(o[k]) || o[k] < 0) ||
    o.small < 1 ||
    o.small > o.entities ||
    o.entities > 9999
  ) {
    console.log(HELP);
    process.exit(2);
  }
  return o;
}

const knexFor = database =>
  require('knex')({
    client: 'pg',
    connection: { ...PG, database },
    pool: { min: 1, max: 1 },
  });

async function dropScaleDatabases() {
  const knex = knexFor('postgres');
  try {
    const { rows } = await knex.raw(
      'select datname from pg_database where datname like ?',
      [`${PREFIX}%`],
    );
    for (const { datname } of rows)
      await knex.raw('drop database if exists ?? with (force)', [datname]);
  } finally {
    await knex.destroy();
  }
}

/** Entity i: 0 is the template (bench-main), 1… the clones. */
const entityName = i => (i === 0 ? 'bench-main' : cloneName(i));
const entityKey = i => (i === 0 ? 'BEN' : cloneKey(i));

/** Up to 20 entities spread over [0, n). */
function sampleEntities(n) {
  const k = Math.min(20, n);
  return [
    ...new Set(Array.from({ length: k }, (_, j) => Math.floor((j * n) / k))),
  ];
}

/** Team g of the --groups teams (all children of bench-org). */
const groupName = g => `bench-group-${g}`;
const groupEntity = (name, parent) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name },
  spec: { type: 'team', children: [], ...(parent ? { parent } : {}) },
});
/** Entity i's team: round-robin over the groups. */
const ownerOf = (i, groups) => `group:default/${groupName(i % groups)}`;

function endpoints({ sample, items, from, to, groups }) {
  const ent = i =>
    `${VS}/entities/component/default/${entityName(sample[i % sample.length])}`;
  return [
    { name: `overview (${groups + 1} groups)`, path: () => `${VS}/overview` },
    {
      name: 'group roll-up (one team)',
      path: i =>
        `${VS}/groups/default/${groupName(
          sample[i % sample.length] % groups,
        )}/metrics`,
    },
    {
      name: 'group roll-up (bench-org, every entity)',
      path: () => `${VS}/groups/default/bench-org/metrics`,
    },
    {
      name: 'metrics compare=previous',
      path: i => `${ent(i)}/metrics?compare=previous`,
    },
    { name: 'metrics (default 30 d)', path: i => `${ent(i)}/metrics` },
    {
      name: 'metrics (90 d)',
      path: i => `${ent(i)}/metrics?from=${from}&to=${to}`,
    },
    { name: 'timeseries wip', path: i => `${ent(i)}/timeseries?metric=wip` },
    { name: 'timeseries cfd', path: i => `${ent(i)}/timeseries?metric=cfd` },
    {
      name: 'timeseries throughput',
      path: i => `${ent(i)}/timeseries?metric=throughput`,
    },
    {
      name: 'timeseries cycle_time',
      path: i => `${ent(i)}/timeseries?metric=cycle_time`,
    },
    {
      name: 'work-items open (100)',
      path: i => `${ent(i)}/work-items?state=open&limit=100`,
    },
    { name: 'alerts open', path: i => `${ent(i)}/alerts?status=open` },
    {
      name: 'work-items/:key',
      path: i =>
        `${VS}/work-items/${entityKey(sample[i % sample.length])}-${
          1 + ((i * 7919) % items)
        }`,
    },
  ];
}

/** Items the API lists for an entity (paged). */
async function itemCount(base, token, name) {
  let n = 0;
  let cursor;
  do {
    const r = await request(
      base,
      'GET',
      `${VS}/entities/component/default/${name}/work-items?state=all&limit=1000${
        cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
      }`,
      { token },
    );
    if (r.status !== 200) throw new Error(`work-items ${name} -> ${r.status}`);
    n += r.json.items.length;
    cursor = r.json.nextCursor;
  } while (cursor);
  return n;
}

async function sizeOf(knex) {
  const tables = await tableSizes(knex);
  const total = tables.reduce((a, t) => a + t.bytes, 0);
  return { totalGiB: round(total / 2 ** 30, 2), tables };
}

/** Scheduled alert passes that started after `since` (parsed from the backend log). */
async function alertPasses({ logFile, offset, since, want, timeoutMs, log }) {
  const passRe =
    /alert pass over (\d+) (?:due )?entities took (\d+) ms \((\d+) opened, (\d+) resolved\)/;
  const passes = [];
  let pos = offset;
  const t0 = Date.now();
  while (passes.length < want && Date.now() - t0 < timeoutMs) {
    await sleep(1000);
    const buf = fs.readFileSync(logFile);
    const text = buf.subarray(pos).toString('utf8');
    pos = buf.length;
    for (const line of text.split('\n')) {
      const m = line.match(passRe);
      if (!m) continue;
      const ms = Number(m[2]);
      const pass = {
        entities: Number(m[1]),
        ms,
        opened: Number(m[3]),
        resolved: Number(m[4]),
      };
      // Only passes that began after `since`: the log line is written at the pass's end.
      const end = Date.parse(line.match(/\d{4}-\d\d-\d\dT[\d:.]+Z/)?.[0] ?? '');
      pass.startedAt = new Date(end - ms).toISOString();
      if (end - ms >= since) {
        passes.push(pass);
        log(`    alert pass: ${JSON.stringify(pass)}`);
      }
    }
  }
  return passes;
}

/**
 * An item blocked 24 h minus 20 s ago, posted to one entity: how long after its 24 h
 * threshold passes (with no further event) the item_blocked alert is listed by the API.
 */
async function blockedAlertLatency({ base, staticToken, entity, log }) {
  const key = `${entityKey(entity)}-900001`;
  const now = Date.now();
  const at = ms => new Date(ms).toISOString();
  const ev = (n, type, t, data = {}) => ({
    id: `latency-${n}`,
    source: 'jira',
    type,
    occurredAt: at(t),
    data: { key, ...data },
  });
  const crossing = now + 20_000;
  const r = await request(base, 'POST', `${VS}/events`, {
    token: staticToken,
    body: JSON.stringify([
      ev(1, 'work_item.created', now - 48 * 3_600_000, {
        title: 'latency probe',
        itemType: 'defect',
      }),
      ev(2, 'work_item.status_changed', now - 47 * 3_600_000, {
        to: 'In Progress',
      }),
      ev(3, 'work_item.blocked', crossing - 24 * 3_600_000),
    ]),
  });
  if (r.status !== 202) throw new Error(`latency probe -> ${r.status}`);
  for (;;) {
    const a = await request(
      base,
      'GET',
      `${VS}/entities/component/default/${entityName(
        entity,
      )}/alerts?status=open`,
      { token: staticToken },
    );
    if (
      a.json?.items?.some(
        x => x.rule === 'item_blocked' && x.workItemKey === key,
      )
    ) {
      const seconds = round((Date.now() - crossing) / 1000, 1);
      log(
        `  item_blocked alert listed ${seconds} s after its threshold passed`,
      );
      return { entity: entityName(entity), seconds };
    }
    if (Date.now() - crossing > 600_000) {
      log('  item_blocked alert not listed within 10 minutes');
      return { entity: entityName(entity), seconds: null };
    }
    await sleep(1000);
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const log = m =>
    console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vs-scale-'));
  const anchor = Math.floor(Date.now() / D) * D;
  const from = new Date(anchor - 90 * D).toISOString();
  const to = new Date(anchor).toISOString();
  const result = { opts, startedAt: new Date().toISOString(), phases: [] };

  const { events } = generateEvents({ items: opts.items, others: 0, anchor });
  log(`template: ${opts.items} items, ${events.length} events`);
  const late = (prefix, name) =>
    generateEvents({
      items: 500,
      others: 0,
      anchor,
      seed: 7,
      prefix,
      repository: `late/${name}`,
      service: name,
    }).events;

  const owned = (i, c) => ({
    ...c,
    spec: { ...c.spec, owner: ownerOf(i, opts.groups) },
  });
  const entities = [
    benchTeam,
    groupEntity('bench-org'),
    ...Array.from({ length: opts.groups }, (_, g) =>
      groupEntity(groupName(g), 'bench-org'),
    ),
    owned(0, component('bench-main', 'bench/main', 'BEN')),
  ];
  for (let i = 1; i < opts.entities; i++)
    entities.push(owned(i, component(cloneName(i), cloneSlug(i), cloneKey(i))));
  entities.push(component('late-a', 'late/late-a', 'LTA'));
  entities.push(component('late-b', 'late/late-b', 'LTB'));

  await dropScaleDatabases();
  const backend = await startBackend({
    root,
    dir,
    database: { client: 'pg', connection: PG, prefix: PREFIX },
    entities,
    log,
    logLevel: 'info',
    valueStream: { alerts: { frequencySeconds: opts.frequency } },
  });
  const knex = knexFor(`${PREFIX}value-stream`);
  try {
    const { base, staticToken, userToken, logFile } = backend;
    log('ingesting the template over HTTP');
    result.templateIngest = await ingestOverHttp({
      base,
      staticToken,
      events,
      batchSize: 1000,
      log,
    });
    log(`  ${result.templateIngest.perSecond} events/s`);
    for (let t0 = Date.now(); ; await sleep(2000)) {
      const n = await itemCount(base, staticToken, 'bench-main');
      if (n === opts.items) break;
      if (Date.now() - t0 > 180000)
        throw new Error(`bench-main lists ${n} items, not ${opts.items}`);
    }
    result.template = await snapshotTemplate(knex);
    log(`  template rows: ${JSON.stringify(result.template)}`);

    let have = 1;
    for (const [label, size, lateName] of [
      ['small', opts.small, 'late-a'],
      ['large', opts.entities, 'late-b'],
    ]) {
      if (label === 'large' && size === opts.small) break;
      const phase = { label, entities: size, items: size * opts.items };
      log(`${label}: ${size} entities, ${phase.items} items`);
      const tc = performance.now();
      if (size > have) {
        phase.cloneSeconds = await insertClones(knex, {
          from: have,
          to: size - 1,
          tables: opts.events
            ? CLONED_TABLES
            : CLONED_TABLES.filter(t => t !== 'vs_events'),
          log,
        });
      }
      phase.cloneTotalSeconds = round((performance.now() - tc) / 1000, 1);
      const ta = performance.now();
      // autovacuum is off on the benchmark server; a default server's autovacuum would have
      // vacuumed (insert threshold) and analyzed these tables by now.
      await knex.raw('vacuum analyze');
      phase.analyzeSeconds = round((performance.now() - ta) / 1000, 1);
      have = size;
      // Every entity due: the first pass below evaluates all of them (the full-pass figure),
      // the next ones only what came due since (the steady state).
      if (await knex.schema.hasTable('vs_alert_schedule'))
        await knex('vs_alert_schedule').delete();
      const dataReadyAt = Date.now();
      const logOffset = fs.statSync(logFile).size;
      phase.size = await sizeOf(knex);
      log(
        `  clone ${phase.cloneTotalSeconds} s, analyze ${phase.analyzeSeconds} s, ${phase.size.totalGiB} GiB`,
      );
      // Reads are timed after the first pass over every entity, not during it.
      if (opts.passes) {
        log('  waiting for the first scheduled alert pass over every entity');
        phase.alertPasses = await alertPasses({
          logFile,
          offset: logOffset,
          since: dataReadyAt,
          want: 1,
          timeoutMs: 3_600_000,
          log,
        });
      }
      const sample = sampleEntities(size);
      // Every sampled clone must be listed with the template's item count by the API.
      for (const i of sample.slice(0, 3)) {
        const n = await itemCount(base, staticToken, entityName(i));
        if (n !== opts.items)
          throw new Error(`${entityName(i)} lists ${n} items`);
      }
      phase.reads = await measureReads({
        base,
        token: userToken,
        endpoints: endpoints({
          sample,
          items: opts.items,
          from,
          to,
          groups: opts.groups,
        }),
        calls: opts.calls,
        log,
      });
      const extra = late(lateName === 'late-a' ? 'LTA' : 'LTB', lateName);
      log(`  fresh ingest: ${extra.length} events for ${lateName}`);
      phase.freshIngest = await ingestOverHttp({
        base,
        staticToken,
        events: extra,
        batchSize: 1000,
        log,
      });
      log(`  ${phase.freshIngest.perSecond} events/s`);
      if (label === 'large' || size === opts.entities) {
        const pick = sample[sample.length - 1];
        const m = async name =>
          (
            await request(
              base,
              'GET',
              `${VS}/entities/component/default/${name}/metrics?from=${from}&to=${to}`,
              {
                token: staticToken,
              },
            )
          ).json;
        const [a, b] = [await m('bench-main'), await m(entityName(pick))];
        // Equal to 12 significant digits: sums in another row order may differ in the last bits.
        const canonical = x =>
          JSON.stringify(x, (_, v) =>
            typeof v === 'number' ? Number(v.toPrecision(12)) : v,
          );
        phase.cloneMetricsEqualTemplate =
          canonical({ f: a.flow, d: a.dora }) ===
          canonical({ f: b.flow, d: b.dora });
        log(
          `  ${entityName(pick)} metrics equal the template's: ${
            phase.cloneMetricsEqualTemplate
          }`,
        );
        if (opts.passes) {
          log(`  waiting for ${opts.passes - 1} more scheduled alert passes`);
          const steadySince = Date.now();
          phase.alertPasses.push(
            ...(await alertPasses({
              logFile,
              offset: logOffset,
              since: steadySince,
              want: opts.passes - 1,
              timeoutMs: opts.passes * Math.max(opts.frequency, 60) * 1000 * 5,
              log,
            })),
          );
          phase.alertLatency = await blockedAlertLatency({
            base,
            staticToken,
            entity: sample[1] ?? 0,
            log,
          });
        }
      }
      result.phases.push(phase);
    }
    if (!opts.keep) await dropTemplate(knex);
    result.finalSize = await sizeOf(knex);
    const db = await knex.raw('select pg_database_size(current_database()) b');
    result.databaseGiB = round(Number(db.rows[0].b) / 2 ** 30, 2);
  } finally {
    await knex.destroy();
    await backend.stop();
    if (!opts.keep) await dropScaleDatabases();
  }

  const [small, large] = result.phases;
  const head = [
    'endpoint (ms)',
    `${small.entities}×${opts.items} p50 / p95`,
    ...(large
      ? [`${large.entities}×${opts.items} p50 / p95`, 'p95 ratio']
      : []),
  ];
  const rows = small.reads.map((r, i) => [
    r.endpoint,
    `${r.p50} / ${r.p95}`,
    ...(large
      ? [
          `${large.reads[i].p50} / ${large.reads[i].p95}`,
          round(large.reads[i].p95 / r.p95, 2),
        ]
      : []),
  ]);
  rows.push([
    'fresh HTTP ingest, events/s',
    small.freshIngest.perSecond,
    ...(large ? [large.freshIngest.perSecond, ''] : []),
  ]);
  console.log(table([head, ...rows]));
  // Never overwrite an earlier run's figures: -2, -3… for later runs of the same day and size.
  const stem = path.join(
    root,
    'bench/results',
    `${new Date().toISOString().slice(0, 10)}-scale-${opts.entities}x${
      opts.items
    }`,
  );
  let file = `${stem}.json`;
  for (let i = 2; fs.existsSync(file); i++) file = `${stem}-${i}.json`;
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  log(`wrote ${path.relative(root, file)}`);
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
