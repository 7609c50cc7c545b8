import type { EventData } from '@valuestream/backstage-plugin-value-stream-common';
import type { EntityIndex } from '../entities/EntityIndex';
import type { Commit, Deployment, PullRequest, StoredEvent } from '../model';
import { unique } from './collections';
import { byTime } from './folds';

/** What decides a work item's entities. */
export interface ItemEntityInput {
  /** The item's own `work_item.*` events. */
  events: readonly StoredEvent[];
  pullRequests: readonly (Pick<PullRequest, 'repository'> &
    Partial<Pick<PullRequest, 'id'>>)[];
  commits: readonly (Pick<Commit, 'repository'> &
    Partial<Pick<Commit, 'sha'>>)[];
  deployments: readonly Pick<Deployment, 'entityRef' | 'service'>[];
  /** The known files of the commits (by sha) and PRs (by id), for monorepos (DESIGN §13). */
  files?: {
    commits: ReadonlyMap<string, readonly string[]>;
    prs: ReadonlyMap<string, readonly string[]>;
  };
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
 *
 * Monorepos (DESIGN §13): a PR or commit goes to the entities of its repository that own
 * one of its files (`EntityIndex.entitiesForChange`). An entity with paths that the key or
 * a deployment names loses the item when the item has changes with known files in that
 * entity's repository and none of them is the entity's: the item is the other services'
 * work. Without known files, nothing changes.
 */
export function itemEntityRefs(
  index: EntityIndex,
  key: string,
  item: ItemEntityInput,
): string[] {
  const refs = new Set<string>();
  const add = (xs: string[]) => xs.forEach(r => refs.add(r));
  for (const e of item.events) if (e.entityRef) refs.add(e.entityRef);
  const named = new Set(refs);
  // `jira/component` narrows a project key several entities claim.
  if (!refs.size) add(index.entitiesForKey(key, itemComponents(item.events)));
  const owners = new Set<string>();
  // Repositories where the item has changes whose files are known.
  const known = new Set<string>();
  const change = (repository: string | null, files?: readonly string[]) => {
    index.entitiesForChange(repository, files).forEach(r => owners.add(r));
    if (repository && files?.length) known.add(repository.toLowerCase());
  };
  for (const pr of item.pullRequests)
    change(pr.repository, pr.id ? item.files?.prs.get(pr.id) : undefined);
  for (const c of item.commits)
    change(c.repository, c.sha ? item.files?.commits.get(c.sha) : undefined);
  for (const dep of item.deployments) {
    if (dep.entityRef) named.add(dep.entityRef);
    else add(index.entitiesForService(dep.service));
  }
  for (const ref of [...refs]) {
    const scoped = index.scopedRepositories(ref);
    if (!named.has(ref) && !owners.has(ref) && scoped.some(r => known.has(r)))
      refs.delete(ref);
  }
  add([...owners, ...named]);
  return unique([...refs].map(r => r.toLowerCase()).sort());
}
