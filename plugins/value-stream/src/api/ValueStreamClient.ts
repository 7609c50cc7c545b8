import { parseEntityRef } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  AlertHistoryResponse,
  AlertListResponse,
  Correction,
  CorrectionResponse,
  DataHealth,
  EntityImportResponse,
  IterationListResponse,
  MetricsResponse,
  OverviewResponse,
  TimeseriesResponse,
  ValueResponse,
  WorkItemDetail,
  WorkItemListResponse,
} from '@valuestream/backstage-plugin-value-stream-common';
import type {
  GroupMetricsQuery,
  MetricsQuery,
  TimeseriesQuery,
  TimeWindow,
  ValueStreamApi,
  WorkItemQuery,
} from './ValueStreamApi';

type QueryValue = string | number | undefined;

/**
 * {@link ValueStreamApi} over HTTP, using the app's fetch and discovery APIs.
 * @public
 */
export class ValueStreamClient implements ValueStreamApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getMetrics(entityRef: string, window: MetricsQuery = {}) {
    return this.get<MetricsResponse>(`${entityPath(entityRef)}/metrics`, {
      from: window.from,
      to: window.to,
      compare: window.compare,
    });
  }

  getWorkItems(entityRef: string, query: WorkItemQuery = {}) {
    return this.get<WorkItemListResponse>(
      `${entityPath(entityRef)}/work-items`,
      {
        state: query.state,
        stage: query.stage,
        type: query.type,
        limit: query.limit,
        cursor: query.cursor,
      },
    );
  }

  getWorkItem(key: string) {
    return this.get<WorkItemDetail>(`/work-items/${encodeURIComponent(key)}`);
  }

  getAlerts(entityRef: string, status?: 'open' | 'resolved' | 'all') {
    return this.get<AlertListResponse>(`${entityPath(entityRef)}/alerts`, {
      status,
    });
  }

  getAlertHistory(entityRef: string, window: TimeWindow = {}) {
    return this.get<AlertHistoryResponse>(
      `${entityPath(entityRef)}/alerts/history`,
      { from: window.from, to: window.to },
    );
  }

  getTimeseries(entityRef: string, query: TimeseriesQuery) {
    return this.get<TimeseriesResponse>(`${entityPath(entityRef)}/timeseries`, {
      metric: query.metric,
      interval: query.interval,
      from: query.from,
      to: query.to,
    });
  }

  getGroupMetrics(groupRef: string, window: GroupMetricsQuery = {}) {
    const { namespace, name } = parseEntityRef(groupRef, {
      defaultKind: 'group',
    });
    return this.get<MetricsResponse>(
      `/groups/${encodeURIComponent(namespace)}/${encodeURIComponent(
        name,
      )}/metrics`,
      {
        from: window.from,
        to: window.to,
        compare: window.compare,
        includeSubgroups:
          window.includeSubgroups === undefined
            ? undefined
            : String(window.includeSubgroups),
      },
    );
  }

  getSystemMetrics(systemRef: string, window: MetricsQuery = {}) {
    const { namespace, name } = parseEntityRef(systemRef, {
      defaultKind: 'system',
    });
    return this.get<MetricsResponse>(
      `/systems/${encodeURIComponent(namespace)}/${encodeURIComponent(
        name,
      )}/metrics`,
      { from: window.from, to: window.to, compare: window.compare },
    );
  }

  getOverview(window: TimeWindow = {}) {
    return this.get<OverviewResponse>('/overview', {
      from: window.from,
      to: window.to,
    });
  }

  getValue(entityRef: string, window: TimeWindow = {}) {
    return this.get<ValueResponse>(`${entityPath(entityRef)}/value`, {
      from: window.from,
      to: window.to,
    });
  }

  getDataHealth(entityRef: string) {
    return this.get<DataHealth>(`${entityPath(entityRef)}/data-health`);
  }

  getIterations(entityRef: string, window: TimeWindow = {}) {
    return this.get<IterationListResponse>(
      `${entityPath(entityRef)}/iterations`,
      { from: window.from, to: window.to },
    );
  }

  async getImport(entityRef: string): Promise<EntityImportResponse> {
    try {
      return await this.get<EntityImportResponse>(
        `${entityPath(entityRef)}/import`,
      );
    } catch (e) {
      // A backend from before history import has no such route: nothing is importing.
      if (e instanceof ResponseError && e.statusCode === 404)
        return { entityRef, jobs: [] };
      throw e;
    }
  }

  async createCorrection(correction: Correction): Promise<CorrectionResponse> {
    const baseUrl = await this.discoveryApi.getBaseUrl('value-stream');
    const response = await this.fetchApi.fetch(`${baseUrl}/corrections`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(correction),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as CorrectionResponse;
  }

  private async get<T>(
    path: string,
    query: Record<string, QueryValue> = {},
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('value-stream');
    const response = await this.fetchApi.fetch(
      `${baseUrl}${path}${toQueryString(query)}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

function entityPath(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/entities/${[kind.toLocaleLowerCase('en-US'), namespace, name]
    .map(encodeURIComponent)
    .join('/')}`;
}

function toQueryString(query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
