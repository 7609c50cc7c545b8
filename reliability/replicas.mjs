#!/usr/bin/env node
// Two replicas (issue 10, docs/reliability.md): `yarn reliability:replicas [--events 100000]
// [--observe 60]`. Two backends on the same PostgreSQL databases, alert evaluation every 10 s;
// half the senders post to each. Checks the stored events and journeys like the load test, that
// the global `value-stream-alerts` task ran once per interval across both replicas (watched in
// the scheduler's table, each run attributed to a replica by the PostgreSQL connection that ran
// its queries), and that no alert or notification is duplicated.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { benchEntities } from '../bench/lib/generate.mjs';
import { waitForEntityIndex } from '../bench/lib/phases.mjs';
import { startBackend } from './lib/backend.mjs';
import {
  TOKEN,
  anchorDay,
  checkRun,
  ensureReference,
  log,
  parseArgs,
  report,
  root,
  tmpDir,
} from './lib/common.mjs';
import {
  makeEvents,
  newLedger,
  progressLogger,
  sendAll,
  shuffledWithRepeats,
} from './lib/ingest.mjs';
import { PG, connect, dropPrefix } from './lib/pg.mjs';

const PREFIX = 'vsrel_rep_';
const FREQUENCY = 10;
const USAGE = `usage: yarn reliability:replicas [--events 100000] [--observe 60] [--batch 250] [--senders 40]
  [--seed 42] [--fresh-reference] [--keep]
  --observe  seconds to keep watching the alert task after the ingest (default 60)
  PostgreSQL at ${PG.host}:${PG.port} as ${PG.user}; databases vsrel_rep_* (dropped after unless
  --keep) and vsrel_ref<N>_* (the sequential run, shared with reliability:load)`;

/** Local TCP port -> pid of the process holding it (connections to PostgreSQL). */
function portOwners() {
  const out = new Map();
  try {
    const text = execFileSync('ss', ['-tnpH', `dport = :${PG.port}`], {
      encoding: 'utf8',
    });
    for (const line of text.split('\n')) {
      const port = line.match(/\S+:(\d+)\s+\S+:\d+\s/)?.[1];
      const pid = line.match(/pid=(\d+)/)?.[1];
      if (port && pid) out.set(Number(port), Number(pid));
    }
  } catch {
    // no ss: runs are counted but not attributed
  }
  return out;
}

/**
 * Polls the scheduler's row of the alert task every 200 ms. A run is a ticket claimed in the
 * row; while a ticket is held, the active queries on the plugin database tell which replica's
 * connection is doing the work.
 */
function watchAlertTask({ replicas }) {
  const knex = connect(PREFIX);
  const runs = new Map(); // ticket -> { startedAt, seenAt, by: {replica: samples} }
  const ends = new Set();
  let firstEnd;
  let stop = false;
  let owners = new Map();
  const loop = (async () => {
    while (!stop) {
      try {
        const [row] = await knex('backstage_backend_tasks__tasks')
          .where('id', 'value-stream-alerts')
          .select(
            'current_run_ticket',
            'current_run_started_at',
            'last_run_ended_at',
          );
        if (row?.last_run_ended_at) {
          const e = new Date(row.last_run_ended_at).getTime();
          if (firstEnd === undefined) firstEnd = e;
          else if (e !== firstEnd) ends.add(e);
        }
        const ticket = row?.current_run_ticket;
        if (ticket) {
          if (!runs.has(ticket))
            runs.set(ticket, {
              startedAt: new Date(row.current_run_started_at).getTime(),
              by: {},
            });
          const { rows } = await knex.raw(
            `select client_port from pg_stat_activity
             where datname = ? and state = 'active' and pid <> pg_backend_pid()
               and query ilike '%vs_%'`,
            [`${PREFIX}value-stream`],
          );
          for (const { client_port: port } of rows) {
            if (!owners.has(port)) owners = portOwners();
            const name = replicas.find(r => r.pid === owners.get(port))?.name;
            if (name)
              runs.get(ticket).by[name] = (runs.get(ticket).by[name] ?? 0) + 1;
          }
        }
      } catch {
        // the table appears once the scheduler starts
      }
      await new Promise(r => setTimeout(r, 200));
    }
  })();
  return async () => {
    stop = true;
    await loop;
    await knex.destroy();
    return {
      runs: [...runs.values()].sort((a, b) => a.startedAt - b.startedAt),
      ends: ends.size,
    };
  };
}

