import type { TimeseriesResponse } from '@valuestream/backstage-plugin-value-stream-common';
import { useMemo } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartCard } from './ChartCard';
import { valueRows } from './chartData';
import { axisColor, gridColor, seriesColor, tooltipStyle } from './palette';

/** Items done per week. */
export function ThroughputChart(props: { series: TimeseriesResponse }) {
  const rows = useMemo(() => valueRows(props.series), [props.series]);
  return (
    <ChartCard
      title="Throughput per week"
      summary="Items done in each week (weeks start on Monday)."
      empty={rows.length === 0}
    >
      <ResponsiveContainer>
        <BarChart data={rows}>
          <CartesianGrid stroke={gridColor} strokeDasharray="3 3" />
          <XAxis dataKey="label" stroke={axisColor} fontSize={11} />
          <YAxis allowDecimals={false} stroke={axisColor} fontSize={11} />
          <Tooltip contentStyle={tooltipStyle} />
          <Bar
            dataKey="value"
            name="Items done"
            fill={seriesColor(0)}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
