import type { Entity } from '@backstage/catalog-model';
import { VALUE_STREAM_ANNOTATIONS } from '@valuestream/backstage-plugin-value-stream-common';

export { VALUE_STREAM_ANNOTATIONS };

/** The value-stream annotations an entity has. */
export function presentAnnotations(entity: Entity) {
  const annotations = entity.metadata.annotations ?? {};
  return VALUE_STREAM_ANNOTATIONS.filter(a => !!annotations[a.annotation]);
}

/**
 * True when the entity has at least one annotation that ties events to it.
 * @public
 */
export function isValueStreamAvailable(entity: Entity): boolean {
  return presentAnnotations(entity).length > 0;
}
