import type { Entity } from '@backstage/catalog-model';
import {
  compatWrapper,
  convertLegacyRouteRef,
} from '@backstage/core-compat-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isValueStreamAvailable } from '../lib/annotations';
import { rootRouteRef } from '../routes';

/** Components and systems with at least one value-stream annotation. */
export function isValueStreamContentAvailable(entity: Entity): boolean {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  return (
    (kind === 'component' || kind === 'system') &&
    isValueStreamAvailable(entity)
  );
}

/** @alpha */
export const valueStreamEntityContent = EntityContentBlueprint.make({
  params: {
    path: '/value-stream',
    title: 'Value Stream',
    routeRef: convertLegacyRouteRef(rootRouteRef),
    filter: isValueStreamContentAvailable,
    loader: () =>
      import('../components/ValueStreamContent').then(m =>
        compatWrapper(<m.ValueStreamContent />),
      ),
  },
});
