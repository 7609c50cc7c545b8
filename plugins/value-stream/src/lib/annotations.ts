import type { Entity } from '@backstage/catalog-model';

/**
 * The annotations the backend resolves events by (DESIGN §5), with the source
 * whose webhook secret feeds it.
 * @public
 */
export const VALUE_STREAM_ANNOTATIONS = [
  { annotation: 'github.com/project-slug', source: 'github' },
  { annotation: 'gitlab.com/project-slug', source: 'gitlab' },
  { annotation: 'jira/project-key', source: 'jira' },
  { annotation: 'argocd/app-name', source: 'argocd' },
  { annotation: 'pagerduty.com/service-id', source: 'pagerduty' },
  { annotation: 'jenkins.io/job-full-name', source: 'jenkins' },
] as const;

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
