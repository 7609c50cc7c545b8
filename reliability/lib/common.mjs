// What the three scripts share: options, the clean sequential reference run, and the checks
// of a finished run against the senders' ledger and the reference.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitForEntityIndex } from '../../bench/lib/phases.mjs';
import { startBackend } from './backend.mjs';
import {
  PROBE_KEY,
  inOrder,
  itemKeys,
  keyOf,
  newLedger,
  sendAll,
  progressLogger,
} from './ingest.mjs';
import {
  PG,
  compareJourneys,
  connect,
  databaseExists,
  dropPrefix,
  storedEvents,
} from './pg.mjs';

export const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
const D = 86400000;
/** The reference databases of a run of `n` events. */
export const refPrefix = n => `vsrel_ref${n}_`;
export const TOKEN = 'reliability-static-token';
export const log = (...a) => console.log(...a);

/** --events N --batch N --senders N --seed N --fresh-reference --keep, plus `extra` flags. */
export function parseArgs(argv, usage, extra = {}) {
  const o = {
    events: 100000,
    batch: 250,
    senders: 40,
    seed: 42,
    freshReference: false,
    keep: false,
    ...extra,
  };
  for (let i = 0; i < argv.length; i++) {
    const m = argv[i].match(/^--([a-z-]+)(?:=(.*))?$/);
    const name = m?.[1].replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (!m || !(name in o)) {
      console.log(usage);
      process.exit(m?.[1] === 'help' ? 0 : 2);
    }
    if (typeof o[name] === 'boolean') o[name] = true;
    else o[name] = Number(m[2] ?? argv[++i]);
    if (Number.isNaN(o[name])) {
      console.log(usage);
      process.exit(2);
    }
  }
  return o;
}

/** Today 00:00 UTC: the same events all day, so the reference can be reused. */
export const anchorDay = () => Math.floor(Date.now() / D) * D;

export const tmpDir = name =>
  fs.mkdtempSync(path.join(os.tmpdir(), `vs-reliability-${name}-`));

/** The committed backend code plus uncommitted edits to it: a reference is per version. */
function codeVersion() {
  const git = args =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8' });
  const dirs = ['plugins/value-stream-backend', 'plugins/value-stream-common'];
  return crypto
    .createHash('sha1')
    .update(dirs.map(d => git(['rev-parse', `HEAD:${d}`])).join(''))
    .update(git(['diff', 'HEAD', '--', ...dirs]))
    .digest('hex');
}

/**
 * The clean sequential run the others are compared with: one sender, chronological batches,
 * no repeats, on databases `vsrel_ref<N>_*`. Reused while the events, batch size and backend code
 * are the same (a marker table in its plugin database says which run it holds).
 */
