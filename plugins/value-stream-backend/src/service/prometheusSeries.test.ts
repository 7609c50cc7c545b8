import { metrics } from '@opentelemetry/api';
import {
  PrometheusExporter,
  PrometheusSerializer,
} from '@opentelemetry/exporter-prometheus';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { ITEM_TYPES } from '@valuestream/backstage-plugin-value-stream-common';
import { databases, startValueStream } from '../__testUtils__/testBackend';
import { SERIES, UNKNOWN_LABEL } from '../telemetry';

jest.setTimeout(120_000);

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const TEAM = 'group:default/team-pay';

/**
 * A small history relative to now (the gauges look at the last 30 days), in whole hours:
 * - PAY-1 feature: In Progress 10 d ago, In Review 9 d ago, Done 7 d ago: cycle 3 d, 1 d active,
 *   2 d wait;
 * - PAY-2 defect: In Progress 5 d ago, Done 12 h later: cycle 12 h, all active;
 * - PAY-6 feature: In Progress 45 d ago, Done 40 d ago: cycle 5 d, outside the 30 days;
 * - PAY-3 feature, In Progress; PAY-4 risk, In Review; PAY-5 feature, Backlog (not WIP);
 * - ZZZ-1 feature, of no entity: done, team "unknown".
 * Flow efficiency of team-pay over 30 days = (1 d + 12 h) / (3 d + 12 h) = 3/7.
 */
function history(now: number) {
  const t0 = Math.floor(now / HOUR) * HOUR;
  let n = 0;
  const ev = (type: string, ago: number, data: object) => ({
    id: `prom-${++n}`,
    source: 'jira',
    type,
    occurredAt: new Date(t0 - ago).toISOString(),
    data,
  });
  const item = (
    key: string,
    itemType: string,
    steps: [status: string, ago: number][],
  ) => [
    ev('work_item.created', steps[0][1], { key, title: key, itemType }),
    ...steps
      .slice(1)
      .map(([to, ago]) => ev('work_item.status_changed', ago, { key, to })),
  ];
  return [
    ...item('PAY-1', 'feature', [
      ['To Do', 10 * DAY],
      ['In Progress', 10 * DAY],
      ['In Review', 9 * DAY],
      ['Done', 7 * DAY],
    ]),
    ...item('PAY-2', 'defect', [
      ['To Do', 5 * DAY],
      ['In Progress', 5 * DAY],
      ['Done', 5 * DAY - 12 * HOUR],
    ]),
    ...item('PAY-6', 'feature', [
      ['To Do', 45 * DAY],
      ['In Progress', 45 * DAY],
      ['Done', 40 * DAY],
    ]),
    ...item('PAY-3', 'feature', [
      ['To Do', 2 * DAY],
      ['In Progress', 2 * DAY],
    ]),
    ...item('PAY-4', 'risk', [
      ['To Do', DAY],
      ['In Progress', DAY],
      ['In Review', 20 * HOUR],
    ]),
    ...item('PAY-5', 'feature', [['To Do', DAY]]),
    ...item('ZZZ-1', 'feature', [
      ['To Do', 3 * DAY],
      ['In Progress', 3 * DAY],
      ['Done', 2 * DAY],
    ]),
  ];
}

type Sample = { name: string; labels: Record<string, string>; value: number };

/** The samples of a Prometheus text exposition (enough of the format for these series). */
function parse(text: string): Sample[] {
  const out: Sample[] = [];
  for (const line of text.split('\n')) {
    const m = line.match(/^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/);
    if (!m) continue;
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g))
      labels[l[1]] = l[2];
    delete labels.otel_scope_name;
    out.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return out;
}

