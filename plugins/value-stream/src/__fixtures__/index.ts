import type {
  AlertHistoryResponse,
  AlertListResponse,
  DataHealth,
  IterationListResponse,
  MetricsResponse,
  OverviewResponse,
  TimeseriesResponse,
  ValueResponse,
  WorkItemDetail,
  WorkItemListResponse,
} from '@valuestream/backstage-plugin-value-stream-common';
import alertHistoryJson from './alertHistory.json';
import alertsJson from './alerts.json';
import dataHealthJson from './dataHealth.json';
import emptyMetricsJson from './emptyMetrics.json';
import groupMetricsJson from './groupMetrics.json';
import iterationsJson from './iterations.json';
import metricsJson from './metrics.json';
import overviewJson from './overview.json';
import timeseriesJson from './timeseries.json';
import valueJson from './value.json';
import workItemDetailJson from './workItemDetail.json';
import workItemsJson from './workItems.json';

// JSON imports widen string literals, so the fixtures are cast to the API types.
export const metrics = metricsJson as MetricsResponse;
export const emptyMetrics = emptyMetricsJson as MetricsResponse;
export const groupMetrics = groupMetricsJson as MetricsResponse;
export const iterations = iterationsJson as IterationListResponse;
export const workItems = workItemsJson as WorkItemListResponse;
export const overview = overviewJson as OverviewResponse;
export const workItemDetail = workItemDetailJson as WorkItemDetail;
export const alerts = alertsJson as AlertListResponse;
export const alertHistory = alertHistoryJson as AlertHistoryResponse;
export const dataHealth = dataHealthJson as DataHealth;
export const value = valueJson as ValueResponse;
export const timeseries = timeseriesJson as Record<
  'cfd' | 'wip' | 'throughput' | 'cycle_time' | 'lead_time_breakdown' | 'value',
  TimeseriesResponse
>;
