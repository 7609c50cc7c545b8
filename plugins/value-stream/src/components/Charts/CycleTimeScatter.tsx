import type {
  DurationStats,
  TimeseriesResponse,
} from '@valuestream/backstage-plugin-value-stream-common';
import { useMemo } from 'react';
import {
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDuration, formatShortDate } from '../../lib/format';
import { ChartCard } from './ChartCard';
import { cycleTimePoints } from './chartData';
import { axisColor, gridColor, seriesColor, tooltipStyle } from './palette';

/** One dot per item done; dashed lines at p50 and p85. Clicking a dot opens its journey. */
export function CycleTimeScatter(props: {
  series: TimeseriesResponse;
  stats: DurationStats | null;
  onOpenItem: (key: string) => void;
}) {
  const { series, stats, onOpenItem } = props;
  const points = useMemo(() => cycleTimePoints(series), [series]);
  const summary = stats
    ? `${stats.count} items done; p50 ${formatDuration(
        stats.p50,
      )}, p85 ${formatDuration(stats.p85)}. Select a dot to see its journey.`
    : 'Cycle time of each item done in the range.';
  return (
    <ChartCard title="Cycle time" summary={summary} empty={points.length === 0}>
      <ResponsiveContainer>
        <ScatterChart>
          <CartesianGrid stroke={gridColor} strokeDasharray="3 3" />
          <XAxis
            dataKey="t"
            type="number"
            domain={['dataMin', 'dataMax']}
            tickFormatter={t => formatShortDate(new Date(t).toISOString())}
            stroke={axisColor}
            fontSize={11}
            name="Done"
          />
          <YAxis
            dataKey="days"
            unit=" d"
            stroke={axisColor}
            fontSize={11}
            name="Cycle time"
          />
          <Tooltip
            contentStyle={tooltipStyle}
            formatter={(value, name) =>
              name === 'Cycle time'
                ? formatDuration(Number(value) * 86400)
                : formatShortDate(new Date(Number(value)).toISOString())
            }
          />
          {stats && (
            <ReferenceLine
              y={stats.p50 / 86400}
              stroke={seriesColor(1)}
              strokeDasharray="6 3"
              label={{ value: 'p50', fill: axisColor, fontSize: 11 }}
            />
          )}
          {stats && (
            <ReferenceLine
              y={stats.p85 / 86400}
              stroke={seriesColor(2)}
              strokeDasharray="6 3"
              label={{ value: 'p85', fill: axisColor, fontSize: 11 }}
            />
          )}
          <Scatter
            data={points}
            fill={seriesColor(0)}
            isAnimationActive={false}
            cursor="pointer"
            onClick={(point: { key?: string; payload?: { key?: string } }) => {
              const key = point.payload?.key ?? point.key;
              if (key) onOpenItem(key);
            }}
          />
        </ScatterChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
