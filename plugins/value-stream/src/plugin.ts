import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import type { JSX } from 'react';
import { ValueStreamClient, valueStreamApiRef } from './api';
import { organisationRouteRef, rootRouteRef } from './routes';

/**
 * The value-stream plugin for the legacy frontend system.
 * @public
 */
export const valueStreamPlugin = createPlugin({
  id: 'value-stream',
  apis: [
    createApiFactory({
      api: valueStreamApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new ValueStreamClient(deps),
    }),
  ],
  routes: { root: rootRouteRef, organisation: organisationRouteRef },
});

/**
 * The Value Stream entity tab (legacy frontend system).
 * @public
 */
export const EntityValueStreamContent: () => JSX.Element =
  valueStreamPlugin.provide(
    createRoutableExtension({
      name: 'EntityValueStreamContent',
      component: () =>
        import('./components/ValueStreamContent').then(
          m => m.ValueStreamContent,
        ),
      mountPoint: rootRouteRef,
    }),
  );

/**
 * The group page team card (legacy frontend system).
 * @public
 */
export const EntityValueStreamTeamCard: () => JSX.Element =
  valueStreamPlugin.provide(
    createComponentExtension({
      name: 'EntityValueStreamTeamCard',
      component: {
        lazy: () => import('./components/TeamCard').then(m => m.TeamCard),
      },
    }),
  );

/**
 * The system page card: the roll-up of the system's components (legacy frontend system).
 * @public
 */
export const EntityValueStreamSystemCard: () => JSX.Element =
  valueStreamPlugin.provide(
    createComponentExtension({
      name: 'EntityValueStreamSystemCard',
      component: {
        lazy: () => import('./components/SystemCard').then(m => m.SystemCard),
      },
    }),
  );

/**
 * The organisation page, every team at a glance (legacy frontend system): mount it at
 * `/value-stream` in App.tsx (DESIGN §15).
 * @public
 */
export const ValueStreamPage: () => JSX.Element = valueStreamPlugin.provide(
  createRoutableExtension({
    name: 'ValueStreamPage',
    component: () =>
      import('./components/OrganisationPage').then(m => m.OrganisationPage),
    mountPoint: organisationRouteRef,
  }),
);
