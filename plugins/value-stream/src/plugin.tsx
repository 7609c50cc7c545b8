import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';

import { rootRouteRef } from './routes';

export const page = PageBlueprint.make({
  params: {
    path: '/value-stream',
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/TodoPage').then(m => (
        <m.TodoPage />
      )),
  },
});

export const valueStreamPlugin = createFrontendPlugin({
  pluginId: 'value-stream',
  extensions: [page],
  routes: {
    root: rootRouteRef,
  }
});
