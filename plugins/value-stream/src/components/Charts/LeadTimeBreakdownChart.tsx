import {
  formatDuration,
  type MetricsResponse,
  type TimeseriesResponse,
} from '@valuestream/backstage-plugin-value-stream-common';
import { useMemo } from 'react';
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
import { ChartCard } from './ChartCard';
import { BREAKDOWN_PARTS, breakdownRows } from './chartData';
import { axisColor, gridColor, seriesColor, tooltipStyle } from './palette';

const NAMES: Record<(typeof BREAKDOWN_PARTS)[number], string> = {
  coding: 'Coding',
  pickup: 'Pickup',
  review: 'Review',
  deploy: 'Deploy',
};

/**
 * The change breakdown (DESIGN §13): per week, the mean coding, pickup, review and deploy
 * time of the changes first deployed to production in it, stacked.
 */
export function LeadTimeBreakdownChart(props: {
  series: TimeseriesResponse;
  breakdown: MetricsResponse['dora']['leadTimeBreakdown'] | undefined;
}) {
  const rows = useMemo(() => breakdownRows(props.series), [props.series]);
  const changes = rows.reduce((n, r) => n + Number(r.count), 0);
  const p50s = props.breakdown
    ? BREAKDOWN_PARTS.map(
        p =>
          `${NAMES[p].toLowerCase()} ${formatDuration(
            props.breakdown![p].p50,
          )}`,
      ).join(', ')
    : '';
  return (
    <ChartCard
      title="Lead time breakdown per week"
      summary={`Mean coding (PR opened − first commit), pickup (first review − opened), review (merged − first review) and deploy (production − merged) time of the ${changes} changes deployed in each week, in hours.${
        p50s ? ` Medians over the range: ${p50s}.` : ''
      }`}
      empty={changes === 0}
    >
      <ResponsiveContainer>
        <BarChart data={rows}>
          <CartesianGrid stroke={gridColor} strokeDasharray="3 3" />
          <XAxis dataKey="label" stroke={axisColor} fontSize={11} />
          <YAxis stroke={axisColor} fontSize={11} unit=" h" />
          <Tooltip
            contentStyle={tooltipStyle}
            formatter={hours => formatDuration(Number(hours) * 3600)}
          />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {BREAKDOWN_PARTS.map((part, i) => (
            <Bar
              key={part}
              dataKey={part}
              name={NAMES[part]}
              stackId="breakdown"
              fill={seriesColor(i)}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
