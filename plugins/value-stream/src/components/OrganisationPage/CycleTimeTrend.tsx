import { useApi } from '@backstage/core-plugin-api';
import { Text } from '@backstage/ui';
import { useMemo } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import useAsync from 'react-use/esm/useAsync';
import { valueStreamApiRef } from '../../api';
import { formatDuration, formatShortDate } from '../../lib/format';
import { ChartCard } from '../Charts/ChartCard';
import {
  axisColor,
  gridColor,
  seriesColor,
  tooltipStyle,
} from '../Charts/palette';
import { startOfWeek, weeklyCycleTime } from './organisation';

/** At most this many services are read for the trend (one timeseries read each). */
export const TREND_ENTITY_LIMIT = 25;
const DAY_MS = 86_400_000;

/**
 * Weekly p50 and p85 cycle time over the last 26 weeks (DESIGN §15), from the
 * `cycle_time` series of the shown groups' services.
 */
export function CycleTimeTrend(props: { entityRefs: string[]; now?: number }) {
  const api = useApi(valueStreamApiRef);
  const [from, to] = useMemo(() => {
    const end = props.now ?? Date.now();
    return [
      new Date(startOfWeek(end - 25 * 7 * DAY_MS)).toISOString(),
      new Date(end).toISOString(),
    ];
  }, [props.now]);
  const refs = props.entityRefs.slice(0, TREND_ENTITY_LIMIT);
  const key = refs.join(',');
  const { value, loading, error } = useAsync(
    () =>
      Promise.all(
        refs.map(ref =>
          api.getTimeseries(ref, { metric: 'cycle_time', from, to }),
        ),
      ),
    [api, key, from, to],
  );
  const weeks = useMemo(
    () =>
      weeklyCycleTime(value ?? [], from, to).map(w => ({
        t: Date.parse(w.week),
        p50: w.p50 === null ? null : w.p50 / 86_400,
        p85: w.p85 === null ? null : w.p85 / 86_400,
        count: w.count,
      })),
    [value, from, to],
  );
  const done = weeks.reduce((s, w) => s + w.count, 0);
  const last = [...weeks].reverse().find(w => w.p50 !== null);
  const summary = `${done} items done in 26 weeks${
    last
      ? `; latest week p50 ${formatDuration(
          last.p50! * 86_400,
        )}, p85 ${formatDuration(last.p85! * 86_400)}`
      : ''
  }${
    props.entityRefs.length > refs.length
      ? ` (first ${refs.length} of ${props.entityRefs.length} services)`
      : ''
  }.`;
  if (error)
    return (
      <Text variant="body-small" color="danger">
        Cycle-time trend unavailable: {error.message}
      </Text>
    );
  return (
    <div data-testid="organisation-cycle-time-trend">
      <ChartCard
        title="Cycle time per week, last 6 months"
        summary={loading ? 'Loading…' : summary}
        empty={!loading && done === 0}
      >
        <ResponsiveContainer>
          <LineChart data={weeks}>
            <CartesianGrid stroke={gridColor} strokeDasharray="3 3" />
            <XAxis
              dataKey="t"
              type="number"
              domain={['dataMin', 'dataMax']}
              tickFormatter={t => formatShortDate(new Date(t).toISOString())}
              stroke={axisColor}
              fontSize={11}
            />
            <YAxis unit=" d" stroke={axisColor} fontSize={11} />
            <Tooltip
              contentStyle={tooltipStyle}
              labelFormatter={t =>
                `Week of ${formatShortDate(new Date(Number(t)).toISOString())}`
              }
              formatter={v => formatDuration(Number(v) * 86_400)}
            />
            <Legend />
            <Line
              dataKey="p50"
              name="p50"
              stroke={seriesColor(0)}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
            <Line
              dataKey="p85"
              name="p85"
              stroke={seriesColor(2)}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </ChartCard>
    </div>
  );
}
