import type { TimeseriesResponse } from '@valuestream/backstage-plugin-value-stream-common';
import { useMemo } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartCard } from './ChartCard';
import { valueRows } from './chartData';
import { axisColor, gridColor, seriesColor, tooltipStyle } from './palette';

/** Flow load (items in progress) each day. */
export function WipTrendChart(props: { series: TimeseriesResponse }) {
  const rows = useMemo(() => valueRows(props.series), [props.series]);
  return (
    <ChartCard
      title="WIP trend"
      summary="Items in progress (neither in the backlog nor done) each day."
      empty={rows.length === 0}
    >
      <ResponsiveContainer>
        <LineChart data={rows}>
          <CartesianGrid stroke={gridColor} strokeDasharray="3 3" />
          <XAxis dataKey="label" stroke={axisColor} fontSize={11} />
          <YAxis allowDecimals={false} stroke={axisColor} fontSize={11} />
          <Tooltip contentStyle={tooltipStyle} />
          <Line
            type="stepAfter"
            dataKey="value"
            name="WIP"
            stroke={seriesColor(3)}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
