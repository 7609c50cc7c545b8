// The measured phases of one run against a started backend: HTTP ingest, a sanity check of
// what was stored, and read latencies.
import { request, sleep } from './backend.mjs';
import { percentile, round } from './stats.mjs';

const VS = '/api/value-stream';
const MAIN = '/entities/component/default/bench-main';

/**
 * Waits until the plugin's entity index knows the catalog entities: posts a probe item for
 * bench-svc-001 and polls until it is listed under that entity.
 */
export async function waitForEntityIndex({ base, staticToken, anchor }) {
  const probe = {
    id: 'bench-probe',
    source: 'bench',
    type: 'work_item.created',
    occurredAt: new Date(anchor - 1000).toISOString(),
    data: {
      key: 'S001-9999',
      title: 'probe',
      itemType: 'debt',
      status: 'To Do',
    },
  };
  const t0 = Date.now();
  const post = await request(base, 'POST', `${VS}/events`, {
    token: staticToken,
    body: JSON.stringify([probe]),
  });
  if (post.status !== 202)
    throw new Error(
      `probe POST /events -> ${post.status} ${post.text.slice(0, 300)}`,
    );
  for (;;) {
    const r = await request(
      base,
      'GET',
      `${VS}/entities/component/default/bench-svc-001/work-items?state=all&limit=1000`,
      { token: staticToken },
    );
    if (r.json?.items?.some(i => i.key === 'S001-9999'))
      return (Date.now() - t0) / 1000;
    if (Date.now() - t0 > 120000)
      throw new Error(
        `the entity index never resolved the probe item (last ${
          r.status
        } ${r.text.slice(0, 200)})`,
      );
    await sleep(1000);
  }
}

