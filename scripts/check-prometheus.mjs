#!/usr/bin/env node
// `yarn check:prometheus`: the Grafana dashboards in grafana/ against a real Prometheus.
//
// 1. starts Debian's `prometheus` (scripts/setup.sh installs it) on loopback, scraping every 2 s
//    the OpenTelemetry Prometheus exporter of
// 2. a backend with the demo data (in-memory SQLite, as scripts/start.sh runs it, but without the
//    dev server's file watcher, so that an edit does not restart it mid-check), on free ports;
// 3. waits until the value-stream series are scraped, and a few scrapes more;
// 4. runs every dashboard query (each panel target's `expr`, template variables substituted) as
//    an instant query, and the time-series panels' as a range query too, through Prometheus's
//    HTTP API, and every `label_values(metric, label)` variable through the label API;
// 5. prints one line per query (series, first values) and fails on a query error or an empty
//    answer. Both processes are stopped at the end.
//
// Usage: yarn check:prometheus [--out results.json] [--keep]
//   --out   also writes every answer as JSON (scripts/render-dashboard.mjs draws the screenshot)
//   --keep  leaves the temporary directory (Prometheus config, data, backend log)
// Env:    PROMETHEUS (default: prometheus on PATH, else /usr/bin/prometheus)
//         CHECK_TIMEOUT_S (default 300): how long the backend may take to show its series
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outFile = args.includes('--out') ? args[args.indexOf('--out') + 1] : '';
const keep = args.includes('--keep');
const timeoutS = Number(process.env.CHECK_TIMEOUT_S ?? 300);
const SCRAPE_S = 2;

const log = msg => console.log(`check:prometheus: ${msg}`);
const sleep = ms => new Promise(r => setTimeout(r, ms));

