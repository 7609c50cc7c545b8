import { useApi } from '@backstage/core-plugin-api';
import type { TimeseriesResponse } from '@valuestream/backstage-plugin-value-stream-common';
import useAsync from 'react-use/esm/useAsync';
import { valueStreamApiRef } from '../../api';

export interface ChartSeries {
  cfd: TimeseriesResponse;
  wip: TimeseriesResponse;
  throughput: TimeseriesResponse;
  cycleTime: TimeseriesResponse;
  breakdown: TimeseriesResponse;
  /** Value delivered since the range's start, per day (the cumulative flow's overlay). */
  value: TimeseriesResponse;
}

/** The five time series the charts need, for one entity and range. */
export function useTimeseries(entityRef: string, from: string, to: string) {
  const api = useApi(valueStreamApiRef);
  return useAsync(async (): Promise<ChartSeries> => {
    const window = { from, to };
    const [cfd, wip, throughput, cycleTime, breakdown, value] =
      await Promise.all([
        api.getTimeseries(entityRef, {
          metric: 'cfd',
          interval: 'day',
          ...window,
        }),
        api.getTimeseries(entityRef, {
          metric: 'wip',
          interval: 'day',
          ...window,
        }),
        api.getTimeseries(entityRef, {
          metric: 'throughput',
          interval: 'week',
          ...window,
        }),
        api.getTimeseries(entityRef, { metric: 'cycle_time', ...window }),
        api.getTimeseries(entityRef, {
          metric: 'lead_time_breakdown',
          interval: 'week',
          ...window,
        }),
        api.getTimeseries(entityRef, {
          metric: 'value',
          interval: 'day',
          ...window,
        }),
      ]);
    return { cfd, wip, throughput, cycleTime, breakdown, value };
  }, [api, entityRef, from, to]);
}