describe.each(databases.eachSupportedId())(
  'Prometheus series on %p',
  databaseId => {
    let vs: Awaited<ReturnType<typeof startValueStream>>;
    let exporter: PrometheusExporter;
    const scrape = async () => {
      const { resourceMetrics, errors } = await exporter.collect();
      expect(errors).toEqual([]);
      return parse(new PrometheusSerializer().serialize(resourceMetrics));
    };
    const find = (samples: Sample[], name: string) =>
      samples.filter(s => s.name === name);

    beforeAll(async () => {
      // One meter provider per database: the plugin takes its meter when it is created.
      metrics.disable();
      exporter = new PrometheusExporter({ preventServerStart: true });
      metrics.setGlobalMeterProvider(
        new MeterProvider({ readers: [exporter] }),
      );
      vs = await startValueStream(databaseId);
      const posted = await vs.post('/events', { events: history(Date.now()) });
      if (posted.status !== 202)
        throw new Error(`POST /events answered ${posted.status}`);
    });
    afterAll(async () => {
      await vs.backend.stop();
      metrics.disable();
    });

    it('counts completed items by owner team and type', async () => {
      const completed = find(await scrape(), 'vsm_items_completed_total');
      expect(
        completed.map(s => [s.labels.team, s.labels.type, s.value]).sort(),
      ).toEqual([
        [TEAM, 'defect', 1],
        [TEAM, 'feature', 2],
        [UNKNOWN_LABEL, 'feature', 1],
      ]);
    });

    it('records cycle times in day buckets by team and type', async () => {
      const samples = await scrape();
      const bucket = (type: string, le: string) =>
        find(samples, 'vsm_cycle_time_seconds_bucket').find(
          s =>
            s.labels.team === TEAM &&
            s.labels.type === type &&
            s.labels.le === le,
        )?.value;
      // Features: 3 d and 5 d; the defect: 12 h.
      expect(bucket('feature', String(2 * 86400))).toBe(0);
      expect(bucket('feature', String(3 * 86400))).toBe(1);
      expect(bucket('feature', String(5 * 86400))).toBe(2);
      expect(bucket('defect', String(4 * 3600))).toBe(0);
      expect(bucket('defect', String(86400))).toBe(1);
      const sum = find(samples, 'vsm_cycle_time_seconds_sum').find(
        s => s.labels.team === TEAM && s.labels.type === 'feature',
      );
      expect(sum?.value).toBe(8 * 86400);
    });

    it('shows WIP per team, stage and entity, queue stages left out', async () => {
      const wip = find(await scrape(), 'vsm_wip_current');
      expect(
        wip
          .map(s => [s.labels.team, s.labels.stage, s.labels.entity, s.value])
          .sort(),
      ).toEqual([
        [TEAM, 'Code Review', 'component:default/payments', 1],
        [TEAM, 'In Progress', 'component:default/payments', 1],
      ]);
    });

    it('gives the flow efficiency of the team over 30 days', async () => {
      const efficiency = find(await scrape(), 'vsm_flow_efficiency');
      expect(efficiency).toHaveLength(1);
      expect(efficiency[0].labels).toEqual({ team: TEAM });
      expect(efficiency[0].value).toBeCloseTo(3 / 7, 10);
    });

    it('labels every series with its §15 labels and bounded values only', async () => {
      const samples = await scrape();
      const seen = new Set<string>();
      const values = {
        team: new Set<string>(),
        type: new Set<string>(),
        source: new Set<string>(),
      };
      for (const s of samples) {
        const base = s.name.replace(/_(bucket|sum|count)$/, '');
        if (!(base in SERIES)) continue;
        seen.add(base);
        const expected = [
          ...SERIES[base as keyof typeof SERIES],
          ...(s.name.endsWith('_bucket') ? ['le'] : []),
        ].sort();
        expect({ name: s.name, labels: Object.keys(s.labels).sort() }).toEqual({
          name: s.name,
          labels: expected,
        });
        values.team.add(s.labels.team);
        values.type.add(s.labels.type);
        values.source.add(s.labels.source);
      }
      expect([...seen].sort()).toEqual(Object.keys(SERIES).sort());
      values.team.delete(undefined as any);
      values.type.delete(undefined as any);
      values.source.delete(undefined as any);
      expect([...values.team].sort()).toEqual([TEAM, UNKNOWN_LABEL]);
      expect([...values.type].every(t => ITEM_TYPES.includes(t as any))).toBe(
        true,
      );
      // The posted events' source (jira) has no module in this backend: "other".
      expect([...values.source]).toEqual(['other']);
    });
  },
);
