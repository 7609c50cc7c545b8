import type { IterationSummary } from '@valuestream/backstage-plugin-value-stream-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartCard } from '../Charts/ChartCard';
import {
  axisColor,
  gridColor,
  seriesColor,
  tooltipStyle,
} from '../Charts/palette';

/** Value planned (at its start), delivered and carried over, per iteration (DESIGN §14). */
export function IterationChart(props: { iterations: IterationSummary[] }) {
  const rows = props.iterations.map(it => ({
    label: it.name,
    planned: it.planned.value,
    delivered: it.delivered.value,
    carriedOver: it.carriedOver.value,
  }));
  const text = props.iterations
    .map(
      it =>
        `${it.name}: ${it.delivered.value} of ${it.planned.value} planned delivered (${it.delivered.items} of ${it.planned.items} items, ${it.added.items} added, ${it.carriedOver.items} carried over)`,
    )
    .join('; ');
  return (
    <ChartCard
      title="Value delivered vs planned per iteration"
      summary={
        text ? `${text}.` : 'No sprint, milestone or iteration in this range.'
      }
      empty={rows.length === 0}
    >
      <ResponsiveContainer>
        <BarChart data={rows}>
          <CartesianGrid stroke={gridColor} strokeDasharray="3 3" />
          <XAxis dataKey="label" stroke={axisColor} fontSize={11} />
          <YAxis allowDecimals={false} stroke={axisColor} fontSize={11} />
          <Tooltip contentStyle={tooltipStyle} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <Bar
            dataKey="planned"
            name="Planned"
            fill={seriesColor(0)}
            isAnimationActive={false}
          />
          <Bar
            dataKey="delivered"
            name="Delivered"
            fill={seriesColor(1)}
            isAnimationActive={false}
          />
          <Bar
            dataKey="carriedOver"
            name="Carried over"
            fill={seriesColor(2)}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
