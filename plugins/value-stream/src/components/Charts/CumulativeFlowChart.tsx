import { Switch } from '@backstage/ui';
import type { TimeseriesResponse } from '@valuestream/backstage-plugin-value-stream-common';
import { useMemo, useState } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartCard } from './ChartCard';
import { cfdRows } from './chartData';
import { axisColor, gridColor, seriesColor, tooltipStyle } from './palette';

/** The value overlay's key in a row (no stage is called this). */
export const VALUE_KEY = '__value delivered';

/**
 * Stacked areas per stage, Done at the bottom; with the value overlay on, a line of the
 * value delivered since the range's start on its own axis (DESIGN §14).
 */
export function CumulativeFlowChart(props: {
  series: TimeseriesResponse;
  stages: string[];
  valueSeries?: TimeseriesResponse;
}) {
  const { series, stages, valueSeries } = props;
  const [showValue, setShowValue] = useState(false);
  const rows = useMemo(() => {
    const byDay = cfdRows(series, stages);
    if (!valueSeries) return byDay;
    const delivered = new Map(
      valueSeries.points.map(p => [p.t, 'value' in p ? p.value : 0]),
    );
    return byDay.map((row, i) => ({
      ...row,
      [VALUE_KEY]: delivered.get(series.points[i].t) ?? 0,
    }));
  }, [series, stages, valueSeries]);
  const last = valueSeries?.points[valueSeries.points.length - 1];
  const total = last && 'value' in last ? last.value : 0;
  const bottomUp = [...stages].reverse();
  return (
    <ChartCard
      title="Cumulative flow"
      summary={`Items per stage each day; widening bands show where work piles up.${
        showValue ? ` Value delivered over the range: ${total}.` : ''
      }`}
      empty={rows.length === 0}
    >
      {valueSeries && (
        <Switch
          label="Value overlay"
          isSelected={showValue}
          onChange={setShowValue}
        />
      )}
      <ResponsiveContainer>
        <ComposedChart data={rows}>
          <CartesianGrid stroke={gridColor} strokeDasharray="3 3" />
          <XAxis dataKey="label" stroke={axisColor} fontSize={11} />
          <YAxis allowDecimals={false} stroke={axisColor} fontSize={11} />
          {showValue && (
            <YAxis
              yAxisId="value"
              orientation="right"
              allowDecimals={false}
              stroke={axisColor}
              fontSize={11}
            />
          )}
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
          {showValue && (
            <Line
              yAxisId="value"
              type="monotone"
              dataKey={VALUE_KEY}
              name="Value delivered"
              stroke="var(--bui-fg-primary)"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
