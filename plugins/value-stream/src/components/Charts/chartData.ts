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
