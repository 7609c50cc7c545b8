import { metrics, type BatchObservableCallback } from '@opentelemetry/api';
import {
  ITEM_TYPES,
  type ItemType,
} from '@valuestream/backstage-plugin-value-stream-common';
import type { EntityStageAggregate } from './database/TelemetryQueries';

const HOUR = 3600;
const DAY = 24 * HOUR;

/**
 * Bucket bounds of `vsm_cycle_time_seconds`: from an hour to a quarter, so that p50/p85 of
 * cycle times in days come out of `histogram_quantile` (the SDK's default bounds stop at 10 s).
 */
export const CYCLE_TIME_BUCKETS = [
  HOUR,
  4 * HOUR,
  DAY,
  2 * DAY,
  3 * DAY,
  5 * DAY,
  7 * DAY,
  10 * DAY,
  14 * DAY,
  21 * DAY,
  30 * DAY,
  60 * DAY,
  90 * DAY,
];

/**
 * The series of the plugin (DESIGN §15) and their labels: what the Grafana dashboards in
 * grafana/ may query (a test checks them against it). Counters get `_total` from their name;
 * the histogram adds `_bucket`, `_sum` and `_count`.
 */
export const SERIES = {
  vsm_events_ingested_total: ['source', 'result'],
  vsm_items_completed_total: ['team', 'type'],
  vsm_cycle_time_seconds: ['team', 'type'],
  vsm_wip_current: ['team', 'stage', 'entity'],
  vsm_flow_efficiency: ['team'],
} as const;

/**
 * OpenTelemetry instruments of the plugin (DESIGN §10, §15). The adopter's OpenTelemetry
 * SDK decides where they go (packages/backend/src/instrumentation.js serves them to
 * Prometheus, see docs/observability.md); without an SDK they are no-ops.
 */
export function createTelemetry() {
  const meter = metrics.getMeter('value-stream');
  const ingested = meter.createCounter('vsm_events_ingested_total', {
    description:
      'Events received, by source and result (accepted, duplicate, ignored)',
  });
  const completed = meter.createCounter('vsm_items_completed_total', {
    description: 'Work items that entered a done stage, by owner team and type',
  });
  const cycleTime = meter.createHistogram('vsm_cycle_time_seconds', {
    description:
      'Cycle time of the work items that entered a done stage, by owner team and type',
    unit: 's',
    advice: { explicitBucketBoundaries: CYCLE_TIME_BUCKETS },
  });
  const wip = meter.createObservableGauge('vsm_wip_current', {
    description:
      'Work items not done, by current stage, entity and its owner team',
  });
  const efficiency = meter.createObservableGauge('vsm_flow_efficiency', {
    description:
      'Flow efficiency (active / (active + wait)) of the items done in the last 30 days, by owner team',
  });
  return { meter, ingested, completed, cycleTime, wip, efficiency };
}

export type Telemetry = ReturnType<typeof createTelemetry>;

/** The label value of every source, entity, team, stage and type past its bound. */
export const OTHER_LABEL = 'other';
/** The team of an item without an entity, or of an entity without an owner group. */
export const UNKNOWN_LABEL = 'unknown';
/** Entities that get a label of their own, at most; the others share {@link OTHER_LABEL}. */
export const MAX_ENTITY_LABELS = 1000;
/** Teams that get a label of their own, at most. */
export const MAX_TEAM_LABELS = 200;
/** Stage names that get a label of their own, at most. */
export const MAX_STAGE_LABELS = 100;

/** The first `max` distinct values keep their name; later ones are {@link OTHER_LABEL}. */
class BoundedValues {
  private readonly seen = new Set<string>();
  constructor(private readonly max: number) {}

  value(v: string): string {
    if (this.seen.has(v)) return v;
    if (this.seen.size >= this.max) return OTHER_LABEL;
    this.seen.add(v);
    return v;
  }
}

/**
 * Bounds the label values of the instruments, so that an event's caller-chosen `source`,
 * `entityRef`, status or type cannot create new series without limit: a source keeps its name
 * only when a module registered it (or it is `events`/`cdevents`); an entity only when it is in
 * the catalog index and among the first {@link MAX_ENTITY_LABELS} seen; a team is the entity's
 * first owner of kind Group (`unknown` without one), among the first {@link MAX_TEAM_LABELS};
 * a stage among the first {@link MAX_STAGE_LABELS}; a type one of the four item types.
 * Everything else is `other`.
 */
export class TelemetryLabels {
  private readonly entities: BoundedValues;
  private readonly teams: BoundedValues;
  private readonly stages: BoundedValues;

