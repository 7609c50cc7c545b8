import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import {
  gaugeValues,
  observeStore,
  OTHER_LABEL,
  TelemetryLabels,
  UNKNOWN_LABEL,
} from './telemetry';

describe('TelemetryLabels', () => {
  const catalog = new Set(
    Array.from({ length: 20 }, (_, i) => `component:default/svc-${i}`),
  );
  const labels = () =>
    new TelemetryLabels({
      knownSources: () => ['github', 'jira', 'events', 'cdevents'],
      isKnownEntity: ref => catalog.has(ref),
      maxEntities: 10,
    });

  it('keeps registered sources and collapses any other to "other"', () => {
    const l = labels();
    expect(l.source('github')).toBe('github');
    expect(l.source('events')).toBe('events');
    expect(l.source('cdevents')).toBe('cdevents');
    const chosen = new Set(
      Array.from({ length: 10_000 }, (_, i) => l.source(`attacker-${i}`)),
    );
    expect([...chosen]).toEqual([OTHER_LABEL]);
  });

  it('labels only catalog entities, at most maxEntities of them', () => {
    const l = labels();
    expect(l.entity('component:default/svc-0')).toBe('component:default/svc-0');
    expect(l.entity('component:default/not-in-catalog')).toBe(OTHER_LABEL);
    const values = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      values.add(l.entity(`component:default/random-${i}`));
    }
    for (const ref of catalog) values.add(l.entity(ref));
    // 10 entities of their own, and "other" for the rest.
    expect(values.size).toBe(11);
    expect(values.has(OTHER_LABEL)).toBe(true);
    // An entity that got a label keeps it.
    expect(l.entity('component:default/svc-0')).toBe('component:default/svc-0');
    expect(l.entity('component:default/svc-19')).toBe(OTHER_LABEL);
  });
});

describe('TelemetryLabels: team, stage, type', () => {
  const owners: Record<string, string[]> = {
    'component:default/a': ['group:default/team-a', 'user:default/jo'],
    'component:default/b': ['user:default/jo'],
  };
  const labels = (maxTeams?: number, maxStages?: number) =>
    new TelemetryLabels({
      knownSources: () => [],
      isKnownEntity: ref => ref in owners || ref.startsWith('component:'),
      ownersOf: ref =>
        owners[ref] ??
        (ref.startsWith('component:t-')
          ? [`group:default/${ref.slice(12)}`]
          : undefined),
      maxTeams,
      maxStages,
    });

  it('is the first owner of kind Group, else unknown', () => {
    const l = labels();
    expect(l.team('component:default/a')).toBe('group:default/team-a');
    expect(l.team('component:default/b')).toBe(UNKNOWN_LABEL);
    expect(l.team('component:default/not-indexed')).toBe(UNKNOWN_LABEL);
    expect(l.team(undefined)).toBe(UNKNOWN_LABEL);
  });

  it('keeps at most maxTeams teams and maxStages stages, the rest "other"', () => {
    const l = labels(3, 2);
    const teams = new Set(
      Array.from({ length: 50 }, (_, i) => l.team(`component:t-${i}`)),
    );
    expect([...teams]).toEqual([
      'group:default/0',
      'group:default/1',
      'group:default/2',
      OTHER_LABEL,
    ]);
    expect(l.team('component:t-1')).toBe('group:default/1');
    expect(
      new Set(['Dev', 'Review', 'QA', 'x', 'Dev'].map(s => l.stage(s))),
    ).toEqual(new Set(['Dev', 'Review', OTHER_LABEL]));
  });

  it('keeps the four item types and collapses any other', () => {
    const l = labels();
    expect(
      ['feature', 'defect', 'risk', 'debt', 'epic'].map(l.type, l),
    ).toEqual(['feature', 'defect', 'risk', 'debt', OTHER_LABEL]);
  });
});

describe('gaugeValues', () => {
  const labels = new TelemetryLabels({
    knownSources: () => [],
    isKnownEntity: ref => ref !== 'component:default/gone',
    ownersOf: ref =>
      ref === 'component:default/c' ? [] : ['group:default/team-a'],
    maxEntities: 1,
  });
  const row = (
    entityRef: string,
    stage: string,
    wip: number,
    activeTime = 0,
    waitTime = 0,
  ) => ({ entityRef, stage, wip, activeTime, waitTime });

  it('sums WIP of entities past the bound under "other" and computes efficiency per team', () => {
    const values = gaugeValues(
      [
        row('component:default/a', 'Dev', 2, 3600, 3600),
        // b is past maxEntities (1): summed with the entity not in the catalog.
        row('component:default/b', 'Dev', 1, 7200, 0),
        row('component:default/gone', 'Dev', 4),
        row('component:default/b', 'Review', 0, 0, 1800),
        // No owner group: team unknown, no time, so no efficiency.
        row('component:default/c', 'Dev', 1),
      ],
      labels,
    );
    expect(values.wip).toEqual([
      {
        team: 'group:default/team-a',
        stage: 'Dev',
        entity: 'component:default/a',
        value: 2,
      },
      {
        team: 'group:default/team-a',
        stage: 'Dev',
        entity: OTHER_LABEL,
        value: 5,
      },
      // c, past the bound too, has no owner group.
      { team: UNKNOWN_LABEL, stage: 'Dev', entity: OTHER_LABEL, value: 1 },
    ]);
    // (3600 + 7200) / (7200 + 7200 + 1800)
    expect(values.efficiency).toEqual([
      { team: 'group:default/team-a', value: 10800 / 16200 },
    ]);
  });
});

describe('observeStore', () => {
  it('reads the store once per cache period, and keeps the last values on a failure', async () => {
    const exporter = new PrometheusExporter({ preventServerStart: true });
    const meter = new MeterProvider({ readers: [exporter] }).getMeter('t');
    const telemetry = {
      meter,
      wip: meter.createObservableGauge('vsm_wip_current'),
      efficiency: meter.createObservableGauge('vsm_flow_efficiency'),
    } as any;
    let now = 1_000_000;
    const reads: number[] = [];
    let fail = false;
    const errors: unknown[] = [];
    const stop = observeStore(telemetry, {
      read: async doneSince => {
        reads.push(doneSince);
        if (fail) throw new Error('db down');
        return [
          {
            entityRef: 'component:default/a',
            stage: 'Dev',
            wip: reads.length,
            activeTime: 1,
            waitTime: 3,
          },
        ];
      },
      labels: new TelemetryLabels({
        knownSources: () => [],
        isKnownEntity: () => true,
      }),
      now: () => now,
      onError: e => errors.push(e),
      cacheMs: 1000,
    });
    const wip = async () => {
      const { resourceMetrics } = await exporter.collect();
      const m = resourceMetrics.scopeMetrics[0].metrics.find(
        x => x.descriptor.name === 'vsm_wip_current',
      );
      return m?.dataPoints.map(p => p.value);
    };
    expect(await wip()).toEqual([1]);
    now += 999;
    expect(await wip()).toEqual([1]);
    expect(reads).toEqual([1_000_000 - 30 * 86_400_000]);
    now += 1;
    expect(await wip()).toEqual([2]);
    fail = true;
    now += 1000;
    expect(await wip()).toEqual([2]);
    expect(errors).toHaveLength(1);
    expect(reads).toHaveLength(3);
    // Removed at shutdown: collections no longer read the (closing) store.
    stop();
    now += 1000;
    await wip();
    expect(reads).toHaveLength(3);
  });
});
