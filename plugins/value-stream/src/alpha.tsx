import { convertLegacyRouteRefs } from '@backstage/core-compat-api';
import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import {
  valueStreamApi,
  valueStreamEntityContent,
  valueStreamTeamCard,
} from './alpha/index';
import { rootRouteRef } from './routes';

/**
 * The value-stream plugin for the new frontend system: the API, the
 * "Value Stream" entity tab and the group team card.
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'value-stream',
  info: { packageJson: () => import('../package.json') },
  extensions: [valueStreamApi, valueStreamEntityContent, valueStreamTeamCard],
  routes: convertLegacyRouteRefs({ root: rootRouteRef }),
});

export * from './alpha/index';
