import { convertLegacyRouteRefs } from '@backstage/core-compat-api';
import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import {
  valueStreamApi,
  valueStreamEntityContent,
  valueStreamPage,
  valueStreamSystemCard,
  valueStreamTeamCard,
} from './alpha/index';
import { organisationRouteRef, rootRouteRef } from './routes';

/**
 * The value-stream plugin for the new frontend system: the API, the
 * "Value Stream" entity tab, the group and system cards and the organisation page
 * at `/value-stream`.
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'value-stream',
  info: { packageJson: () => import('../package.json') },
  extensions: [
    valueStreamApi,
    valueStreamEntityContent,
    valueStreamTeamCard,
    valueStreamSystemCard,
    valueStreamPage,
  ],
  routes: convertLegacyRouteRefs({
    root: rootRouteRef,
    organisation: organisationRouteRef,
  }),
});

export * from './alpha/index';
