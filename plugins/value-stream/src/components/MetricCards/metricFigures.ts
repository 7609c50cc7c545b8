import type {
  DoraTier,
  MetricsResponse,
} from '@valuestream/backstage-plugin-value-stream-common';
import { formatDuration, formatNumber, formatPercent } from '../../lib/format';
import {
  type FigureChange,
  type FigureTarget,
  targetOf,
  trendOf,
} from './metricTrends';

/** A metric as displayed: test id, label, formatted value. */
export interface MetricFigure {
  testId: string;
  label: string;
  value: string;
  detail?: string;
  tier?: DoraTier | null;
  /** Against `previous`, when the read asked for it (DESIGN §15). */
  change?: FigureChange;
  /** The configured target of the metric, if any. */
  target?: FigureTarget;
}

/** Adds the change against the previous period and the target, where there are some. */
function withTrend(metrics: MetricsResponse) {
  return (figure: MetricFigure): MetricFigure => {
    const change = trendOf(figure.testId, metrics);
    const target = targetOf(figure.testId, metrics);
    return {
      ...figure,
      ...(change ? { change } : {}),
      ...(target ? { target } : {}),
    };
  };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The flow and DORA figures of a metrics response, formatted: six flow figures, then five DORA ones. */
export function metricFigures(metrics: MetricsResponse): MetricFigure[] {
  const { flow, dora } = metrics;
  const cfr = dora.changeFailureRate;
  const rework = dora.reworkRate;
  const figures: MetricFigure[] = [
    {
      testId: 'cycle-time-p50',
      label: 'Cycle time (p50)',
      value: formatDuration(flow.cycleTime?.p50),
      detail: count(flow.cycleTime?.count ?? 0, 'item'),
    },
    {
      testId: 'cycle-time-p85',
      label: 'Cycle time (p85)',
      value: formatDuration(flow.cycleTime?.p85),
    },
    {
      testId: 'lead-time',
      label: 'Item lead time (p50)',
      value: formatDuration(flow.leadTime?.p50),
      detail: flow.leadTime
        ? `p85 ${formatDuration(flow.leadTime.p85)}`
        : undefined,
    },
    {
      testId: 'flow-efficiency',
      label: 'Flow efficiency',
      value: formatPercent(flow.efficiency),
      detail: 'active ÷ (active + wait)',
    },
    {
      testId: 'throughput',
      label: 'Throughput',
      value: `${formatNumber(flow.throughput.perWeek)} / week`,
      detail: `${flow.throughput.total} done in range`,
    },
    {
      testId: 'load',
      label: 'Flow load (WIP)',
      value: String(flow.load),
      detail: 'items in progress',
    },
    {
      testId: 'deployment-frequency',
      label: 'Deployment frequency',
      value: `${formatNumber(dora.deploymentFrequency.perWeek)} / week`,
      detail: count(dora.deploymentFrequency.count, 'production deployment'),
      tier: dora.deploymentFrequency.tier,
    },
    {
      testId: 'lead-time-for-changes',
      label: 'Lead time for changes (p50)',
      value: formatDuration(dora.leadTimeForChanges?.p50),
      detail: count(dora.leadTimeForChanges?.count ?? 0, 'change'),
      tier: dora.leadTimeForChanges?.tier,
    },
    {
      testId: 'change-failure-rate',
      label: 'Change failure rate',
      value: formatPercent(cfr.rate),
      detail: `${cfr.failed} of ${cfr.total} failed`,
      tier: cfr.tier,
    },
    {
      testId: 'recovery-time',
      label: 'Recovery time (p50)',
      value: formatDuration(dora.recoveryTime?.p50),
      detail: count(dora.recoveryTime?.count ?? 0, 'incident'),
      tier: dora.recoveryTime?.tier,
    },
    {
      // DORA's fifth key (2024); DORA publishes no tiers for it yet.
      testId: 'rework-rate',
      label: 'Rework rate',
      value: formatPercent(rework.rate),
      detail: `${rework.rework} of ${rework.total} deployments were rework`,
    },
  ];
  return figures.map(withTrend(metrics));
}
