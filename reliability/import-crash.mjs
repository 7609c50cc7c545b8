#!/usr/bin/env node
// Import crash (issue 16, docs/reliability.md "Import crash"):
// `yarn reliability:import-crash [--pulls 2000] [--delay-ms 500] [--kill-at 0.4] [--keep]`.
// A fake GitHub in a child process holds one repository (PRs with commits and reviews, issues,
// default-branch commits, deployments, workflow runs) and holds every request `--delay-ms`, so
// the import takes a while. packages/backend on PostgreSQL gets `integrations.github` pointing
// at it and a catalog entity annotated `github.com/project-slug`; the import job starts when
// the entity first appears. Run 1 imports uninterrupted (the reference). Run 2 gets kill -9 of
// the backend's process group once the job has read `--kill-at` of the items, restarts on the
// same database and waits until the job is done. Then vs_events (by source, id) and every
// correlated table are compared with the reference row for row: 0 lost, 0 duplicated.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { startFake } from '../bench/lib/fakes.mjs';
import { startBackend } from './lib/backend.mjs';
import { TOKEN, log, root, tmpDir } from './lib/common.mjs';
import { PG, connect, dropPrefix, fingerprints } from './lib/pg.mjs';

/** The token the fake accepts (bench/lib/fakeCredentials.ts). */
const GITHUB_TOKEN = 'bench-token';
const REF = 'vsrel_impref_';
const CRASH = 'vsrel_impcrash_';
const USAGE = `usage: yarn reliability:import-crash [--pulls 2000] [--delay-ms 500] [--kill-at 0.4] [--keep]
  --pulls     PRs in the fake repository (2 commits and a review each); also pulls/10 issues,
              pulls/4 default-branch commits, pulls/50 deployments and pulls/10 workflow runs
  --delay-ms  the fake GitHub holds every request this long
  --kill-at   fraction of the reference run's items read when the backend is killed
  PostgreSQL at ${PG.host}:${PG.port} as ${PG.user}; databases ${REF}* and ${CRASH}* (dropped
  after unless --keep)`;

function parseArgs(argv) {
  const o = { pulls: 2000, delayMs: 500, killAt: 0.4, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const m = argv[i].match(/^--([a-z-]+)(?:=(.*))?$/);
    const name = m?.[1].replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (!m || !(name in o)) {
      log(USAGE);
      process.exit(m?.[1] === 'help' ? 0 : 2);
    }
    if (typeof o[name] === 'boolean') o[name] = true;
    else o[name] = Number(m[2] ?? argv[++i]);
    if (Number.isNaN(o[name])) {
      log(USAGE);
      process.exit(2);
    }
  }
  return o;
}

const sleep = ms => new Promise(r => setTimeout(r, ms));
const seconds = t0 => Math.round((Date.now() - t0) / 100) / 10;

const ENTITY = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'shop',
    annotations: { 'github.com/project-slug': 'acme/shop' },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-shop' },
};

/** The import job of the entity (null until it is discovered). */
async function job(knex) {
  try {
    return (
      (await knex('vs_import_jobs')
        .where({ source: 'github' })
        .first('state', 'items', 'events', 'total', 'cursor', 'error')) ?? null
    );
  } catch {
    return null; // the plugin has not migrated yet
  }
}

/** Polls the job until `done(job)`; fails on a failed job or after `timeoutMs`. */
async function waitForJob(knex, backend, done, timeoutMs, intervalMs = 100) {
  const t0 = Date.now();
  for (;;) {
    const j = await job(knex);
    if (j && done(j)) return j;
    if (j?.state === 'failed') throw new Error(`import failed: ${j.error}`);
    if (!backend.alive())
      throw new Error(`backend died:\n${backend.logTail()}`);
    if (Date.now() - t0 > timeoutMs)
      throw new Error(
        `import job not there in ${timeoutMs / 1000} s: ${JSON.stringify(j)}`,
      );
    await sleep(intervalMs);
  }
}

