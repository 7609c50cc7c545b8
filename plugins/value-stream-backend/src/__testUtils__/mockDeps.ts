import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Knex } from 'knex';
import type { ValueStreamDeps } from '../createValueStream';
import { payments } from './testBackend';

/**
 * `createValueStream`'s dependencies for a test: mocked Backstage services on `knex`
 * (migrated on start), a catalog holding the payments entity, no sources; `overrides`
 * replace any of them.
 */
export function mockDeps(
  knex: Knex,
  overrides: Partial<ValueStreamDeps> = {},
): ValueStreamDeps {
  return {
    config: mockServices.rootConfig({ data: { valueStream: {} } }),
    logger: mockServices.logger.mock(),
    database: mockServices.database({ knex, migrations: { skip: false } }),
    httpAuth: mockServices.httpAuth(),
    auth: mockServices.auth(),
    permissions: mockServices.permissions(),
    scheduler: mockServices.scheduler.mock(),
    catalog: catalogServiceMock({ entities: [payments] }),
    sources: new Map(),
    ...overrides,
  };
}
