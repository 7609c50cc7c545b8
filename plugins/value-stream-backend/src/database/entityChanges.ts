import type { Knex } from 'knex';
import type { Window } from '../journeys/types';
import { REACHED_STATUSES } from '../model/deployments';
import type {
  CommitsTable,
  DeploymentsTable,
  EntityChangesTable,
} from './tables';
import { changeFiles } from './changeFiles';
import { chunk, num, selectIn } from './util';

/**
 * Which entities own a commit (DESIGN §13 "Monorepos"), implemented by the entity index: an
 * entity that owns only some paths of a repository owns a commit there only when its known
 * files touch one of them.
 */
export interface ChangeScope {
  owns(
    entityRef: string,
    repository: string | null,
    files: readonly string[] | undefined,
  ): boolean;
}

/**
 * `vs_entity_changes`: per entity and merged change (DESIGN §6 "lead time for changes"), the
 * change's first commit time and the finish of the entity's first successful production
 * deployment that included one of its commits. It is derived from commits, pull requests,
 * deployments and their entities, and kept current by the correlator for the changes a pass
 * touched, so the metrics read is one index range per entity instead of following every
 * deployed commit sha through four tables (random pages in a large database).
 *
 * The backfill in migrations/20261126000000_entity_changes.js writes the same rows.
 */

export interface EntityChangeRow {
  entity_ref: string;
  change_id: string;
  first_commit_at: number;
  deployed_at: number;
}

/**
 * The rows for some changes, from what is stored about them (pure).
 * `changeCommits`: (change, sha) pairs; `authored`: sha → authoredAt; `deployments`: the
 * successful production deployments that included each sha, per entity.
 */
export function entityChangeRows(
  changeCommits: { change_id: string; sha: string }[],
  authored: Map<string, number>,
  deployments: { sha: string; entity_ref: string; deployed_at: number }[],
  /** Whether the entity owns the sha (monorepos); every entity does when absent. */
  owns?: (entityRef: string, sha: string) => boolean,
): EntityChangeRow[] {
  const deploysOf = new Map<string, typeof deployments>();
  for (const d of deployments)
    (deploysOf.get(d.sha) ?? deploysOf.set(d.sha, []).get(d.sha)!).push(d);
  const changes = new Map<
    string,
    { first: number; deployed: Map<string, number> }
  >();
  for (const { change_id, sha } of changeCommits) {
    const c = changes.get(change_id) ?? {
      first: Infinity,
      deployed: new Map<string, number>(),
    };
    c.first = Math.min(c.first, authored.get(sha) ?? Infinity);
    for (const d of deploysOf.get(sha) ?? []) {
      // A deployment of one service of a monorepo ships the others' commits too.
      if (owns && !owns(d.entity_ref, sha)) continue;
      c.deployed.set(
        d.entity_ref,
        Math.min(c.deployed.get(d.entity_ref) ?? Infinity, d.deployed_at),
      );
    }
    changes.set(change_id, c);
  }
  const rows: EntityChangeRow[] = [];
  for (const [change_id, c] of changes) {
    // A change none of whose commits is stored has no first commit: no lead time.
    if (!Number.isFinite(c.first)) continue;
    for (const [entity_ref, deployed_at] of c.deployed)
      rows.push({
        entity_ref,
        change_id,
        first_commit_at: c.first,
        deployed_at,
      });
  }
  return rows;
}

/**
 * Every query below is a single-table lookup by primary key or index: joins and NOT EXISTS
 * here got plans that scan whole tables when statistics are stale (autovacuum off, a fresh
 * backfill), which made each correlation pass cost O(history).
 */

/** (change, sha) for these ids that are merged changes: a merged PR's commits, or a default-branch commit in no PR. */
async function changeCommitsOf(db: Knex | Knex.Transaction, ids: string[]) {
  const merged = new Set(
    (
      await selectIn<{ id: string }>(
        () => db('vs_pull_requests').whereNotNull('merged_at').select('id'),
        'id',
        ids,
      )
    ).map(r => r.id),
  );
  const prCommits = await selectIn<{ pr_id: string; sha: string }>(
    () => db('vs_pr_commits').select('pr_id', 'sha'),
    'pr_id',
    [...merged],
  );
  const onDefault = await selectIn<{ sha: string }>(
    () => db('vs_commits').where('on_default', true).select('sha'),
    'sha',
    ids,
  );
  const inSomePr = new Set(
    (
      await selectIn<{ sha: string }>(
        () => db('vs_pr_commits').select('sha'),
        'sha',
        onDefault.map(c => c.sha),
      )
    ).map(r => r.sha),
  );
  return [
    ...prCommits.map(r => ({ change_id: r.pr_id, sha: r.sha })),
    ...onDefault
      .filter(c => !inSomePr.has(c.sha))
      .map(c => ({ change_id: c.sha, sha: c.sha })),
  ];
}