/** Every (source, id) of vs_events with its payload's md5, and the repeats. */
async function events(knex) {
  const { rows } = await knex.raw(
    `select source, id, md5(payload) h from vs_events`,
  );
  const repeats = (
    await knex.raw(
      `select source, id, count(*)::int n from vs_events group by 1, 2 having count(*) > 1 limit 20`,
    )
  ).rows;
  return {
    rows: rows.length,
    byKey: new Map(rows.map(r => [`${r.source}/${r.id}`, r.h])),
    repeats,
  };
}

function compareEvents(ref, run) {
  const lost = [...ref.byKey.keys()].filter(k => !run.byKey.has(k));
  const extra = [...run.byKey.keys()].filter(k => !ref.byKey.has(k));
  const changed = [...ref.byKey].filter(
    ([k, h]) => run.byKey.has(k) && run.byKey.get(k) !== h,
  );
  return {
    referenceRows: ref.rows,
    rows: run.rows,
    lost: lost.length,
    extra: extra.length,
    duplicated: run.rows - run.byKey.size + run.repeats.length,
    payloadDiffers: changed.length,
    sample: { lost: lost.slice(0, 5), extra: extra.slice(0, 5) },
  };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const size = {
    pulls: opts.pulls,
    commitsPerPull: 2,
    issues: Math.round(opts.pulls / 10),
    commits: Math.round(opts.pulls / 4),
    deployments: Math.round(opts.pulls / 50),
    runs: Math.round(opts.pulls / 10),
  };
  log(
    `import crash: fake GitHub with ${JSON.stringify(size)}, ${
      opts.delayMs
    } ms a request; kill -9 at ${opts.killAt * 100} % of the items`,
  );
  const fake = await startFake({
    root,
    kind: 'github',
    size,
    delayMs: opts.delayMs,
  });
  const dir = tmpDir('import-crash');
  const start = (name, prefix) =>
    startBackend({
      root,
      dir,
      name,
      pg: PG,
      prefix,
      token: TOKEN,
      entities: [ENTITY],
      // the generated history reaches back about 100 days
      valueStream: { import: { historyDays: 365 } },
      config: {
        integrations: {
          github: [
            { host: 'github.com', apiBaseUrl: fake.url, token: GITHUB_TOKEN },
          ],
        },
      },
      log,
    });
  await dropPrefix(REF);
  await dropPrefix(CRASH);
  const result = { options: opts, history: size, figures: {}, checks: {} };
  const refDb = connect(REF);
  const crashDb = connect(CRASH);
  let backend;
  try {
    // 1. The uninterrupted reference run.
    let ti = Date.now();
    backend = await start('reference', REF);
    const refJob = await waitForJob(
      refDb,
      backend,
      j => j.state === 'done',
      600000,
      500,
    );
    result.figures.referenceImportSeconds = seconds(ti);
    await backend.stop();
    log(
      `  reference: ${refJob.items} items, ${refJob.events} events accepted in ${result.figures.referenceImportSeconds} s`,
    );

    // 2. kill -9 at --kill-at of the items, restart, finish.
    ti = Date.now();
    backend = await start('crash-1', CRASH);
    const killAt = Math.ceil(Number(refJob.items) * opts.killAt);
    const atKill = await waitForJob(
      crashDb,
      backend,
      j => Number(j.items) >= killAt,
      600000,
    );
    // Then, for up to 3 s, wait for the worst moment: a page's events stored (vs_events holds
    // more than the job counted) before its cursor is.
    const tk = Date.now();
    let midPage = false;
    while (!midPage && Date.now() - tk < 3000) {
      const [{ n }] = await crashDb('vs_events').count({ n: '*' });
      midPage = Number(n) > Number((await job(crashDb)).events);
      if (!midPage) await sleep(10);
    }
    await backend.kill9();
    const stored = Number((await crashDb('vs_events').count({ n: '*' }))[0].n);
    const afterKill = await job(crashDb);
    result.crash = {
      killedAfterSeconds: seconds(ti),
      itemsAtKill: Number(atKill.items),
      itemsStoredAfterKill: Number(afterKill.items),
      eventsCountedAfterKill: Number(afterKill.events),
      eventsStoredAfterKill: stored,
      cursorAfterKill: afterKill.cursor,
      stateAfterKill: afterKill.state,
      killedBetweenPageEventsAndCursor: midPage,
    };
    log(
      `  kill -9 after ${result.crash.killedAfterSeconds} s: job at ${
        afterKill.items
      }/${refJob.items} items and ${
        afterKill.events
      } events counted, ${stored} events stored${
        midPage ? ' (a page stored without its cursor)' : ''
      }`,
    );
    ti = Date.now();
    backend = await start('crash-2', CRASH);
    const finished = await waitForJob(
      crashDb,
      backend,
      j => j.state === 'done',
      600000,
      500,
    );
    result.crash.resumedToDoneSeconds = seconds(ti);
    result.crash.itemsCountedInAll = Number(finished.items);
    result.crash.eventsAcceptedInAll = Number(finished.events);
    result.checks['restarted backend healthy'] = backend.alive();
    await backend.stop();
    log(
      `  restarted: done ${result.crash.resumedToDoneSeconds} s later (lease of the killed run expires first)`,
    );

    // 3. Row for row against the reference.
    const ev = compareEvents(await events(refDb), await events(crashDb));
    const [fa, fb] = [await fingerprints(refDb), await fingerprints(crashDb)];
    const tables = {
      vs_events: {
        referenceRows: ev.referenceRows,
        rows: ev.rows,
        equal: ev.lost + ev.extra + ev.duplicated + ev.payloadDiffers === 0,
      },
    };
    for (const t of Object.keys(fa))
      tables[t] = {
        referenceRows: fa[t].rows,
        rows: fb[t].rows,
        equal: fa[t].md5 === fb[t].md5,
      };
    result.events = ev;
    result.tables = tables;
    result.checks['vs_events: 0 lost'] = ev.lost === 0;
    result.checks['vs_events: 0 duplicated'] = ev.duplicated === 0;
    result.checks['vs_events: nothing the reference lacks'] = ev.extra === 0;
    result.checks['vs_events: same payloads'] = ev.payloadDiffers === 0;
    result.checks['every correlated table identical to the reference'] =
      Object.values(tables).every(t => t.equal);
    result.checks['the job was killed mid-import'] =
      result.crash.itemsStoredAfterKill < Number(refJob.items) &&
      result.crash.stateAfterKill !== 'done';
    result.figures.reference = {
      items: Number(refJob.items),
      events: Number(refJob.events),
    };
    result.figures.fakeRequestsAllThreeRuns = await fake.requests();
  } finally {
    await backend?.stop();
    await refDb.destroy();
    await crashDb.destroy();
    await fake.stop();
  }
  if (!opts.keep) {
    await dropPrefix(REF);
    await dropPrefix(CRASH);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  result.figures.totalMinutes = Math.round((Date.now() - t0) / 6000) / 10;

  log('\ntable                   reference      after crash  equal');
  for (const [t, v] of Object.entries(result.tables))
    log(
      `  ${t.padEnd(22)} ${String(v.referenceRows).padStart(9)} ${String(
        v.rows,
      ).padStart(16)}  ${v.equal ? 'yes' : 'NO'}`,
    );
  log(
    `\nvs_events: ${result.events.lost} lost, ${result.events.duplicated} duplicated, ${result.events.extra} extra`,
  );
  log('\nchecks:');
  let ok = true;
  for (const [k, v] of Object.entries(result.checks)) {
    log(`  ${v ? 'PASS' : 'FAIL'}  ${k}`);
    ok &&= v;
  }
  const out = `${root}/reliability/results/import-crash.json`;
  fs.writeFileSync(
    out,
    `${JSON.stringify(
      { date: new Date().toISOString(), ok, ...result },
      null,
      2,
    )}\n`,
  );
  execFileSync('yarn', ['prettier', '--write', out], {
    cwd: root,
    stdio: 'ignore',
  });
  log(
    `\n${
      ok ? 'PASSED' : 'FAILED'
    }; wrote reliability/results/import-crash.json`,
  );
  return ok;
}

main().then(
  ok => process.exit(ok ? 0 : 1),
  e => {
    console.error(
      `reliability:import-crash failed: ${String(e?.stack ?? e).slice(
        0,
        4000,
      )}`,
    );
    process.exit(1);
  },
);
