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