async function duplicates(database, sql) {
  const knex = connect(undefined, database);
  try {
    return (await knex.raw(sql)).rows;
  } finally {
    await knex.destroy();
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2), USAGE, { observe: 60 });
  const t0 = Date.now();
  const anchor = anchorDay();
  const events = makeEvents({ count: opts.events, anchor, seed: opts.seed });
  const entities = benchEntities();
  await ensureReference({ events, opts, entities, anchor });

  const { queue, resent, overlapping } = shuffledWithRepeats(events, {
    size: opts.batch,
    seed: opts.seed,
  });
  log(
    `\nreplicas: ${events.length} events in ${queue.length} POSTs from ${opts.senders} senders, half to each replica; alerts every ${FREQUENCY} s`,
  );
  await dropPrefix(PREFIX);
  const dir = tmpDir('replicas');
  const replicas = [];
  let result;
  try {
    for (const name of ['replica-a', 'replica-b']) {
      const b = await startBackend({
        root,
        dir,
        name,
        pg: PG,
        prefix: PREFIX,
        token: TOKEN,
        entities,
        valueStream: { alerts: { frequencySeconds: FREQUENCY } },
        log,
      });
      replicas.push({ name, ...b });
    }
    for (const r of replicas)
      await waitForEntityIndex({ base: r.base, staticToken: TOKEN, anchor });
    const stopWatch = watchAlertTask({ replicas });
    const tw = Date.now();
    const ledger = newLedger();
    const ti = Date.now();
    await sendAll({
      queue,
      targets: replicas.map(r => r.base),
      token: TOKEN,
      concurrency: opts.senders,
      ledger,
      progress: progressLogger(ledger, events.length, log),
    });
    const ingestSeconds = (Date.now() - ti) / 1000;
    log(
      `  ingest done in ${ingestSeconds.toFixed(
        1,
      )} s; watching the alert task ${opts.observe} s more`,
    );
    await new Promise(r => setTimeout(r, opts.observe * 1000));
    const watched = await stopWatch();
    const window = (Date.now() - tw) / 1000;

    result = await checkRun({ prefix: PREFIX, events, ledger });
    const openAlertRepeats = await duplicates(
      `${PREFIX}value-stream`,
      `select rule, entity_ref, subject, count(*)::int n from vs_alerts
       where resolved_at is null group by 1, 2, 3 having count(*) > 1`,
    );
    const [alerts] = await duplicates(
      `${PREFIX}value-stream`,
      `select count(*)::int total, count(*) filter (where resolved_at is null)::int open from vs_alerts`,
    );
    const notificationRepeats = await duplicates(
      `${PREFIX}notifications`,
      `select "user", title, description, count(*)::int n from notification
       where topic = 'value-stream-alert' group by 1, 2, 3 having count(*) > 1`,
    ).catch(e => [{ error: String(e.message) }]);
    const gaps = watched.runs
      .slice(1)
      .map(
        (r, i) =>
          Math.round((r.startedAt - watched.runs[i].startedAt) / 100) / 10,
      );
    const byReplica = {};
    for (const r of watched.runs) {
      const names = Object.keys(r.by);
      const k =
        names.length === 1 ? names[0] : names.length ? 'both?' : 'unattributed';
      byReplica[k] = (byReplica[k] ?? 0) + 1;
    }
    const maxRuns = Math.ceil(window / FREQUENCY) + 1;
    result.alertTask = {
      windowSeconds: Math.round(window),
      frequencySeconds: FREQUENCY,
      runs: watched.runs.length,
      runEnds: watched.ends,
      expectedAtMost: maxRuns,
      secondsBetweenRunStarts: gaps,
      // Best effort: a run is put down to the replica whose connections were running queries
      // on vs_* tables while it held the ticket; during the ingest both replicas do ("both?"),
      // and a run shorter than the 200 ms poll is missed ("unattributed").
      runsByReplica: byReplica,
    };
    const [notifications] = await duplicates(
      `${PREFIX}notifications`,
      `select count(*)::int n from notification where topic = 'value-stream-alert'`,
    ).catch(() => [{ n: 'no table' }]);
    result.alerts = {
      ...alerts,
      openAlertRepeats,
      notifications: notifications.n,
      notificationRepeats,
    };
    result.figures.ingestSeconds = Math.round(ingestSeconds * 10) / 10;
    result.figures.resentBatches = resent;
    result.figures.overlappingBatches = overlapping;
    result.figures.alertTaskRuns = watched.runs.length;
    result.figures.openAlerts = alerts.open;
    Object.assign(result.checks, {
      'both replicas healthy': replicas.every(r => r.alive()),
      [`alert task ran once per ${FREQUENCY} s interval across replicas (<= ${maxRuns} runs in ${Math.round(
        window,
      )} s, >= ${Math.floor(window / FREQUENCY) - 2})`]:
        watched.runs.length <= maxRuns &&
        watched.runs.length >= Math.floor(window / FREQUENCY) - 2,
      [`no two alert runs less than ${FREQUENCY / 2} s apart`]: gaps.every(
        g => g >= FREQUENCY / 2,
      ),
      'no duplicated open alerts': openAlertRepeats.length === 0,
      'no duplicated notifications': notificationRepeats.length === 0,
    });
    log(`\nalert task: ${JSON.stringify(result.alertTask)}`);
    log(`alerts: ${JSON.stringify(result.alerts)}`);
  } finally {
    for (const r of replicas) await r.stop();
  }
  if (!opts.keep) await dropPrefix(PREFIX);
  fs.rmSync(dir, { recursive: true, force: true });
  result.options = opts;
  result.figures.totalMinutes = Math.round((Date.now() - t0) / 6000) / 10;
  return report('replicas', result);
}

main().then(
  ok => process.exit(ok ? 0 : 1),
  e => {
    console.error(
      `reliability:replicas failed: ${String(e?.stack ?? e).slice(0, 4000)}`,
    );
    process.exit(1);
  },
);
