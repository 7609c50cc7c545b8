import { metrics } from '@opentelemetry/api';

/**
 * OpenTelemetry instruments of the plugin (DESIGN §10). The adopter's OpenTelemetry
 * SDK decides where they go (see README "Observability"); without an SDK they are no-ops.
 */
export function createTelemetry() {
  const meter = metrics.getMeter('value-stream');
  const ingested = meter.createCounter('vsm_events_ingested_total', {
    description:
      'Events received, by source and result (accepted, duplicate, ignored)',
  });
  const completed = meter.createCounter('vsm_items_completed_total', {
    description: 'Work items that entered a done stage',
  });
  const cycleTime = meter.createHistogram('vsm_cycle_time_seconds', {
    description: 'Cycle time of completed work items',
    unit: 's',
  });
  const wip = meter.createObservableGauge('vsm_wip_current', {
    description: 'Items currently in each stage, per entity',
  });
  const efficiency = meter.createObservableGauge('vsm_flow_efficiency', {
    description: 'Flow efficiency of the last 30 days, per entity',
  });
  return { ingested, completed, cycleTime, wip, efficiency };
}

export type Telemetry = ReturnType<typeof createTelemetry>;

/** The label value of every source and entity without a label of its own. */
export const OTHER_LABEL = 'other';
/** Entities that get a label of their own, at most; the others share {@link OTHER_LABEL}. */
export const MAX_ENTITY_LABELS = 1000;

/**
 * Bounds the label values of the instruments, so that an event's caller-chosen `source` or
 * `entityRef` cannot create new series without limit: a source keeps its name only when a
 * module registered it (or it is `events`/`cdevents`), an entity only when it is in the catalog
 * index and among the first {@link MAX_ENTITY_LABELS} seen. Everything else is `other`.
 */
export class TelemetryLabels {
  private readonly entities = new Set<string>();

  constructor(
    private readonly options: {
      knownSources: () => Iterable<string>;
      isKnownEntity: (ref: string) => boolean;
      maxEntities?: number;
    },
  ) {}

  source(source: string): string {
    for (const known of this.options.knownSources()) {
      if (known === source) return source;
    }
    return OTHER_LABEL;
  }

  entity(ref: string): string {
    if (this.entities.has(ref)) return ref;
    const max = this.options.maxEntities ?? MAX_ENTITY_LABELS;
    if (this.entities.size < max && this.options.isKnownEntity(ref)) {
      this.entities.add(ref);
      return ref;
    }
    return OTHER_LABEL;
  }
}

/**
 * Feeds the gauges from the alert pass's latest snapshots per entity: WIP per stage (entities
 * without a label of their own summed under `other`) and flow efficiency (a ratio does not
 * add up, so those entities are left out).
 */
export function observeSnapshots(
  telemetry: Telemetry,
  snapshots: ReadonlyMap<
    string,
    { wip: Record<string, number>; efficiency: number | null }
  >,
  labels: TelemetryLabels,
) {
  telemetry.wip.addCallback(result => {
    const sums = new Map<
      string,
      { entity: string; stage: string; n: number }
    >();
    for (const [ref, snap] of snapshots) {
      const entity = labels.entity(ref);
      for (const [stage, n] of Object.entries(snap.wip)) {
        const k = `${entity}\0${stage}`;
        const sum = sums.get(k) ?? { entity, stage, n: 0 };
        sum.n += n;
        sums.set(k, sum);
      }
    }
    for (const { entity, stage, n } of sums.values())
      result.observe(n, { entity, stage });
  });
  telemetry.efficiency.addCallback(result => {
    for (const [ref, snap] of snapshots) {
      const entity = labels.entity(ref);
      if (snap.efficiency !== null && entity !== OTHER_LABEL)
        result.observe(snap.efficiency, { entity });
    }
  });
}