/** Per sha and entity, the successful production deployments that included the sha. */
async function deploymentsOf(db: Knex | Knex.Transaction, shas: string[]) {
  const links = await selectIn<{ deployment_id: string; sha: string }>(
    () => db('vs_deployment_commits').select('deployment_id', 'sha'),
    'sha',
    shas,
  );
  const ids = [...new Set(links.map(l => l.deployment_id))];
  const finished = new Map(
    (
      await selectIn<Pick<DeploymentsTable, 'deployment_id' | 'finished_at'>>(
        () =>
          db('vs_deployments')
            // isSuccessfulProductionDeployment (model/deployments.ts) in SQL.
            .where('env_class', 'production')
            .whereNotNull('finished_at')
            .whereIn('status', REACHED_STATUSES)
            .select('deployment_id', 'finished_at'),
        'deployment_id',
        ids,
      )
    ).map(r => [r.deployment_id, num(r.finished_at)!]),
  );
  const entities = await selectIn<{ ref: string; entity_ref: string }>(
    () =>
      db('vs_artifact_entities')
        .where('kind', 'deployment')
        .select('ref', 'entity_ref'),
    'ref',
    [...finished.keys()],
  );
  const entitiesOf = new Map<string, string[]>();
  for (const e of entities)
    (entitiesOf.get(e.ref) ?? entitiesOf.set(e.ref, []).get(e.ref)!).push(
      e.entity_ref,
    );
  return links.flatMap(({ deployment_id, sha }) => {
    const at = finished.get(deployment_id);
    if (at === undefined) return [];
    return (entitiesOf.get(deployment_id) ?? []).map(entity_ref => ({
      sha,
      entity_ref,
      deployed_at: at,
    }));
  });
}

/**
 * Recomputes the rows of these changes (a PR id or a commit sha each; ids that are not a
 * change are harmless), or of every change when `ids` is omitted. With `scope`, an entity
 * gets a change only through commits it owns (monorepos).
 */
export async function refreshEntityChanges(
  db: Knex | Knex.Transaction,
  ids?: string[],
  scope?: ChangeScope,
) {
  const all = ids ?? [
    ...(await db('vs_pull_requests').whereNotNull('merged_at').pluck('id')),
    ...(await db('vs_commits').where('on_default', true).pluck('sha')),
  ];
  for (const part of chunk([...new Set(all)], 500)) {
    const pairs = await changeCommitsOf(db, part);
    const shas = [...new Set(pairs.map(p => p.sha))];
    const authored = await selectIn<
      Pick<CommitsTable, 'sha' | 'authored_at' | 'repository'>
    >(
      () => db('vs_commits').select('sha', 'authored_at', 'repository'),
      'sha',
      shas,
    );
    const repositoryOf = new Map(authored.map(r => [r.sha, r.repository]));
    const files = scope ? (await changeFiles(db, shas)).commits : undefined;
    const rows = entityChangeRows(
      pairs,
      new Map(authored.map(r => [r.sha, num(r.authored_at)!])),
      await deploymentsOf(db, shas),
      scope &&
        ((ref, sha) =>
          scope.owns(ref, repositoryOf.get(sha) ?? null, files!.get(sha))),
    );
    await db('vs_entity_changes').whereIn('change_id', part).delete();
    for (const rowsPart of chunk(rows, 400))
      await db('vs_entity_changes').insert(rowsPart);
  }
}

/**
 * Lead-time inputs of the changes whose first successful production deployment by any of
 * these entities finished in the window (for a group: the earliest over its entities).
 */
export async function changesDeployedIn(
  db: Knex,
  entityRefs: string[],
  window: Window,
): Promise<{ id: string; firstCommitAt: number; deployedAt: number }[]> {
  const inWindow = db('vs_entity_changes')
    .whereIn('entity_ref', entityRefs)
    .where('deployed_at', '>=', window.from)
    .where('deployed_at', '<', window.to);
  const rows: Pick<
    EntityChangesTable,
    'change_id' | 'first_commit_at' | 'deployed_at'
  >[] =
    entityRefs.length === 1
      ? await inWindow
          .select('change_id', 'first_commit_at', 'deployed_at')
          .orderBy('change_id')
      : await db('vs_entity_changes')
          .whereIn('entity_ref', entityRefs)
          .whereIn('change_id', inWindow.distinct('change_id'))
          .groupBy('change_id', 'first_commit_at')
          .select('change_id', 'first_commit_at')
          .min({ deployed_at: 'deployed_at' })
          .havingRaw('min(deployed_at) >= ?', [window.from])
          .orderBy('change_id');
  return rows.map(r => ({
    id: r.change_id,
    firstCommitAt: num(r.first_commit_at)!,
    deployedAt: num(r.deployed_at)!,
  }));
}
