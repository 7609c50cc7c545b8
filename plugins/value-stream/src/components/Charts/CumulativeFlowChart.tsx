import type { TimeseriesResponse } from '@valuestream/backstage-plugin-value-stream-common';
import { useMemo } from 'react';
import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartCard } from './ChartCard';
import { cfdRows } from './chartData';
import { axisColor, gridColor, seriesColor, tooltipStyle } from './palette';

/** Stacked areas per stage, Done at the bottom. */
export function CumulativeFlowChart(props: {
  series: TimeseriesResponse;
  stages: string[];
}) {
  const { series, stages } = props;
  const rows = useMemo(() => cfdRows(series, stages), [series, stages]);
  const bottomUp = [...stages].reverse();
  return (
    <ChartCard
      title="Cumulative flow"
      summary="Items per stage each day; widening bands show where work piles up."
      empty={rows.length === 0}
    >
      <ResponsiveContainer>
        <AreaChart data={rows}>
          <CartesianGrid stroke={gridColor} strokeDasharray="3 3" />
          <XAxis dataKey="label" stroke={axisColor} fontSize={11} />
          <YAxis allowDecimals={false} stroke={axisColor} fontSize={11} />
          <Tooltip contentStyle={tooltipStyle} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {bottomUp.map(stage => {
            const color = seriesColor(stages.indexOf(stage));
            return (
              <Area
                key={stage}
                type="monotone"
                dataKey={stage}
                stackId="cfd"
                stroke={color}
                fill={color}
                fillOpacity={0.6}
                isAnimationActive={false}
              />
            );
          })}
        </AreaChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