  constructor(
    private readonly options: {
      knownSources: () => Iterable<string>;
      isKnownEntity: (ref: string) => boolean;
      /** The entity's owners (entity refs, lower case), when it is in the catalog index. */
      ownersOf?: (ref: string) => readonly string[] | undefined;
      maxEntities?: number;
      maxTeams?: number;
      maxStages?: number;
    },
  ) {
    this.entities = new BoundedValues(options.maxEntities ?? MAX_ENTITY_LABELS);
    this.teams = new BoundedValues(options.maxTeams ?? MAX_TEAM_LABELS);
    this.stages = new BoundedValues(options.maxStages ?? MAX_STAGE_LABELS);
  }

  source(source: string): string {
    for (const known of this.options.knownSources()) {
      if (known === source) return source;
    }
    return OTHER_LABEL;
  }

  entity(ref: string): string {
    if (!this.options.isKnownEntity(ref)) return OTHER_LABEL;
    return this.entities.value(ref);
  }

  /** The owner group of the entity (`group:default/team-a`), bounded. */
  team(entityRef: string | undefined): string {
    if (!entityRef) return UNKNOWN_LABEL;
    const group = this.options
      .ownersOf?.(entityRef)
      ?.find(o => o.startsWith('group:'));
    return group ? this.teams.value(group) : UNKNOWN_LABEL;
  }

  stage(stage: string): string {
    return this.stages.value(stage);
  }

  type(type: string): string {
    return ITEM_TYPES.includes(type as ItemType) ? type : OTHER_LABEL;
  }
}

/** The gauge values of one collection, from the store's aggregate (pure). */
export interface GaugeValues {
  wip: { team: string; stage: string; entity: string; value: number }[];
  efficiency: { team: string; value: number }[];
}

/**
 * WIP per (team, stage, entity) label set, entities past the bound summed under `other`; flow
 * efficiency per team over its entities' items done in the window (an item of two entities
 * of one team counts for each; teams without active or wait time are left out).
 */
export function gaugeValues(
  rows: readonly EntityStageAggregate[],
  labels: TelemetryLabels,
): GaugeValues {
  const wip = new Map<string, GaugeValues['wip'][number]>();
  const time = new Map<string, { active: number; total: number }>();
  for (const row of rows) {
    const team = labels.team(row.entityRef);
    if (row.wip > 0) {
      const entity = labels.entity(row.entityRef);
      const stage = labels.stage(row.stage);
      const k = `${team}\0${stage}\0${entity}`;
      const sum = wip.get(k) ?? { team, stage, entity, value: 0 };
      sum.value += row.wip;
      wip.set(k, sum);
    }
    const t = time.get(team) ?? { active: 0, total: 0 };
    t.active += row.activeTime;
    t.total += row.activeTime + row.waitTime;
    time.set(team, t);
  }
  return {
    wip: [...wip.values()],
    efficiency: [...time]
      .filter(([, t]) => t.total > 0)
      .map(([team, t]) => ({ team, value: t.active / t.total })),
  };
}

/** Days of items behind `vsm_flow_efficiency`. */
export const EFFICIENCY_DAYS = 30;
/** How long one read of the store serves the collections (scrapes) after it. */
export const GAUGE_CACHE_MS = 30_000;

/**
 * Feeds both gauges from one cached store read per {@link GAUGE_CACHE_MS}: scrapes in between
 * (and concurrent ones) share it; a failed read keeps the last values and is logged. Returns
 * the function that removes the callback (at shutdown, before the database closes).
 */
export function observeStore(
  telemetry: Telemetry,
  options: {
    read: (doneSince: number) => Promise<readonly EntityStageAggregate[]>;
    labels: TelemetryLabels;
    now: () => number;
    onError?: (e: unknown) => void;
    cacheMs?: number;
  },
) {
  const cacheMs = options.cacheMs ?? GAUGE_CACHE_MS;
  let last: { at: number; values: GaugeValues } | undefined;
  let pending: Promise<GaugeValues> | undefined;
  const values = async (): Promise<GaugeValues> => {
    const now = options.now();
    if (last && now - last.at < cacheMs) return last.values;
    pending ??= options
      .read(now - EFFICIENCY_DAYS * DAY * 1000)
      .then(rows => {
        last = { at: now, values: gaugeValues(rows, options.labels) };
        return last.values;
      })
      .catch(e => {
        options.onError?.(e);
        return last?.values ?? { wip: [], efficiency: [] };
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
  const observables = [telemetry.wip, telemetry.efficiency];
  const callback: BatchObservableCallback = async result => {
    const v = await values();
    for (const { value, ...attributes } of v.wip)
      result.observe(telemetry.wip, value, attributes);
    for (const { team, value } of v.efficiency)
      result.observe(telemetry.efficiency, value, { team });
  };
  telemetry.meter.addBatchObservableCallback(callback, observables);
  return () =>
    telemetry.meter.removeBatchObservableCallback(callback, observables);
}
