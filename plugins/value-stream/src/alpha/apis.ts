import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { ValueStreamClient, valueStreamApiRef } from '../api';

/** @alpha */
export const valueStreamApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: valueStreamApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new ValueStreamClient(deps),
    }),
});
