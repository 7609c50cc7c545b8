#!/usr/bin/env node
// Draws a Grafana dashboard of grafana/ from the Prometheus answers that
// `yarn check:prometheus --out answers.json` wrote, in Chromium, for the README's screenshot
// (where Grafana itself is not installable). Each panel sits at its gridPos; stat panels show
// the number, time series a line per series, bar gauges and pie charts bars, a table grouped to a
// matrix (team × stage) coloured cells, other tables a table. Values are formatted with the panel's unit.
//
// Usage: node scripts/render-dashboard.mjs answers.json [dashboard.json] [out.png]
//        (defaults: executive-overview.json, docs/images/grafana-dashboard.png)
// Env:   CHROMIUM_PATH (default /usr/bin/chromium)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [
  answersFile,
  dashboardName = 'executive-overview.json',
  out = path.join(root, 'docs/images/grafana-dashboard.png'),
] = process.argv.slice(2);
if (!answersFile) {
  console.error(
    'usage: node scripts/render-dashboard.mjs answers.json [dashboard.json] [out.png]',
  );
  process.exit(2);
}
const answers = JSON.parse(fs.readFileSync(answersFile, 'utf8'));
const dashboard = JSON.parse(
  fs.readFileSync(path.join(root, 'grafana', dashboardName), 'utf8'),
);

const esc = s => String(s).replace(/[&<>"]/g, c => `&#${c.charCodeAt(0)};`);
const COLORS = [
  '#73bf69',
  '#f2cc0c',
  '#8ab8ff',
  '#ff780a',
  '#f2495c',
  '#5794f2',
  '#b877d9',
  '#fade2a',
];

function format(v, unit) {
  if (!Number.isFinite(v)) return '–';
  if (unit === 'percentunit') return `${(v * 100).toFixed(1)}%`;
  if (unit === 's') {
    if (v >= 86400) return `${(v / 86400).toFixed(1)} d`;
    if (v >= 3600) return `${(v / 3600).toFixed(1)} h`;
    return `${v.toFixed(0)} s`;
  }
  return Math.abs(v) >= 100 ? v.toFixed(0) : String(+v.toPrecision(3));
}

/** `{{team}} {{stage}}` with the series' labels. */
const legend = (fmt, metric) =>
  (fmt || '').replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k) => metric[k] ?? '') ||
  Object.entries(metric)
    .filter(
      ([k]) => !['__name__', 'job', 'instance', 'otel_scope_name'].includes(k),
    )
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');

function answersOf(panel) {
  return answers.results.filter(
    r => r.file === dashboardName && r.panel === panel.title,
  );
}

function stat(panel, unit) {
  const [a] = answersOf(panel);
  const v = a?.instant?.[0] ? Number(a.instant[0].value[1]) : NaN;
  return `<div class="stat">${esc(format(v, unit))}</div>`;
}

function bars(panel, unit) {
  const rows = answersOf(panel).flatMap(a =>
    a.instant.map(s => ({
      label: legend(a.legend, s.metric),
      v: Number(s.value[1]),
    })),
  );
  const max =
    Math.max(
      ...rows.map(r => r.v).filter(Number.isFinite),
      unit === 'percentunit' ? 1 : 0,
    ) || 1;
  return rows
    .map(
      (r, i) => `<div class="bar"><span class="bl">${esc(r.label)}</span>
      <span class="bt"><span style="width:${
        (Math.max(r.v, 0) / max) * 100
      }%;background:${COLORS[i % COLORS.length]}"></span></span>
      <span class="bv">${esc(format(r.v, unit))}</span></div>`,
    )
    .join('');
}

function lines(panel, unit, w, h) {
  const series = answersOf(panel)
    .flatMap(a =>
      (a.range ?? []).map(s => ({
        label: legend(a.legend, s.metric),
        points: s.values
          .map(([t, v]) => [t, Number(v)])
          .filter(([, v]) => Number.isFinite(v)),
      })),
    )
    .filter(s => s.points.length);
  const all = series.flatMap(s => s.points);
  if (!all.length) return '<div class="empty">No data</div>';
  const [t0, t1] = [
    Math.min(...all.map(p => p[0])),
    Math.max(...all.map(p => p[0])),
  ];
  const vmax = Math.max(...all.map(p => p[1]), 0) * 1.1 || 1;
  const pad = { l: 56, r: 8, t: 8, b: 22 };
  const x = t => pad.l + ((t - t0) / (t1 - t0 || 1)) * (w - pad.l - pad.r);
  const y = v => h - pad.b - (v / vmax) * (h - pad.t - pad.b);
  const grid = [0, 0.5, 1]
    .map(
      f => `<line x1="${pad.l}" x2="${w - pad.r}" y1="${y(vmax * f)}" y2="${y(
        vmax * f,
      )}" class="g"/>
      <text x="${pad.l - 6}" y="${y(vmax * f) + 4}" text-anchor="end">${esc(
        format(vmax * f, unit),
      )}</text>`,
    )
    .join('');
  const time = t => new Date(t * 1000).toISOString().slice(11, 19);
  const axis = `<text x="${pad.l}" y="${h - 6}">${time(t0)}</text><text x="${
    w - pad.r
  }" y="${h - 6}" text-anchor="end">${time(t1)} UTC</text>`;
  const paths = series
    .map(
      (s, i) =>
        `<polyline fill="none" stroke="${
          COLORS[i % COLORS.length]
        }" stroke-width="2" points="${s.points
          .map(([t, v]) => `${x(t).toFixed(1)},${y(v).toFixed(1)}`)
          .join(' ')}"/>`,
    )
    .join('');
  const keys = series
    .map(
      (s, i) =>
        `<span><i style="background:${COLORS[i % COLORS.length]}"></i>${esc(
          s.label,
        )}</span>`,
    )
    .join('');
  return `<svg width="${w}" height="${h}">${grid}${axis}${paths}</svg><div class="keys">${keys}</div>`;
}

