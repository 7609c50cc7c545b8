import type { Knex } from 'knex';
import type { Window } from '../journeys/types';
import { chunk, num } from './util';

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

/** (change_id, sha) for every merged change: a merged PR's commits, or a default-branch commit in no PR. */
function changeCommits(db: Knex, ids?: string[]) {
  const prs = db('vs_pr_commits as pc')
    .join('vs_pull_requests as p', 'p.id', 'pc.pr_id')
    .whereNotNull('p.merged_at')
    .select('pc.pr_id as change_id', 'pc.sha as sha');
  const direct = db('vs_commits as c')
    .where('c.on_default', true)
    .whereNotExists(
      db('vs_pr_commits as x').select('x.sha').whereRaw('x.sha = c.sha'),
    )
    .select('c.sha as change_id', 'c.sha as sha');
  if (ids) {
    prs.whereIn('pc.pr_id', ids);
    direct.whereIn('c.sha', ids);
  }
  // Unwrapped: SQLite does not accept a parenthesised SELECT in a compound.
  return prs.unionAll(direct);
}

/** The rows of `vs_entity_changes` for these change ids (all changes when omitted). */
function entityChangeRows(db: Knex, ids?: string[]) {
  const cc = () => changeCommits(db, ids).as('cc');
  const firstCommit = db
    .from(cc())
    .join('vs_commits as c', 'c.sha', 'cc.sha')
    .groupBy('cc.change_id')
    .select('cc.change_id as change_id')
    .min({ first_commit_at: 'c.authored_at' })
    .as('fc');
  const firstDeploy = db
    .from(cc())
    .join('vs_deployment_commits as dc', 'dc.sha', 'cc.sha')
    .join('vs_deployments as d', 'd.deployment_id', 'dc.deployment_id')
    .join('vs_artifact_entities as ae', join =>
      join
        .on('ae.ref', 'd.deployment_id')
        .andOnVal('ae.kind', '=', 'deployment'),
    )
    // What counts as a successful production deployment (metrics/attribution.ts).
    .where('d.env_class', 'production')
    .whereNotNull('d.finished_at')
    .whereIn('d.status', ['success', 'rolled_back'])
    .groupBy('cc.change_id', 'ae.entity_ref')
    .select('cc.change_id as change_id', 'ae.entity_ref as entity_ref')
    .min({ deployed_at: 'd.finished_at' })
    .as('fd');
  return db
    .from(firstDeploy)
    .join(firstCommit, 'fc.change_id', 'fd.change_id')
    .select(
      'fd.entity_ref',
      'fd.change_id',
      'fc.first_commit_at',
      'fd.deployed_at',
    );
}

const COLUMNS = ['entity_ref', 'change_id', 'first_commit_at', 'deployed_at'];

/**
 * Recomputes the rows of these changes (a PR id or a commit sha each; ids that are not a
 * change are harmless), or of every change when `ids` is omitted.
 */
export async function refreshEntityChanges(
  db: Knex | Knex.Transaction,
  ids?: string[],
) {
  const insert = (part?: string[]) =>
    db
      .into(db.raw('?? (??, ??, ??, ??)', ['vs_entity_changes', ...COLUMNS]))
      .insert(entityChangeRows(db as Knex, part));
  if (!ids) {
    await db('vs_entity_changes').delete();
    await insert();
    return;
  }
  for (const part of chunk([...new Set(ids)], 500)) {
    await db('vs_entity_changes').whereIn('change_id', part).delete();
    await insert(part);
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
  const rows: any[] =
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
