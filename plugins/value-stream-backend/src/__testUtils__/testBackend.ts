import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import type { Knex } from 'knex';
import request from 'supertest';
import { valueStreamPlugin } from '../plugin';

/** The databases every store and route test runs on (PostgreSQL when the env var is set). */
export const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
});

export const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-pay', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

export function component(
  name: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/team-pay',
    },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/team-pay' }],
  };
}

export const payments = component('payments', {
  'github.com/project-slug': 'acme/payments',
  'jira/project-key': 'PAY',
  'argocd/app-name': 'payments',
  'pagerduty.com/service-id': 'PPAY',
});

/** Starts the plugin on a real database with an in-memory catalog. */
export async function startValueStream(
  id: TestDatabaseId,
  options: {
    config?: object;
    /** Top-level config beside `valueStream` (e.g. `backend.auth`). */
    rootConfig?: object;
    entities?: Entity[];
    features?: any[];
    /** Replaces the in-memory catalog built from `entities`. */
    catalog?: any;
    /** Reuses a database (e.g. to restart the plugin on the same data). */
    knex?: Knex;
  } = {},
) {
  const knex = options.knex ?? (await databases.init(id));
  const backend = await startTestBackend({
    features: [
      valueStreamPlugin,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          ...options.rootConfig,
          valueStream: { notifications: { enabled: false }, ...options.config },
        },
      }),
      options.catalog ??
        catalogServiceMock.factory({
          entities: options.entities ?? [payments, group],
        }),
      ...(options.features ?? []),
    ],
  });
  const server = backend.server;
  const asService = { Authorization: mockCredentials.service.header() };
  const asUser = { Authorization: mockCredentials.user.header() };
  /** Waits until every accepted event is correlated (`GET /ingest/status` says 0 pending). */
  const settled = async () => {
    for (let i = 0; i < 500; i++) {
      const r = await request(server)
        .get('/api/value-stream/ingest/status')
        .set(asService);
      if (r.status !== 200 || r.body.pending === 0) return;
      await new Promise(resolve => setTimeout(resolve, 20));
    }
    throw new Error('accepted events still pending after 10 s');
  };
  return {
    backend,
    knex,
    server,
    settled,
    /** POSTs, then waits for correlation, so a test may read the tables right after. */
    post: async (
      path: string,
      body: unknown,
      headers: Record<string, string> = asService,
    ) => {
      const res = await request(server)
        .post(`/api/value-stream${path}`)
        .set(headers)
        .send(body as any);
      await settled();
      return res;
    },
    get: (path: string, headers: Record<string, string> = asUser) =>
      request(server).get(`/api/value-stream${path}`).set(headers),
    asService,
    asUser,
  };
}
