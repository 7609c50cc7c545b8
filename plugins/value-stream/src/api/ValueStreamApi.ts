import { createApiRef } from '@backstage/core-plugin-api';
import type {
  AlertHistoryResponse,
  AlertListResponse,
  Correction,
  CorrectionResponse,
  DataHealth,
  EntityImportResponse,
  ItemType,
  IterationListResponse,
  MetricsResponse,
  OverviewResponse,
  TimeseriesInterval,
  TimeseriesMetric,
  TimeseriesResponse,
  ValueResponse,
  WorkItemDetail,
  WorkItemListResponse,
} from '@valuestream/backstage-plugin-value-stream-common';

/** A time window; ISO-8601 strings, `[from, to)`. @public */
export interface TimeWindow {
  from?: string;
  to?: string;
}

/** Options of {@link ValueStreamApi.getWorkItems}. @public */
export interface WorkItemQuery {
  state?: 'open' | 'done' | 'all';
  stage?: string;
  type?: ItemType;
  limit?: number;
  cursor?: string;
}

/**
 * A metrics read's window, and `compare: 'previous'` to add `previous` (the window of
 * equal length before; DESIGN §15). @public
 */
export interface MetricsQuery extends TimeWindow {
  compare?: 'previous';
}

/** Options of {@link ValueStreamApi.getGroupMetrics}. @public */
export interface GroupMetricsQuery extends MetricsQuery {
  /** false: only the entities the group owns directly (default true: sub-groups' too). */
  includeSubgroups?: boolean;
}

/** Options of {@link ValueStreamApi.getTimeseries}. @public */
export interface TimeseriesQuery extends TimeWindow {
  metric: TimeseriesMetric;
  interval?: TimeseriesInterval;
}

/**
 * Read access to the value-stream backend (DESIGN §8).
 * Entity and group refs are full refs such as `component:default/payments`.
 * @public
 */
export interface ValueStreamApi {
  getMetrics(
    entityRef: string,
    window?: MetricsQuery,
  ): Promise<MetricsResponse>;
  getWorkItems(
    entityRef: string,
    query?: WorkItemQuery,
  ): Promise<WorkItemListResponse>;
  getWorkItem(key: string): Promise<WorkItemDetail>;
  getAlerts(
    entityRef: string,
    status?: 'open' | 'resolved' | 'all',
  ): Promise<AlertListResponse>;
  /** The bottleneck history: alerts resolved in the window and weekly counts (DESIGN §15). */
  getAlertHistory(
    entityRef: string,
    window?: TimeWindow,
  ): Promise<AlertHistoryResponse>;
  getTimeseries(
    entityRef: string,
    query: TimeseriesQuery,
  ): Promise<TimeseriesResponse>;
  getGroupMetrics(
    groupRef: string,
    window?: GroupMetricsQuery,
  ): Promise<MetricsResponse>;
  /** The roll-up of the components `partOf` a system (DESIGN §15). */
  getSystemMetrics(
    systemRef: string,
    window?: MetricsQuery,
  ): Promise<MetricsResponse>;
  /** Every group the user may read with its roll-up and the heatmap (DESIGN §15). */
  getOverview(window?: TimeWindow): Promise<OverviewResponse>;
  /** The entity's history-import jobs (DESIGN §12); no jobs from a backend without import. */
  getImport(entityRef: string): Promise<EntityImportResponse>;
  /** Value delivered and the outcomes of the features deployed in the window (DESIGN §14). */
  getValue(entityRef: string, window?: TimeWindow): Promise<ValueResponse>;
  /** Planned, delivered, added and carried over per iteration (DESIGN §14). */
  getIterations(
    entityRef: string,
    window?: TimeWindow,
  ): Promise<IterationListResponse>;
  /** The entity's input of the last 30 days and what to fix (DESIGN §16). */
  getDataHealth(entityRef: string): Promise<DataHealth>;
  /**
   * Corrects a link, an item or an incident attribution (DESIGN §16); needs the
   * permission `value-stream.correction.create`. Resolves once it is applied.
   */
  createCorrection(correction: Correction): Promise<CorrectionResponse>;
}

/** @public */
export const valueStreamApiRef = createApiRef<ValueStreamApi>({
  id: 'plugin.value-stream.service',
});
