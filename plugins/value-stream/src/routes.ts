import { createRouteRef } from '@backstage/core-plugin-api';

/** @public */
export const rootRouteRef = createRouteRef({ id: 'value-stream' });

/** The organisation page (`/value-stream` in the app, DESIGN §15). @public */
export const organisationRouteRef = createRouteRef({
  id: 'value-stream-organisation',
});
