#!/usr/bin/env node
// History import benchmark (issue 16, docs/benchmarks.md "History import"):
// `yarn bench:import [--sizes 1000,10000]`. Per size: a fake GitHub holding one repository
// with N PRs (2 commits and an approving review each) and a fake Jira holding N issues with
// their changelogs, each in its own child process; the importer runs in a third process that
// holds nothing else (bench/lib/importRun.ts) and drains its pages. Reports wall time,
// events/s, requests per 1,000 items against the fewest the pagination allows, and peak
// memory of the importer's process. A measurement, not a CI step.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { forkTs, nextMessage, startFake } from './lib/fakes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (...a) => console.log(...a);

/** Page sizes: the importer's, and the largest the API allows. */
const PAGING = {
  // GitHub GraphQL `first` is at most 100; the importer asks 50 PRs (with their nested
  // commits, reviews and timeline) to keep a query's node count low. One request per other
  // phase (issues, default-branch commits, deployments, workflow runs), empty here.
  github: { importer: 50, api: 100, fixed: 4, unit: 'PRs' },
  // Jira Cloud's enhanced search with `expand=changelog`: the importer asks 50, Jira gives at
  // most 100 issues a page. Plus the approximate count and the statuses (read once: the
  // issues were created in a status they left, whose category the created event needs).
  jira: { importer: 50, api: 100, fixed: 2, unit: 'issues' },
};

function parseArgs(argv) {
  const o = { sizes: [1000, 10000] };
  for (let i = 0; i < argv.length; i++) {
    const m = argv[i].match(/^--([a-z-]+)(?:=(.*))?$/);
    if (m?.[1] === 'sizes') {
      o.sizes = String(m[2] ?? argv[++i])
        .split(',')
        .map(Number);
      continue;
    }
    console.log('usage: yarn bench:import [--sizes 1000,10000]');
    process.exit(m?.[1] === 'help' ? 0 : 2);
  }
  if (o.sizes.some(n => !(n > 0))) throw new Error('--sizes: positive numbers');
  return o;
}

const minimum = (kind, n, pageSize) =>
  Math.ceil(n / pageSize) + PAGING[kind].fixed;
const per1000 = (requests, n) => Math.round((requests / n) * 1000 * 10) / 10;

async function measure(kind, size) {
  const fake = await startFake({ root, kind, size });
  try {
    const child = forkTs(
      root,
      'bench/lib/importRun.ts',
      [kind, fake.url, '2020-01-01T00:00:00Z'],
      { execArgv: ['--expose-gc'] },
    );
    const t0 = performance.now();
    const result = await nextMessage(child, 'result');
    const wallSeconds = (performance.now() - t0) / 1000;
    const requests = await fake.requests();
    const total = Object.values(requests).reduce((a, b) => a + b, 0);
    const paging = PAGING[kind];
    // GitHub: the importer's client leaves 100 ms between GraphQL queries (its default, within
    // GitHub's secondary limit), so the wall time is at least that many tenths of a second.
    const graphql = Object.entries(requests)
      .filter(([k]) => k.startsWith('graphql:'))
      .reduce((a, [, v]) => a + v, 0);
    return {
      ...result,
      size,
      wallSeconds: Math.round(wallSeconds * 100) / 100,
      requests,
      requestsTotal: total,
      requestsPer1000: per1000(total, size),
      ...(kind === 'github' ? { graphqlPacingFloorSeconds: graphql / 10 } : {}),
      minimumAtImporterPageSize: minimum(kind, size, paging.importer),
      minimumAtApiMaxPageSize: minimum(kind, size, paging.api),
      minimumPer1000AtApiMax: per1000(minimum(kind, size, paging.api), size),
    };
  } finally {
    await fake.stop();
  }
}

function machine() {
  const sh = (cmd, args) => {
    try {
      return execFileSync(cmd, args, { cwd: root, encoding: 'utf8' }).trim();
    } catch {
      return undefined;
    }
  };
  return {
    nproc: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    commit: sh('git', ['rev-parse', '--short', 'HEAD']),
  };
}

function table(runs) {
  const head = [
    'source',
    'items',
    'events',
    'pages',
    'seconds',
    'cpu s',
    'events/s',
    'requests',
    'req/1k',
    'min req/1k (api max)',
    'peak rss MiB',
    'peak heap MiB',
    'heap after gc',
  ];
  const rows = runs.map(r => [
    r.kind,
    r.size,
    r.events,
    r.pages,
    r.seconds,
    r.cpuSeconds,
    r.eventsPerSecond,
    r.requestsTotal,
    r.requestsPer1000,
    r.minimumPer1000AtApiMax,
    r.memoryMiB.peakRss,
    r.memoryMiB.peakHeapUsed,
    r.memoryMiB.retainedHeapUsedAfterGc,
  ]);
  const widths = head.map((h, i) =>
    Math.max(h.length, ...rows.map(row => String(row[i]).length)),
  );
  const line = row =>
    row.map((c, i) => String(c).padStart(widths[i])).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const runs = [];
  for (const size of opts.sizes) {
    for (const kind of ['github', 'jira']) {
      log(`${kind}: ${size} ${PAGING[kind].unit}…`);
      const run = await measure(kind, size);
      log(
        `  ${run.events} events in ${run.seconds} s (${run.eventsPerSecond}/s), ${run.requestsTotal} requests, peak rss ${run.memoryMiB.peakRss} MiB, heap ${run.memoryMiB.peakHeapUsed} MiB`,
      );
      runs.push(run);
    }
  }
  log(`\n${table(runs)}`);
  const date = new Date().toISOString().slice(0, 10);
  const file = path.join(root, 'bench/results', `${date}-import.json`);
  fs.writeFileSync(
    file,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: machine(),
        options: opts,
        paging: PAGING,
        runs,
      },
      null,
      2,
    )}\n`,
  );
  execFileSync('yarn', ['prettier', '--write', file], {
    cwd: root,
    stdio: 'ignore',
  });
  log(`\nwrote ${path.relative(root, file)}`);
}

main().then(
  () => process.exit(0),
  e => {
    console.error(
      `bench:import failed: ${String(e?.stack ?? e).slice(0, 4000)}`,
    );
    process.exit(1);
  },
);
