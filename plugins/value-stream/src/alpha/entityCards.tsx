import { compatWrapper } from '@backstage/core-compat-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';

/** @alpha */
export const valueStreamTeamCard = EntityCardBlueprint.make({
  name: 'team',
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import('../components/TeamCard').then(m => compatWrapper(<m.TeamCard />)),
  },
});

/** The system page card: the roll-up of the system's components (DESIGN §15). @alpha */
export const valueStreamSystemCard = EntityCardBlueprint.make({
  name: 'system',
  params: {
    filter: { kind: 'system' },
    loader: () =>
      import('../components/SystemCard').then(m =>
        compatWrapper(<m.SystemCard />),
      ),
  },
});