/** Posts `events` in batches, one request at a time; returns the ingest figures. */
export async function ingestOverHttp({
  base,
  staticToken,
  events,
  batchSize,
  log,
}) {
  const batchMs = [];
  const totals = { accepted: 0, duplicates: 0, ignored: 0 };
  const t0 = performance.now();
  let lastLog = Date.now();
  for (let i = 0; i < events.length; i += batchSize) {
    const batch = events.slice(i, i + batchSize);
    const r = await request(base, 'POST', `${VS}/events`, {
      token: staticToken,
      body: JSON.stringify(batch),
    });
    if (r.status !== 202)
      throw new Error(
        `POST /events (batch at ${i}) -> ${r.status} ${r.text.slice(0, 500)}`,
      );
    for (const k of Object.keys(totals)) totals[k] += r.json[k] ?? 0;
    batchMs.push(r.ms);
    if (Date.now() - lastLog > 15000) {
      lastLog = Date.now();
      const s = (performance.now() - t0) / 1000;
      log(
        `    ${i + batch.length}/${events.length} events, ${Math.round(
          (i + batch.length) / s,
        )} events/s`,
      );
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  // End to end: until GET /ingest/status says every accepted event is correlated.
  for (;;) {
    const s = await request(base, 'GET', `${VS}/ingest/status`, {
      token: staticToken,
    });
    if (s.status !== 200 || s.json.pending === 0) break;
    await new Promise(r => setTimeout(r, 50));
  }
  const endToEnd = (performance.now() - t0) / 1000;
  const third = Math.max(1, Math.floor(batchMs.length / 3));
  const mean = xs => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    events: events.length,
    batches: batchMs.length,
    seconds: round(endToEnd, 2),
    perSecond: round(events.length / endToEnd, 0),
    acceptSeconds: round(seconds, 2),
    acceptPerSecond: round(events.length / seconds, 0),
    ...totals,
    batchMs: {
      p50: round(percentile(batchMs, 0.5)),
      p95: round(percentile(batchMs, 0.95)),
      max: round(Math.max(...batchMs)),
      firstThirdMean: round(mean(batchMs.slice(0, third))),
      lastThirdMean: round(mean(batchMs.slice(-third))),
    },
  };
}

/** What the API says about the main entity after ingest (a check that the load landed). */
export async function stored({ base, staticToken, from, to }) {
  let open = 0;
  let all = 0;
  let cursor;
  do {
    const r = await request(
      base,
      'GET',
      `${VS}${MAIN}/work-items?state=all&limit=1000${
        cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
      }`,
      { token: staticToken },
    );
    if (r.status !== 200)
      throw new Error(`GET work-items -> ${r.status} ${r.text.slice(0, 300)}`);
    all += r.json.items.length;
    open += r.json.items.filter(i => !i.doneAt).length;
    cursor = r.json.nextCursor;
  } while (cursor);
  const m = await request(
    base,
    'GET',
    `${VS}${MAIN}/metrics?from=${from}&to=${to}`,
    { token: staticToken },
  );
  if (m.status !== 200)
    throw new Error(`GET metrics -> ${m.status} ${m.text.slice(0, 300)}`);
  const f = m.json.flow;
  const d = m.json.dora;
  return {
    items: all,
    open,
    done90d: f.throughput.total,
    load: f.load,
    cycleTimeP50Days: f.cycleTime ? round(f.cycleTime.p50 / 86400, 2) : null,
    deployments90d: d.deploymentFrequency.count,
    changeFailureRate:
      d.changeFailureRate.rate === null
        ? null
        : round(d.changeFailureRate.rate, 3),
  };
}

/** The read endpoints measured, each called `calls` times in turn (after 3 warm-up calls). */
export function readEndpoints({ from, to, keys }) {
  const ts = (metric, interval) =>
    `${VS}${MAIN}/timeseries?metric=${metric}${
      interval ? `&interval=${interval}` : ''
    }`;
  return [
    { name: 'metrics (default 30 d)', path: () => `${VS}${MAIN}/metrics` },
    {
      name: 'metrics (90 d)',
      path: () => `${VS}${MAIN}/metrics?from=${from}&to=${to}`,
    },
    { name: 'timeseries wip', path: () => ts('wip') },
    { name: 'timeseries cfd', path: () => ts('cfd') },
    { name: 'timeseries throughput', path: () => ts('throughput') },
    { name: 'timeseries cycle_time', path: () => ts('cycle_time') },
    {
      name: 'work-items open (100)',
      path: () => `${VS}${MAIN}/work-items?state=open&limit=100`,
    },
    {
      name: 'work-items/:key',
      path: i =>
        `${VS}/work-items/${encodeURIComponent(
          keys[(i * 7919) % keys.length],
        )}`,
    },
    // Floors, not targets: an HTTP round trip, and the catalog read each entity read checks.
    {
      name: 'baseline: GET /health',
      path: () => `${VS}/health`,
      baseline: true,
    },
    {
      name: 'baseline: catalog entity',
      path: () => '/api/catalog/entities/by-name/component/default/bench-main',
      baseline: true,
    },
  ];
}

export async function measureReads({
  base,
  token,
  endpoints,
  calls,
  log,
  profiler,
}) {
  const out = [];
  for (const ep of endpoints) {
    for (let i = 0; i < 3; i++)
      await request(base, 'GET', ep.path(i), { token });
    const ms = [];
    const stopProfile = ep.baseline ? undefined : profiler?.();
    for (let i = 0; i < calls; i++) {
      const r = await request(base, 'GET', ep.path(i), { token });
      if (r.status !== 200)
        throw new Error(
          `GET ${ep.path(i)} -> ${r.status} ${r.text.slice(0, 300)}`,
        );
      ms.push(r.ms);
    }
    const row = {
      endpoint: ep.name,
      calls,
      p50: round(percentile(ms, 0.5)),
      p95: round(percentile(ms, 0.95)),
      max: round(Math.max(...ms)),
      ...(ep.baseline ? { baseline: true } : {}),
    };
    if (stopProfile) row.dbProfile = await stopProfile(3);
    log(
      `    ${row.endpoint}: p50 ${row.p50} ms, p95 ${row.p95} ms${
        row.dbProfile ? ` ${JSON.stringify(row.dbProfile)}` : ''
      }`,
    );
    out.push(row);
  }
  return out;
}
