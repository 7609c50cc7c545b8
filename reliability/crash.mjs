#!/usr/bin/env node
// Crash (issue 10, docs/reliability.md): `yarn reliability:crash [--events 100000] [--kill-at 0.4]`.
// Concurrent senders ingest into a backend on PostgreSQL; once `--kill-at` of the events are
// acknowledged the backend's process group gets SIGKILL mid-ingest. Then: every acknowledged
// event must already be stored; the backend restarts on the same databases; the senders resend
// what was not acknowledged (including the batches in flight at the kill) and, as an
// at-least-once sender would, the last acknowledged batches. The end state is checked like the
// load test, journeys against the clean sequential run.
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
import { PG, connect, dropPrefix, storedEvents } from './lib/pg.mjs';

const PREFIX = 'vsrel_crash_';
const USAGE = `usage: yarn reliability:crash [--events 100000] [--kill-at 0.4] [--batch 250] [--senders 40]
  [--seed 42] [--fresh-reference] [--keep]
  --kill-at  fraction of the events acknowledged when the backend is killed (default 0.4)
  PostgreSQL at ${PG.host}:${PG.port} as ${PG.user}; databases vsrel_crash_* (dropped after unless
  --keep) and vsrel_ref<N>_* (the sequential run, shared with reliability:load)`;

async function main() {
  const opts = parseArgs(process.argv.slice(2), USAGE, { killAt: 0.4 });
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
    `\ncrash: ${events.length} events in ${queue.length} POSTs from ${
      opts.senders
    } senders; kill -9 at ${opts.killAt * 100} % acknowledged`,
  );
  await dropPrefix(PREFIX);
  const dir = tmpDir('crash');
  const start = name =>
    startBackend({
      root,
      dir,
      name,
      pg: PG,
      prefix: PREFIX,
      token: TOKEN,
      entities,
      log,
    });
  let backend = await start('backend-1');
  const ledger = newLedger();
  const crash = {};
  let result;
  try {
    await waitForEntityIndex({
      base: backend.base,
      staticToken: TOKEN,
      anchor,
    });
    const inFlight = new Set();
    let killed = false;
    const killAt = Math.floor(events.length * opts.killAt);
    const first = backend;
    const sending = sendAll({
      queue,
      targets: [first.base],
      token: TOKEN,
      concurrency: opts.senders,
      ledger,
      inFlight,
      retries: 0,
      stopped: () => killed,
    });
    const ti = Date.now();
    while (ledger.acknowledged < killAt) {
      if (!first.alive()) throw new Error('backend died before the kill');
      await new Promise(r => setTimeout(r, 20));
    }
    const inFlightAtKill = [...inFlight].map(r => r.batch);
    killed = true;
    await first.kill9();
    crash.killedAfterSeconds = Math.round((Date.now() - ti) / 100) / 10;
    crash.acknowledgedBeforeKill = ledger.acknowledged;
    crash.acknowledgedDistinctBeforeKill = ledger.ackedKeys.size;
    crash.requestsInFlightAtKill = inFlightAtKill.length;
    const { unacked } = await sending;
    crash.batchesNotAcknowledged = unacked.length;
    log(
      `  kill -9 after ${crash.killedAfterSeconds} s: ${ledger.acknowledged} events acknowledged, ${inFlightAtKill.length} requests in flight`,
    );

    // Before the restart: what the database holds after the kill.
    const knex = connect(PREFIX);
    try {
      const stored = await storedEvents(knex);
      let lostAtKill = 0;
      for (const k of ledger.ackedKeys) if (!stored.keys.has(k)) lostAtKill++;
      let storedUnacked = 0;
      for (const k of stored.keys)
        if (!ledger.ackedKeys.has(k)) storedUnacked++;
      Object.assign(crash, {
        storedAfterKill: stored.rows,
        acknowledgedButMissingAfterKill: lostAtKill,
        storedWithoutAcknowledgement: storedUnacked,
      });
      log(
        `  after the kill: ${stored.rows} stored, ${lostAtKill} acknowledged but missing, ${storedUnacked} stored whose acknowledgement was lost (an in-flight batch committed just before the kill)`,
      );
    } finally {
      await knex.destroy();
    }

    backend = await start('backend-2');
    await waitForEntityIndex({
      base: backend.base,
      staticToken: TOKEN,
      anchor,
    });
    // Resend what was not acknowledged (the in-flight batches among them) and, like a sender
    // that is unsure how far it got, the last 5 batches acknowledged before the kill.
    const acked = queue.filter(b => !unacked.includes(b));
    const tailResend = acked.slice(-5);
    const resendQueue = [...unacked, ...tailResend];
    log(
      `  restarted; resending ${unacked.length} unacknowledged + ${tailResend.length} acknowledged batches`,
    );
    const tr = Date.now();
    const again = await sendAll({
      queue: resendQueue,
      targets: [backend.base],
      token: TOKEN,
      concurrency: opts.senders,
      ledger,
      progress: progressLogger(ledger, events.length, log),
    });
    crash.resentBatches = resendQueue.length;
    crash.resendSeconds = Math.round((Date.now() - tr) / 100) / 10;
    crash.notAcknowledgedAfterResend = again.unacked.length;
    result = await checkRun({
      prefix: PREFIX,
      events,
      ledger,
      firstTimeUnacked: crash.storedWithoutAcknowledgement,
    });
    result.crash = crash;
    result.checks['after the kill: every acknowledged event already stored'] =
      crash.acknowledgedButMissingAfterKill === 0;
    result.checks['restarted backend healthy'] = backend.alive();
    // Requests cut by the kill end without a response (status 0); no other failure is allowed.
    result.checks['only the requests cut by the kill failed'] =
      (ledger.status[0] ?? 0) <= crash.requestsInFlightAtKill &&
      Object.keys(ledger.status).every(s => s === '0' || s === '202');
    result.figures.resentBatchesInLoad = resent;
    result.figures.overlappingBatches = overlapping;
  } finally {
    await backend.stop();
  }
  if (!opts.keep) await dropPrefix(PREFIX);
  fs.rmSync(dir, { recursive: true, force: true });
  result.options = opts;
  result.figures.totalMinutes = Math.round((Date.now() - t0) / 6000) / 10;
  log(`\ncrash: ${JSON.stringify(result.crash)}`);
  return report('crash', result);
}

main().then(
  ok => process.exit(ok ? 0 : 1),
  e => {
    console.error(
      `reliability:crash failed: ${String(e?.stack ?? e).slice(0, 4000)}`,
    );
    process.exit(1);
  },
);
