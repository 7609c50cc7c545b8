import type { EntityIndex } from '../entities/EntityIndex';
import type {
  CommitRow,
  DeploymentRow,
  PullRequestRow,
  StoredEvent,
} from '../model';
import { unique } from './collections';

/** What decides a work item's entities. */
export interface ItemEntityInput {
  /** The item's own `work_item.*` events. */
  events: readonly StoredEvent[];
  pullRequests: readonly Pick<PullRequestRow, 'repository'>[];
  commits: readonly Pick<CommitRow, 'repository'>[];
  deployments: readonly Pick<DeploymentRow, 'entity_ref' | 'service'>[];
}

/**
 * The entities of a work item (DESIGN §5), lower case and sorted: those its events name,
 * else its key's; plus those of its PRs' and commits' repositories and of its deployments.
 * A change spanning services gives several. Pure.
 */
export function itemEntityRefs(
  index: EntityIndex,
  key: string,
  item: ItemEntityInput,
): string[] {
  const refs = new Set<string>();
  const add = (xs: string[]) => xs.forEach(r => refs.add(r));
  for (const e of item.events) if (e.entityRef) refs.add(e.entityRef);
  if (!refs.size) add(index.entitiesForKey(key));
  for (const pr of item.pullRequests)
    add(index.entitiesForRepository(pr.repository));
  for (const c of item.commits) add(index.entitiesForRepository(c.repository));
  for (const dep of item.deployments) {
    if (dep.entity_ref) refs.add(dep.entity_ref);
    else add(index.entitiesForService(dep.service));
  }
  return unique([...refs].map(r => r.toLowerCase()).sort());
}
