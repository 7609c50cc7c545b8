import type {
  MetricsResponse,
  MetricTargets,
} from '@valuestream/backstage-plugin-value-stream-common';
import { formatDuration, formatNumber, formatPercent } from '../../lib/format';

/** Which way is better for a metric; `neutral`: neither (e.g. WIP). */
export type Better = 'lower' | 'higher' | 'neutral';

/** The change of a figure against the previous period, as shown. */
export interface FigureChange {
  direction: 'up' | 'down' | 'flat';
  /** true: an improvement, false: worse, null: neutral or no change. */
  improved: boolean | null;
  /** "▲ 25%", "▼ 1.2 d", "no change", "new" (nothing to compare with). */
  text: string;
  /** For screen readers and tooltips: "up 25% on the previous period". */
  description: string;
}

/** A figure's target, as shown. */
export interface FigureTarget {
  met: boolean;
  /** "target ≤ 5d", "target ≥ 40%". */
  text: string;
}

/**
 * The change from `previous` to `current` (DESIGN §15): relative (percent) when the
 * previous value is not 0, else "new"; null when there is no current value.
 */
export function changeOf(
  current: number | null | undefined,
  previous: number | null | undefined,
  better: Better,
): FigureChange | undefined {
  if (current === null || current === undefined) return undefined;
  if (previous === null || previous === undefined)
    return {
      direction: 'flat',
      improved: null,
      text: 'new',
      description: 'nothing to compare with in the previous period',
    };
  if (current === previous)
    return {
      direction: 'flat',
      improved: null,
      text: 'no change',
      description: 'no change on the previous period',
    };
  const direction = current > previous ? 'up' : 'down';
  const improved =
    better === 'neutral'
      ? null
      : (direction === 'down') === (better === 'lower');
  const amount =
    previous === 0
      ? `${formatNumber(Math.abs(current - previous))}`
      : formatPercent(Math.abs(current - previous) / Math.abs(previous));
  return {
    direction,
    improved,
    text: `${direction === 'up' ? '▲' : '▼'} ${amount}`,
    description: `${direction} ${amount} on the previous period`,
  };
}

type Figure = {
  value: (m: MetricsResponse) => number | null | undefined;
  better: Better;
  target?: {
    key: keyof MetricTargets;
    /** Target in the figure's unit (seconds for durations). */
    scale: number;
    format: (v: number) => string;
  };
};

const days = (v: number) => formatDuration(v);
const DAY = 86_400;

/** How each metric card compares and which target it shows (by card test id). */
export const FIGURE_TRENDS: Record<string, Figure> = {
  'cycle-time-p50': {
    value: m => m.flow.cycleTime?.p50,
    better: 'lower',
    target: { key: 'cycleTimeP50Days', scale: DAY, format: days },
  },
  'cycle-time-p85': {
    value: m => m.flow.cycleTime?.p85,
    better: 'lower',
    target: { key: 'cycleTimeP85Days', scale: DAY, format: days },
  },
  'lead-time': {
    value: m => m.flow.leadTime?.p50,
    better: 'lower',
  },
  'flow-efficiency': {
    value: m => m.flow.efficiency,
    better: 'higher',
    target: { key: 'flowEfficiency', scale: 1, format: formatPercent },
  },
  throughput: {
    value: m => m.flow.throughput.perWeek,
    better: 'higher',
    target: {
      key: 'throughputPerWeek',
      scale: 1,
      format: v => `${formatNumber(v)} / week`,
    },
  },
  load: { value: m => m.flow.load, better: 'neutral' },
  'deployment-frequency': {
    value: m => m.dora.deploymentFrequency.perWeek,
    better: 'higher',
    target: {
      key: 'deploymentsPerWeek',
      scale: 1,
      format: v => `${formatNumber(v)} / week`,
    },
  },
  'lead-time-for-changes': {
    value: m => m.dora.leadTimeForChanges?.p50,
    better: 'lower',
    target: { key: 'leadTimeForChangesP50Days', scale: DAY, format: days },
  },
  'change-failure-rate': {
    value: m => m.dora.changeFailureRate.rate,
    better: 'lower',
    target: { key: 'changeFailureRate', scale: 1, format: formatPercent },
  },
  'recovery-time': {
    value: m => m.dora.recoveryTime?.p50,
    better: 'lower',
    target: { key: 'recoveryTimeP50Hours', scale: 3600, format: days },
  },
  'rework-rate': {
    value: m => m.dora.reworkRate?.rate,
    better: 'lower',
  },
};

/** The target of a figure: met when the value is on the right side of it (or equal). */
export function targetOf(
  testId: string,
  metrics: MetricsResponse,
): FigureTarget | undefined {
  const figure = FIGURE_TRENDS[testId];
  const spec = figure?.target;
  const raw = spec && metrics.targets?.[spec.key];
  if (!spec || raw === undefined) return undefined;
  const target = raw * spec.scale;
  const value = figure.value(metrics);
  const atMost = figure.better === 'lower';
  return {
    met:
      value !== null &&
      value !== undefined &&
      (atMost ? value <= target : value >= target),
    text: `target ${atMost ? '≤' : '≥'} ${spec.format(target)}`,
  };
}

/** The change of a figure against `metrics.previous`, when the read asked for it. */
export function trendOf(
  testId: string,
  metrics: MetricsResponse,
): FigureChange | undefined {
  const figure = FIGURE_TRENDS[testId];
  if (!figure || !metrics.previous) return undefined;
  return changeOf(
    figure.value(metrics),
    figure.value(metrics.previous),
    figure.better,
  );
}
