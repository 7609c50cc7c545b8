import type { Entity } from '@backstage/catalog-model';
import type { ValueStreamApi } from '../api';
import {
  alertHistory,
  alerts,
  dataHealth,
  groupMetrics,
  iterations,
  overview,
  metrics,
  timeseries,
  value,
  workItemDetail,
  workItems,
} from '../__fixtures__';

/** A ValueStreamApi answering with the JSON fixtures. */
export function createMockApi(
  overrides: Partial<jest.Mocked<ValueStreamApi>> = {},
): jest.Mocked<ValueStreamApi> {
  return {
    getMetrics: jest.fn().mockResolvedValue(metrics),
    getWorkItems: jest.fn().mockResolvedValue(workItems),
    getWorkItem: jest.fn().mockResolvedValue(workItemDetail),
    getAlerts: jest.fn().mockResolvedValue(alerts),
    getAlertHistory: jest.fn().mockResolvedValue(alertHistory),
    getTimeseries: jest
      .fn()
      .mockImplementation(
        async (_ref, query) =>
          timeseries[query.metric as keyof typeof timeseries],
      ),
    getGroupMetrics: jest.fn().mockResolvedValue(groupMetrics),
    getSystemMetrics: jest.fn().mockResolvedValue(groupMetrics),
    getOverview: jest.fn().mockResolvedValue(overview),
    getImport: jest
      .fn()
      .mockImplementation(async entityRef => ({ entityRef, jobs: [] })),
    getValue: jest.fn().mockResolvedValue(value),
    getIterations: jest.fn().mockResolvedValue(iterations),
    // Healthy by default; the data-health tests give the warnings of the fixture.
    getDataHealth: jest.fn().mockResolvedValue({ ...dataHealth, warnings: [] }),
    createCorrection: jest.fn().mockResolvedValue({ id: 'c1' }),
    ...overrides,
  };
}

export const paymentsEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments',
    namespace: 'default',
    annotations: {
      'github.com/project-slug': 'acme/payments',
      'jira/project-key': 'PAY',
    },
  },
  spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
};

export const bareEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'bare', namespace: 'default' },
  spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
};

export const teamEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
};
