import type { MetricsResponse } from '@valuestream/backstage-plugin-value-stream-common';
import { useMemo } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartCard } from './ChartCard';
import { distributionRows } from './chartData';
import { axisColor, gridColor, seriesColor, tooltipStyle } from './palette';

/** Share of features, defects, risks and debt among items done. */
export function FlowDistributionChart(props: { metrics: MetricsResponse }) {
  const rows = useMemo(() => distributionRows(props.metrics), [props.metrics]);
  const summary = rows.length
    ? rows.map(r => `${r.type} ${r.percent}% (${r.count})`).join(', ')
    : 'Share of each item type among items done.';
  return (
    <ChartCard
      title="Flow distribution"
      summary={summary}
      empty={rows.length === 0}
    >
      <ResponsiveContainer>
        <BarChart data={rows} layout="vertical">
          <CartesianGrid stroke={gridColor} strokeDasharray="3 3" />
          <XAxis
            type="number"
            unit="%"
            domain={[0, 100]}
            stroke={axisColor}
            fontSize={11}
          />
          <YAxis
            type="category"
            dataKey="type"
            stroke={axisColor}
            fontSize={11}
            width={64}
          />
          <Tooltip contentStyle={tooltipStyle} />
          <Bar dataKey="percent" name="Share" isAnimationActive={false}>
            {rows.map((row, i) => (
              <Cell key={row.type} fill={seriesColor(i)} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
