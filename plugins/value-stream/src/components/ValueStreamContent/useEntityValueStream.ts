import { useApi } from '@backstage/core-plugin-api';
import type {
  Alert,
  MetricsResponse,
  WorkItemSummary,
} from '@valuestream/backstage-plugin-value-stream-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { valueStreamApiRef, type ValueStreamApi } from '../../api';

/** Open items are listed in pages of the API's maximum size. */
const PAGE_SIZE = 1000;
/** Stop after this many items; lanes of more are not useful to render. */
const MAX_ITEMS = 20_000;

export interface EntityValueStream {
  metrics: MetricsResponse;
  items: WorkItemSummary[];
  alerts: Alert[];
}

async function listOpenItems(api: ValueStreamApi, entityRef: string) {
  const items: WorkItemSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.getWorkItems(entityRef, {
      state: 'open',
      limit: PAGE_SIZE,
      cursor,
    });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < MAX_ITEMS);
  return items;
}

/** Metrics for the range, all open items and open alerts of an entity. */
export function useEntityValueStream(
  entityRef: string,
  from: string,
  to: string,
) {
  const api = useApi(valueStreamApiRef);
  return useAsyncRetry(async (): Promise<EntityValueStream> => {
    const [metrics, items, alerts] = await Promise.all([
      api.getMetrics(entityRef, { from, to, compare: 'previous' }),
      listOpenItems(api, entityRef),
      api.getAlerts(entityRef, 'open'),
    ]);
    return { metrics, items, alerts: alerts.items };
  }, [api, entityRef, from, to]);
}

/** True when the backend knows nothing about the entity yet. */
export function hasNoEvents(data: EntityValueStream): boolean {
  const { metrics, items, alerts } = data;
  return (
    items.length === 0 &&
    alerts.length === 0 &&
    metrics.flow.throughput.total === 0 &&
    metrics.flow.load === 0 &&
    metrics.dora.deploymentFrequency.count === 0 &&
    metrics.dora.recoveryTime === null &&
    metrics.stages.every(s => !s.wip)
  );
}
