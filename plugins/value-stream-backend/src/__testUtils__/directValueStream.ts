import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Knex } from 'knex';
import { createValueStream } from '../createValueStream';
import { mockDeps } from './mockDeps';
import { databases } from './testBackend';

/**
 * The plugin's pieces without an HTTP server, over a catalog whose entities a test
 * changes between `index.refresh()` calls (the scheduled refresh does not run).
 */
export async function createDirectValueStream(
  id: TestDatabaseId,
  initial: Entity[],
  config: object = {},
  /** An existing database (e.g. one to upgrade); a fresh one by default. */
  existing?: Knex,
) {
  const knex = existing ?? (await databases.init(id));
  const catalog = { entities: [...initial] };
  const vs = await createValueStream(
    mockDeps(knex, {
      config: mockServices.rootConfig({
        data: { valueStream: { notifications: { enabled: false }, ...config } },
      }),
      database: { getClient: async () => knex } as any,
      catalog: catalogServiceMock.mock({
        queryEntities: async () => ({
          items: catalog.entities,
          totalItems: catalog.entities.length,
          pageInfo: {},
        }),
      }),
    }),
  );
  await vs.index.refresh();
  return { ...vs, knex, catalog };
}