function heatmap(panel) {
  const cells = answersOf(panel).flatMap(a => a.instant);
  if (!cells.length || !('stage' in cells[0].metric))
    return bars(panel, 'short');
  const teams = [...new Set(cells.map(c => c.metric.team))].sort();
  const stages = [...new Set(cells.map(c => c.metric.stage))];
  const max = Math.max(...cells.map(c => Number(c.value[1])));
  const at = (t, s) =>
    cells.find(c => c.metric.team === t && c.metric.stage === s);
  return `<table class="heat"><tr><th></th>${stages
    .map(s => `<th>${esc(s)}</th>`)
    .join('')}</tr>${teams
    .map(
      t =>
        `<tr><th>${esc(t)}</th>${stages
          .map(s => {
            const v = at(t, s) ? Number(at(t, s).value[1]) : 0;
            return `<td style="background:rgba(242,73,92,${(
              0.1 +
              (0.9 * v) / max
            ).toFixed(2)})">${v || ''}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('')}</table>`;
}

function table(panel) {
  const rows = answersOf(panel).flatMap(a => a.instant);
  const keys = [...new Set(rows.flatMap(r => Object.keys(r.metric)))].filter(
    k => k !== '__name__',
  );
  return `<table class="tab"><tr>${keys
    .map(k => `<th>${esc(k)}</th>`)
    .join('')}<th>value</th></tr>${rows
    .slice(0, 12)
    .map(
      r =>
        `<tr>${keys
          .map(k => `<td>${esc(r.metric[k] ?? '')}</td>`)
          .join('')}<td>${r.value[1]}</td></tr>`,
    )
    .join('')}</table>`;
}

const COL = 1600 / 24;
const ROW = 34;
const panels = dashboard.panels
  .map(p => {
    const { x, y, w, h } = p.gridPos;
    const unit = p.fieldConfig?.defaults?.unit;
    const [pw, ph] = [w * COL - 12, h * ROW - 44];
    let body;
    if (p.type === 'stat') body = stat(p, unit);
    else if (p.type === 'timeseries') body = lines(p, unit, pw - 16, ph - 30);
    else if (p.type === 'heatmap') body = heatmap(p);
    else if (
      p.type === 'table' &&
      p.transformations?.some(t => t.id === 'groupingToMatrix')
    )
      body = heatmap(p);
    else if (p.type === 'table') body = table(p);
    else body = bars(p, unit);
    return `<section style="left:${x * COL + 6}px;top:${
      y * ROW + 6
    }px;width:${pw}px;height:${h * ROW - 12}px">
      <h2>${esc(p.title)}</h2><div class="body">${body}</div></section>`;
  })
  .join('');
const height =
  Math.max(...dashboard.panels.map(p => p.gridPos.y + p.gridPos.h)) * ROW + 12;
const html = `<!doctype html><html><head><meta charset="utf-8"><style>
body{margin:0;background:#111217;color:#ccccdc;font:13px Inter,Helvetica,Arial,sans-serif}
header{padding:12px 16px;border-bottom:1px solid #2c2d33;display:flex;gap:16px;align-items:baseline}
header h1{font-size:18px;margin:0;color:#fff;font-weight:500} header span{color:#8e8e9e}
.grid{position:relative;height:${height}px;margin:4px}
section{position:absolute;background:#181b1f;border:1px solid #2c2d33;border-radius:2px;box-sizing:border-box;padding:8px;overflow:hidden}
h2{font-size:13px;font-weight:500;margin:0 0 8px;color:#fff}
.stat{font-size:42px;font-weight:500;color:#73bf69;text-align:center;margin-top:6px}
.bar{display:flex;align-items:center;gap:8px;margin:6px 0}.bl{width:38%;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.bt{flex:1;height:18px;background:#22252b}.bt span{display:block;height:100%}.bv{width:70px;text-align:right}
svg text{fill:#8e8e9e;font-size:11px} .g{stroke:#2c2d33}
.keys span{margin-right:14px;white-space:nowrap}.keys i{display:inline-block;width:12px;height:3px;margin-right:5px;vertical-align:middle}
table{border-collapse:collapse;width:100%} td,th{padding:4px 6px;border:1px solid #2c2d33;text-align:left;font-weight:400}
.heat td{text-align:center;color:#fff} .empty{color:#8e8e9e;text-align:center;margin-top:30px}
</style></head><body><header><h1>${esc(
  dashboard.title,
)}</h1><span>Team: All · Prometheus answers of
${esc(
  new Date(answers.at * 1000).toISOString().slice(0, 16).replace('T', ' '),
)} UTC (yarn check:prometheus on the demo data)</span></header>
<div class="grid">${panels}</div></body></html>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({
    viewport: { width: 1612, height: height + 60 },
  });
  await page.setContent(html);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out, fullPage: true });
  console.log(
    `render-dashboard: ${dashboard.panels.length} panels of ${dashboardName} drawn to ${out}`,
  );
} finally {
  await browser.close();
}
