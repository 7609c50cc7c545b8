import fs from 'node:fs';
import path from 'node:path';
import { SERIES } from './telemetry';

/** The dashboards of the repository (grafana/), checked against the series of ./telemetry. */
const dir = path.resolve(__dirname, '../../../grafana');
const files = fs.readdirSync(dir).filter(f => f.endsWith('.json'));
const HISTOGRAMS = new Set(['vsm_cycle_time_seconds']);

/** The series a metric name of a query belongs to, with the labels it has. */
function seriesOf(metric: string): { base: string; labels: string[] } | null {
  const suffix = metric.match(/^(.*)_(bucket|sum|count)$/);
  if (suffix && HISTOGRAMS.has(suffix[1])) {
    const labels = [...SERIES[suffix[1] as keyof typeof SERIES]];
    return {
      base: suffix[1],
      labels: suffix[2] === 'bucket' ? [...labels, 'le'] : labels,
    };
  }
  if (metric in SERIES && !HISTOGRAMS.has(metric))
    return { base: metric, labels: [...SERIES[metric as keyof typeof SERIES]] };
  return null;
}

const targets = files.flatMap(file => {
  const d = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  return (d.panels as any[]).flatMap(p =>
    (p.targets as any[]).map(t => ({ file, panel: p.title, expr: t.expr })),
  );
});

describe('Grafana dashboards', () => {
  it('are the four of the ADR, each valid JSON with a uid and panels', () => {
    const titles = files.map(
      f => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')).title,
    );
    expect(titles.sort()).toEqual([
      'Value Stream: bottleneck analysis',
      'Value Stream: executive overview',
      'Value Stream: team flow metrics',
      'Value Stream: work-item deep dive',
    ]);
    for (const f of files) {
      const d = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
      expect(d.uid).toMatch(/^vsm-/);
      expect(d.panels.length).toBeGreaterThan(0);
      for (const p of d.panels) expect(p.targets.length).toBeGreaterThan(0);
    }
  });

  it.each(targets.map(t => [`${t.file} "${t.panel}"`, t.expr]))(
    '%s queries only series of the code, with their labels',
    (_, expr: string) => {
      const metrics = [...expr.matchAll(/\bvsm_\w+/g)].map(m => m[0]);
      expect(metrics.length).toBeGreaterThan(0);
      const known = metrics.map(seriesOf);
      expect(
        metrics.filter((_m, i) => known[i] === null).map(m => `unknown ${m}`),
      ).toEqual([]);
      const allowed = new Set(known.flatMap(k => k!.labels));
      const used = [
        // label matchers: {team=~"$team", type="x"}
        ...[...expr.matchAll(/\{([^}]*)\}/g)].flatMap(m =>
          [...m[1].matchAll(/(\w+)\s*(?:=~|!~|!=|=)/g)].map(l => l[1]),
        ),
        // grouping: by (le, team)
        ...[...expr.matchAll(/\bby\s*\(([^)]*)\)/g)].flatMap(m =>
          m[1].split(',').map(l => l.trim()),
        ),
      ];
      expect(used.filter(l => !allowed.has(l))).toEqual([]);
    },
  );

  it('draws every series of the code somewhere', () => {
    const drawn = new Set(
      targets.flatMap(t =>
        [...t.expr.matchAll(/\bvsm_\w+/g)].map(m => seriesOf(m[0])?.base),
      ),
    );
    expect([...drawn].sort()).toEqual(Object.keys(SERIES).sort());
  });

  it('fills the team and type variables from labels the series have', () => {
    for (const f of files) {
      const d = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
      for (const v of d.templating.list.filter(
        (x: any) => x.type === 'query',
      )) {
        const m = v.query.query.match(/^label_values\((\w+), (\w+)\)$/);
        expect(m).not.toBeNull();
        expect(seriesOf(m[1])?.labels).toContain(m[2]);
      }
    }
  });
});
