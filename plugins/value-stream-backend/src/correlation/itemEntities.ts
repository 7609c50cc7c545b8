import type { EventData } from '@valuestream/backstage-plugin-value-stream-common';
import type { EntityIndex } from '../entities/EntityIndex';
import type { Commit, Deployment, PullRequest, StoredEvent } from '../model';
import { unique } from './collections';
import { byTime } from './folds';

/** What decides a work item's entities. */
export interface ItemEntityInput {
  /** The item's own `work_item.*` events. */
  events: readonly StoredEvent[];
  pullRequests: readonly Pick<PullRequest, 'repository'>[];
  commits: readonly Pick<Commit, 'repository'>[];
  deployments: readonly Pick<Deployment, 'entityRef' | 'service'>[];
}

/**
 * The item's tracker components, as the latest `work_item.created` or `.updated` that
 * carries `components` lists them (an empty list clears them). Pure.
 */
export function itemComponents(events: readonly StoredEvent[]): string[] {
  let components: string[] = [];
  for (const e of [...events].sort(byTime)) {
    if (e.type !== 'work_item.created' && e.type !== 'work_item.updated')
      continue;
    // Validated on ingest against its schema (eventDataSchemas).
    const d = e.data as EventData<'work_item.updated'>;
    if (d.components !== undefined) components = d.components;
  }
  return components;
}

/**
 * The entities of a work item (DESIGN §5), lower case and sorted: those its events name,
 * else its key's (a shared project key narrowed by its components); plus those of its
 * PRs' and commits' repositories and of its deployments. A change spanning services
 * gives several. Pure.
 */
export function itemEntityRefs(
  index: EntityIndex,
  key: string,
  item: ItemEntityInput,
): string[] {
  const refs = new Set<string>();
  const add = (xs: string[]) => xs.forEach(r => refs.add(r));
  for (const e of item.events) if (e.entityRef) refs.add(e.entityRef);
  // `jira/component` narrows a project key several entities claim.
  if (!refs.size) add(index.entitiesForKey(key, itemComponents(item.events)));
  for (const pr of item.pullRequests)
    add(index.entitiesForRepository(pr.repository));
  for (const c of item.commits) add(index.entitiesForRepository(c.repository));
  for (const dep of item.deployments) {
    if (dep.entityRef) refs.add(dep.entityRef);
    else add(index.entitiesForService(dep.service));
  }
  return unique([...refs].map(r => r.toLowerCase()).sort());
}