function findPrometheus() {
  if (process.env.PROMETHEUS) return process.env.PROMETHEUS;
  try {
    return execFileSync('sh', ['-c', 'command -v prometheus'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    return '/usr/bin/prometheus';
  }
}

/** A port nobody listens on now (the OS picks it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Every panel target and template variable of the dashboards in grafana/. */
export function dashboardQueries(dir = path.join(root, 'grafana')) {
  const queries = [];
  const variables = [];
  for (const file of fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.json'))
    .sort()) {
    const dashboard = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    const panels = [];
    const walk = ps => {
      for (const p of ps ?? []) {
        panels.push(p);
        walk(p.panels);
      }
    };
    walk(dashboard.panels);
    for (const panel of panels) {
      for (const t of panel.targets ?? []) {
        if (t.expr)
          queries.push({
            file,
            panel: panel.title,
            type: panel.type,
            refId: t.refId,
            legend: t.legendFormat ?? '',
            expr: t.expr,
            range: t.range !== false && panel.type === 'timeseries',
          });
      }
    }
    for (const v of dashboard.templating?.list ?? []) {
      const q = typeof v.query === 'string' ? v.query : v.query?.query;
      if (v.type === 'query' && q)
        variables.push({ file, name: v.name, query: q });
    }
  }
  return { queries, variables };
}

/** The expression Prometheus runs: Grafana's variables replaced. */
export function substitute(expr, { rangeS }) {
  return expr
    .replaceAll('$__rate_interval', `${Math.max(4 * SCRAPE_S, 30)}s`)
    .replaceAll('$__range', `${rangeS}s`)
    .replaceAll('$__interval', `${SCRAPE_S}s`)
    .replace(/\$\{(\w+)(?::\w+)?\}|\$(\w+)/g, '.*');
}

async function promGet(base, pathAndQuery) {
  const r = await fetch(`${base}${pathAndQuery}`);
  const body = await r
    .json()
    .catch(() => ({ status: 'error', error: `HTTP ${r.status}` }));
  return body;
}

function describe(result) {
  const values = result.map(s =>
    s.value ? s.value[1] : s.values?.[s.values.length - 1]?.[1],
  );
  const nan = values.filter(v => v === 'NaN').length;
  const labels = result.map(s =>
    Object.entries(s.metric)
      .filter(
        ([k]) => k !== 'otel_scope_name' && k !== 'job' && k !== 'instance',
      )
      .map(([k, v]) => `${k}=${v}`)
      .join(','),
  );
  const first = result
    .slice(0, 3)
    .map(
      (s, i) =>
        `${labels[i] ? `{${labels[i]}} ` : ''}${(+values[i]).toPrecision(4)}`,
    )
    .join('; ');
  return { series: result.length, nan, first };
}

async function main() {
  const prometheus = findPrometheus();
  if (!fs.existsSync(prometheus)) {
    console.error(
      `check:prometheus: no prometheus binary (${prometheus}); run scripts/setup.sh`,
    );
    process.exit(1);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vsm-prometheus-'));
  const [backendPort, importPort, exporterPort, promPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const children = [];
  const stop = () => {
    for (const c of children) {
      try {
        process.kill(-c.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
  };
  process.on('SIGINT', () => {
    stop();
    process.exit(130);
  });
  let failed = 0;
  try {
    fs.writeFileSync(
      path.join(tmp, 'prometheus.yml'),
      [
        'global:',
        `  scrape_interval: ${SCRAPE_S}s`,
        `  evaluation_interval: ${SCRAPE_S}s`,
        'scrape_configs:',
        '  - job_name: value-stream',
        '    static_configs:',
        `      - targets: ['127.0.0.1:${exporterPort}']`,
        '',
      ].join('\n'),
    );
    const promLog = fs.openSync(path.join(tmp, 'prometheus.log'), 'w');
    const prom = spawn(
      prometheus,
      [
        `--config.file=${path.join(tmp, 'prometheus.yml')}`,
        `--storage.tsdb.path=${path.join(tmp, 'data')}`,
        `--web.listen-address=127.0.0.1:${promPort}`,
      ],
      { detached: true, stdio: ['ignore', promLog, promLog] },
    );
    children.push(prom);
    const promBase = `http://127.0.0.1:${promPort}`;
    const startedAt = Date.now();

    // The backend as `backstage-cli package start` runs it (same require hooks), unwatched.
    const backendLog = fs.openSync(path.join(tmp, 'backend.log'), 'w');
    const backend = spawn(
      process.execPath,
      [
        '--enable-source-maps',
        '--require',
        path.join(
          root,
          'node_modules/@backstage/cli-node/config/nodeTransform.cjs',
        ),
        '--require',
        './src/instrumentation.js',
        'src/index',
      ],
      {
        cwd: path.join(root, 'packages/backend'),
        detached: true,
        stdio: ['ignore', backendLog, backendLog],
        env: {
          ...process.env,
          NODE_ENV: 'development',
          BACKSTAGE_ENV: 'development',
          APP_CONFIG_backend_listen_host: '127.0.0.1',
          APP_CONFIG_backend_listen_port: String(backendPort),
          APP_CONFIG_backend_baseUrl: `http://127.0.0.1:${backendPort}`,
          VALUE_STREAM_DEMO_IMPORT_PORT: String(importPort),
          OTEL_EXPORTER_PROMETHEUS_HOST: '127.0.0.1',
          OTEL_EXPORTER_PROMETHEUS_PORT: String(exporterPort),
        },
      },
    );
    children.push(backend);
    log(
      `prometheus on ${promBase}, backend on 127.0.0.1:${backendPort}, exporter on 127.0.0.1:${exporterPort} (${tmp})`,
    );

    // Until the series of the plugin (gauges from the demo data, counters from its ingest) are in.
    const needed = [
      'vsm_wip_current',
      'vsm_flow_efficiency',
      'vsm_items_completed_total',
      'vsm_cycle_time_seconds_count',
    ];
    let firstSeenAt = 0;
    for (;;) {
      if (backend.exitCode !== null || prom.exitCode !== null)
        throw new Error(
          `${
            backend.exitCode !== null ? 'backend' : 'prometheus'
          } exited; see ${tmp}`,
        );
      if ((Date.now() - startedAt) / 1000 > timeoutS)
        throw new Error(
          `no value-stream series in Prometheus after ${timeoutS} s; see ${tmp}`,
        );
      const r = await promGet(
        promBase,
        `/api/v1/query?query=${encodeURIComponent(
          `count by (__name__) ({__name__=~"${needed.join('|')}"})`,
        )}`,
      ).catch(() => null);
      if (r?.status === 'success' && r.data.result.length === needed.length) {
        firstSeenAt ||= Date.now();
        // Five more scrapes: rates and increases have samples to compare.
        if (Date.now() - firstSeenAt >= 5 * SCRAPE_S * 1000) break;
      }
      await sleep(1000);
    }
    const samples = await promGet(
      promBase,
      `/api/v1/query?query=${encodeURIComponent(
        'count_over_time(up{job="value-stream"}[1h])',
      )}`,
    );
    const scrapes = samples.data?.result?.[0]?.value?.[1];
    log(
      `series scraped after ${Math.round(
        (firstSeenAt - startedAt) / 1000,
      )} s; ${scrapes} scrapes so far`,
    );

    const rangeS = Math.ceil((Date.now() - startedAt) / 1000);
    const end = Date.now() / 1000;
    const { queries, variables } = dashboardQueries();
    const results = [];
    for (const v of variables) {
      const m = v.query.match(/^label_values\(\s*([\w:]+)\s*,\s*(\w+)\s*\)$/);
      if (!m) {
        log(
          `FAIL ${v.file} $${v.name}: not label_values(metric, label): ${v.query}`,
        );
        failed++;
        continue;
      }
      const r = await promGet(
        promBase,
        `/api/v1/label/${m[2]}/values?match[]=${encodeURIComponent(m[1])}`,
      );
      const ok = r.status === 'success' && r.data.length > 0;
      if (!ok) failed++;
      log(
        `${ok ? 'ok  ' : 'FAIL'} ${v.file} $${v.name} = ${
          r.status === 'success' ? `[${r.data.join(', ')}]` : r.error
        }`,
      );
      results.push({ ...v, values: r.data ?? [] });
    }
    for (const q of queries) {
      const expr = substitute(q.expr, { rangeS });
      const instant = await promGet(
        promBase,
        `/api/v1/query?query=${encodeURIComponent(expr)}&time=${end}`,
      );
      let range;
      if (q.range)
        range = await promGet(
          promBase,
          `/api/v1/query_range?query=${encodeURIComponent(expr)}&start=${
            startedAt / 1000
          }&end=${end}&step=${SCRAPE_S}`,
        );
      const answers = [
        ['instant', instant],
        ...(range ? [['range', range]] : []),
      ];
      for (const [kind, a] of answers) {
        const empty = a.status === 'success' && a.data.result.length === 0;
        const ok = a.status === 'success' && !empty;
        if (!ok) failed++;
        const d = a.status === 'success' ? describe(a.data.result) : undefined;
        log(
          `${ok ? 'ok  ' : 'FAIL'} ${q.file} "${q.panel}" ${q.refId} ${kind}: ${
            a.status !== 'success'
              ? `error: ${a.error}`
              : empty
              ? 'empty answer'
              : `${d.series} series${d.nan ? ` (${d.nan} NaN)` : ''}: ${
                  d.first
                }`
          }`,
        );
      }
      results.push({
        ...q,
        promql: expr,
        instant: instant.data?.result ?? [],
        range: range?.data?.result,
      });
    }
    const total =
      queries.length + queries.filter(q => q.range).length + variables.length;
    log(
      `${queries.length} queries in ${
        new Set(queries.map(q => q.file)).size
      } dashboards (${
        queries.filter(q => q.range).length
      } also as range queries), ${
        variables.length
      } variables, over ${rangeS} s of data`,
    );
    if (outFile) {
      fs.writeFileSync(
        outFile,
        JSON.stringify(
          { at: end, startedAt: startedAt / 1000, results },
          null,
          1,
        ),
      );
      log(`answers written to ${outFile}`);
    }
    console.log(`${total - failed} passed, ${failed} failed`);
  } catch (e) {
    console.error(`check:prometheus: FAILED: ${e.message}`);
    failed++;
  } finally {
    stop();
    await sleep(1000);
    if (!keep && !failed) fs.rmSync(tmp, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