export async function ensureReference({ events, opts, entities, anchor }) {
  const fingerprint = crypto
    .createHash('sha1')
    .update(JSON.stringify(events))
    .update(String(opts.batch))
    .update(codeVersion())
    .digest('hex');
  const prefix = refPrefix(events.length);
  const database = `${prefix}value-stream`;
  if (!opts.freshReference && (await databaseExists(database))) {
    const knex = connect(prefix);
    try {
      const { rows } = await knex.raw(
        `select fingerprint from vsrel_reference where fingerprint = ?`,
        [fingerprint],
      );
      if (rows.length) {
        log(`reference: reusing the sequential run in ${prefix}*`);
        return { reused: true };
      }
    } catch {
      // no marker: an unfinished reference
    } finally {
      await knex.destroy();
    }
  }
  log(`reference: sequential run of ${events.length} events (1 sender)`);
  await dropPrefix(prefix);
  const dir = tmpDir('ref');
  const backend = await startBackend({
    root,
    dir,
    name: 'reference',
    pg: PG,
    prefix,
    token: TOKEN,
    entities,
    log,
  });
  try {
    await waitForEntityIndex({
      base: backend.base,
      staticToken: TOKEN,
      anchor,
    });
    const ledger = newLedger();
    const t0 = Date.now();
    const { unacked } = await sendAll({
      queue: inOrder(events, opts.batch),
      targets: [backend.base],
      token: TOKEN,
      concurrency: 1,
      ledger,
      progress: progressLogger(ledger, events.length, log),
    });
    if (unacked.length)
      throw new Error(
        `reference run: ${
          unacked.length
        } batches not acknowledged: ${JSON.stringify(ledger.errors)}`,
      );
    const seconds = (Date.now() - t0) / 1000;
    log(
      `  ${events.length} events in ${seconds.toFixed(1)} s (${Math.round(
        events.length / seconds,
      )}/s)`,
    );
  } finally {
    await backend.stop();
  }
  const knex = connect(prefix);
  try {
    await knex.raw('create table vsrel_reference (fingerprint text)');
    await knex('vsrel_reference').insert({ fingerprint });
  } finally {
    await knex.destroy();
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return { reused: false };
}

/**
 * The figures and pass/fail checks of a run on `prefix`: every acknowledged event stored,
 * none stored twice, nothing stored that was never sent, the response counts add up, one work
 * item per distinct key, and every correlated table identical to the reference.
 * `firstTimeUnacked`: events stored before their acknowledgement was lost (crash only).
 */
export async function checkRun({
  prefix,
  events,
  ledger,
  firstTimeUnacked = 0,
}) {
  const knex = connect(prefix);
  const ref = connect(refPrefix(events.length));
  try {
    const stored = await storedEvents(knex);
    let lost = 0;
    const lostSample = [];
    for (const k of ledger.ackedKeys)
      if (!stored.keys.has(k)) {
        lost++;
        if (lostSample.length < 10) lostSample.push(k.replace('\u0000', '/'));
      }
    let phantom = 0;
    for (const k of stored.keys) if (!ledger.sentKeys.has(k)) phantom++;
    const storedEventsList = events.filter(e => stored.keys.has(keyOf(e)));
    const expectedItems = itemKeys(storedEventsList).size;
    const workItems = Number(
      (
        await knex('vs_work_items').whereNot('key', PROBE_KEY).count({ n: '*' })
      )[0].n,
    );
    const journeys = await compareJourneys(ref, knex);
    const figures = {
      eventsDistinct: events.length,
      requests: ledger.requests,
      eventsSent: ledger.eventsSent,
      status: ledger.status,
      status5xx: ledger.status5xx,
      acknowledged: ledger.acknowledged,
      acknowledgedDistinct: ledger.ackedKeys.size,
      accepted: ledger.accepted,
      duplicates: ledger.duplicates,
      ignored: ledger.ignored,
      stored: stored.rows,
      storedDistinct: stored.keys.size,
      lost,
      duplicated: stored.rows - stored.keys.size,
      storedButNeverSent: phantom,
      workItems,
      distinctItemKeys: expectedItems,
      journeyTables: journeys.tables,
    };
    const checks = {
      'no 5xx': ledger.status5xx === 0,
      'every acknowledged event stored (lost = 0)': lost === 0,
      'no event stored twice (duplicated = 0)':
        stored.rows === stored.keys.size && stored.repeats.length === 0,
      'every sent event acknowledged in the end':
        ledger.ackedKeys.size === events.length,
      'nothing stored that was not sent': phantom === 0,
      'each response: accepted + duplicates + ignored = events in the batch':
        ledger.countMismatches.length === 0,
      'accepted + ignored = distinct events stored (each counted once)':
        ledger.accepted + ledger.ignored + firstTimeUnacked ===
        stored.keys.size,
      'acknowledged = accepted + duplicates + ignored':
        ledger.acknowledged ===
        ledger.accepted + ledger.duplicates + ledger.ignored,
      'vs_work_items rows = distinct item keys': workItems === expectedItems,
      'journeys identical to the sequential run (all correlated tables)':
        journeys.mismatches.length === 0,
    };
    return {
      figures,
      checks,
      details: {
        lostSample,
        repeats: stored.repeats,
        countMismatches: ledger.countMismatches.slice(0, 5),
        errors: ledger.errors,
        journeyMismatches: journeys.mismatches,
      },
    };
  } finally {
    await knex.destroy();
    await ref.destroy();
  }
}

/** Prints the checks and writes reliability/results/<name>.json; exit code 1 on a failure. */
export function report(name, result) {
  log('\nfigures:');
  const f = { ...result.figures };
  delete f.journeyTables;
  for (const [k, v] of Object.entries(f))
    log(`  ${k.padEnd(28)} ${typeof v === 'object' ? JSON.stringify(v) : v}`);
  log('\nchecks:');
  let ok = true;
  for (const [k, v] of Object.entries(result.checks)) {
    log(`  ${v ? 'PASS' : 'FAIL'}  ${k}`);
    ok &&= v;
  }
  const d = result.details ?? {};
  if (!ok) log(`\ndetails: ${JSON.stringify(d, null, 2).slice(0, 6000)}`);
  const out = path.join(root, 'reliability', 'results', `${name}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(
    out,
    `${JSON.stringify(
      { date: new Date().toISOString(), ok, ...result },
      null,
      2,
    )}\n`,
  );
  log(`\n${ok ? 'PASSED' : 'FAILED'}; wrote ${path.relative(root, out)}`);
  return ok;
}
