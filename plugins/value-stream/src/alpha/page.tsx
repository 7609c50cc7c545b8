import {
  compatWrapper,
  convertLegacyRouteRef,
} from '@backstage/core-compat-api';
import { PageBlueprint } from '@backstage/frontend-plugin-api';
import { RiFlowChart } from '@remixicon/react';
import { organisationRouteRef } from '../routes';

/** The organisation page at `/value-stream`, with its nav item (DESIGN §15). @alpha */
export const valueStreamPage = PageBlueprint.make({
  params: {
    path: '/value-stream',
    title: 'Value Stream',
    icon: <RiFlowChart size={20} />,
    routeRef: convertLegacyRouteRef(organisationRouteRef),
    loader: () =>
      import('../components/OrganisationPage').then(m =>
        compatWrapper(<m.OrganisationView />),
      ),
  },
});
