import {
  ITEM_TYPES,
  type MetricsResponse,
  type TimeseriesResponse,
} from '@valuestream/backstage-plugin-value-stream-common';
import { formatShortDate } from '../../lib/format';

type Row = Record<string, number | string>;

/**
 * CFD bands to stack: the API gives, per stage, the items in that stage *or a
 * later one*; a stage's band is that minus the next stage's figure.
 */
export function cfdRows(series: TimeseriesResponse, stages: string[]): Row[] {
  return series.points.map(point => {
    const cumulative = 'stages' in point ? point.stages : {};
    const row: Row = { label: formatShortDate(point.t) };
    stages.forEach((stage, i) => {
      const here = cumulative[stage] ?? 0;
      const next = i + 1 < stages.length ? cumulative[stages[i + 1]] ?? 0 : 0;
      row[stage] = Math.max(0, here - next);
    });
    return row;
  });
}

/** `{ label, value }` rows of a `wip` or `throughput` series. */
export function valueRows(series: TimeseriesResponse): Row[] {
  return series.points.map(point => ({
    label: formatShortDate(point.t),
    value: 'value' in point ? point.value : 0,
  }));
}

/** The parts of the change breakdown, in the order a change goes through them. */
export const BREAKDOWN_PARTS = [
  'coding',
  'pickup',
  'review',
  'deploy',
] as const;

/**
 * Rows of a `lead_time_breakdown` series: per period, each part's mean in hours (0
 * where no change had it, so the stack still draws) and the changes counted.
 */
export function breakdownRows(series: TimeseriesResponse): Row[] {
  return series.points.flatMap(point => {
    if (!('coding' in point)) return [];
    const row: Row = { label: formatShortDate(point.t), count: point.count };
    for (const part of BREAKDOWN_PARTS)
      row[part] = Math.round(((point[part] ?? 0) / 3600) * 10) / 10;
    return [row];
  });
}

/** Cycle-time points: time done (epoch ms) against days. */
export function cycleTimePoints(
  series: TimeseriesResponse,
): { t: number; days: number; key: string }[] {
  return series.points.flatMap(point =>
    'key' in point
      ? [{ t: Date.parse(point.t), days: point.value / 86400, key: point.key }]
      : [],
  );
}

/** Share and count of each item type among items done. */
export function distributionRows(
  metrics: MetricsResponse,
): { type: string; percent: number; count: number }[] {
  const { distribution, throughput } = metrics.flow;
  if (!distribution) return [];
  return ITEM_TYPES.map(type => ({
    type,
    percent: Math.round(distribution[type] * 1000) / 10,
    count: throughput.byType[type],
  }));
}
