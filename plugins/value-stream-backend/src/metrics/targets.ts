import type { MetricTargets } from '@valuestream/backstage-plugin-value-stream-common';

/** The target keys the metric cards know (DESIGN §15), with their allowed range. */
export const TARGET_KEYS: Record<keyof MetricTargets, { max?: number }> = {
  flowEfficiency: { max: 1 },
  cycleTimeP50Days: {},
  cycleTimeP85Days: {},
  leadTimeP85Days: {},
  throughputPerWeek: {},
  deploymentsPerWeek: {},
  leadTimeForChangesP50Days: {},
  changeFailureRate: { max: 1 },
  recoveryTimeP50Hours: {},
};

/**
 * The known, numeric targets of a profile's `targets` (stored as configured), or
 * undefined when there are none. Other keys stay in the config and are not shown.
 */
export function metricTargets(
  raw: Record<string, unknown>,
): MetricTargets | undefined {
  const out: MetricTargets = {};
  for (const key of Object.keys(TARGET_KEYS) as (keyof MetricTargets)[]) {
    const value = raw[key];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0)
      out[key] = value;
  }
  return Object.keys(out).length ? out : undefined;
}
