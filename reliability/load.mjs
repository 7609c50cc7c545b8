#!/usr/bin/env node
// Load (issue 10, docs/reliability.md): `yarn reliability:load [--events 100000] [--senders 40]`.
// N events from concurrent senders (random batch order, some batches resent, some overlapping)
// into a backend on PostgreSQL; then counts what was acknowledged and stored and compares every
// correlated table with a clean sequential run of the same events.
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
import { PG, dropPrefix } from './lib/pg.mjs';

const PREFIX = 'vsrel_load_';
const USAGE = `usage: yarn reliability:load [--events 100000] [--batch 250] [--senders 40] [--seed 42]
  [--fresh-reference] [--keep]
  PostgreSQL at ${PG.host}:${PG.port} as ${PG.user} (PGHOST, PGPORT, PGUSER, PGPASSWORD);
  databases vsrel_load_* (dropped after, unless --keep) and vsrel_ref<N>_* (the sequential run, kept
  and reused while the events and the backend code are the same; --fresh-reference redoes it)`;

async function main() {
  const opts = parseArgs(process.argv.slice(2), USAGE);
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
    `\nload: ${events.length} events in ${queue.length} POSTs (${resent} batches resent, ${overlapping} overlapping another) from ${opts.senders} senders`,
  );
  await dropPrefix(PREFIX);
  const dir = tmpDir('load');
  const backend = await startBackend({
    root,
    dir,
    name: 'backend',
    pg: PG,
    prefix: PREFIX,
    token: TOKEN,
    entities,
    log,
  });
  let result;
  try {
    await waitForEntityIndex({
      base: backend.base,
      staticToken: TOKEN,
      anchor,
    });
    const ledger = newLedger();
    const ti = Date.now();
    await sendAll({
      queue,
      targets: [backend.base],
      token: TOKEN,
      concurrency: opts.senders,
      ledger,
      progress: progressLogger(ledger, events.length, log),
    });
    const seconds = (Date.now() - ti) / 1000;
    log(
      `  sent in ${seconds.toFixed(1)} s (${Math.round(
        ledger.eventsSent / seconds,
      )} events/s incl. repeats); backend alive: ${backend.alive()}`,
    );
    result = await checkRun({ prefix: PREFIX, events, ledger });
    result.checks['backend still healthy'] = backend.alive();
    result.figures.ingestSeconds = Math.round(seconds * 10) / 10;
    result.figures.resentBatches = resent;
    result.figures.overlappingBatches = overlapping;
  } finally {
    await backend.stop();
  }
  if (!opts.keep) await dropPrefix(PREFIX);
  fs.rmSync(dir, { recursive: true, force: true });
  result.options = opts;
  result.figures.totalMinutes = Math.round((Date.now() - t0) / 6000) / 10;
  return report('load', result);
}

main().then(
  ok => process.exit(ok ? 0 : 1),
  e => {
    console.error(
      `reliability:load failed: ${String(e?.stack ?? e).slice(0, 4000)}`,
    );
    process.exit(1);
  },
);
