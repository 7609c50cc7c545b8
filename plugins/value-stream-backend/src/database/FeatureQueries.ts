import type { Knex } from 'knex';
import type { Window } from '../journeys/types';
import type { StoredEvent } from '../model/events';
import { REACHED_STATUSES } from '../model/deployments';
import { parseSubject, subject } from '../model/subjects';
import type {
  ArtifactEntitiesTable,
  DeploymentCommitsTable,
  DeploymentsTable,
  EntityChangesTable,
  EventsTable,
  ItemLinksTable,
  PrCommitsTable,
  PullRequestsTable,
  WorkItemsTable,
} from './tables';
import { num, selectIn } from './util';

/** A feature item of an entity that reached production (DESIGN §14, §17). */
export interface DeployedFeature {
  key: string;
  title: string;
  value: number | null;
  /**
   * Finish of the entity's first successful production deployment that includes one of
   * the item's commits (its own, or those of its pull requests and their merge commits).
   */
  deployedAt: number;
  /** The entity's successful production deployments that include one of its commits. */
  deploymentIds: string[];
}

/**
 * The reads behind feature outcomes (`GET …/value`): an entity's deployed features and
 * their feedback, usage and support-ticket events. A fixed number of indexed queries
 * whatever the number of features (each chunked by `selectIn`), never one per feature.
 */
export class FeatureQueries {
  constructor(private readonly db: Knex) {}

  /**
   * The entity's feature items whose first successful production deployment (of the
   * entity) finished in `range`. Candidates come from the changes the entity first
   * deployed in the range (`vs_entity_changes`, one index range); their first deployment
   * is then computed over all of the entity's deployments, so an item shipped before the
   * range by an earlier change is left out.
   */
  async deployedFeatures(
    entityRef: string,
    range: Window,
  ): Promise<DeployedFeature[]> {
    const db = this.db;
    const changes: Pick<EntityChangesTable, 'change_id'>[] = await db(
      'vs_entity_changes',
    )
      .select('change_id')
      .where('entity_ref', entityRef)
      .where('deployed_at', '>=', range.from)
      .where('deployed_at', '<', range.to);
    const changeIds = changes.map(c => c.change_id);
    if (!changeIds.length) return [];

    // The changes' commits: a PR's commits and merge commit, or the direct commit itself.
    const prs = await this.pullRequestShas(changeIds);
    const prIds = [...prs.keys()];
    const changeShas = new Set(changeIds.filter(id => !prs.has(id)));
    for (const shas of prs.values()) shas.forEach(s => changeShas.add(s));
    const linked = [
      ...(await this.keysLinked('pr', prIds)),
      ...(await this.keysLinked('commit', [...changeShas])),
    ];
    const features = await this.featureItems(entityRef, linked);
    if (!features.length) return [];

    // Every commit of each candidate (as its journey collects them, correlation/rebuildItems).
    const links = await selectIn<ItemLinksTable>(
      () => db('vs_item_links').select('item_key', 'kind', 'ref'),
      'item_key',
      features.map(f => f.key),
    );
    const itemPrs = await this.pullRequestShas(
      links.filter(l => l.kind === 'pr').map(l => l.ref),
    );
    const shasOf = new Map<string, Set<string>>();
    for (const l of links) {
      const set = shasOf.get(l.item_key) ?? new Set<string>();
      if (l.kind === 'commit') set.add(l.ref);
      else itemPrs.get(l.ref)?.forEach(s => set.add(s));
      shasOf.set(l.item_key, set);
    }
    const deployed = await this.productionDeploymentsOf(entityRef, [
      ...new Set([...shasOf.values()].flatMap(s => [...s])),
    ]);

    const out: DeployedFeature[] = [];
    for (const f of features) {
      const ids = new Set<string>();
      let first = Infinity;
      for (const sha of shasOf.get(f.key) ?? []) {
        for (const d of deployed.get(sha) ?? []) {
          ids.add(d.id);
          first = Math.min(first, d.finishedAt);
        }
      }
      if (first < range.from || first >= range.to) continue;
      out.push({
        key: f.key,
        title: f.title,
        value: num(f.value),
        deployedAt: first,
        deploymentIds: [...ids].sort(),
      });
    }
    return out.sort((a, b) =>
      a.deployedAt === b.deployedAt
        ? a.key.localeCompare(b.key)
        : a.deployedAt - b.deployedAt,
    );
  }

  /**
   * The `feedback.submitted`, `usage.reported` and `support_ticket.*` events of these
   * features (stored under `feature:<key>`), by key: one indexed read of `vs_events`.
   */
  async featureEvents(keys: string[]): Promise<Map<string, StoredEvent[]>> {
    const rows = await selectIn<
      Pick<EventsTable, 'payload' | 'occurred_at' | 'subject'>
    >(
      () =>
        this.db('vs_events')
          .select('payload', 'occurred_at', 'subject')
          // A fixed order, so any arrival order reads the same list.
          .orderBy(['occurred_at', 'source', 'id']),
      'subject',
      keys.map(k => subject('feature', k)),
    );
    const out = new Map<string, StoredEvent[]>(keys.map(k => [k, []]));
    for (const r of rows) {
      const key = parseSubject(r.subject)?.id;
      if (key === undefined) continue;
      out.get(key)?.push({
        ...JSON.parse(r.payload),
        at: num(r.occurred_at)!,
        subject: r.subject,
      });
    }
    return out;
  }

  /** The merged PRs among these ids, each with its commits and merge commit. */
  private async pullRequestShas(
    ids: string[],
  ): Promise<Map<string, Set<string>>> {
    const prs = await selectIn<
      Pick<PullRequestsTable, 'id' | 'merge_commit_sha'>
    >(
      () => this.db('vs_pull_requests').select('id', 'merge_commit_sha'),
      'id',
      ids,
    );
    const out = new Map<string, Set<string>>();
    for (const p of prs)
      out.set(p.id, new Set(p.merge_commit_sha ? [p.merge_commit_sha] : []));
    const commits = await selectIn<PrCommitsTable>(
      () => this.db('vs_pr_commits').select('pr_id', 'sha'),
      'pr_id',
      [...out.keys()],
    );
    for (const c of commits) out.get(c.pr_id)?.add(c.sha);
    return out;
  }

  private async keysLinked(kind: ItemLinksTable['kind'], refs: string[]) {
    const rows = await selectIn<Pick<ItemLinksTable, 'item_key'>>(
      () => this.db('vs_item_links').select('item_key').where({ kind }),
      'ref',
      refs,
    );
    return rows.map(r => r.item_key);
  }

  /** Which of these items are features of the entity. */
  private async featureItems(entityRef: string, keys: string[]) {
    return selectIn<Pick<WorkItemsTable, 'key' | 'title' | 'value'>>(
      () =>
        this.db('vs_work_items')
          .select('key', 'title', 'value')
          .where('item_type', 'feature')
          .whereIn(
            'key',
            this.db('vs_item_entities')
              .select('item_key')
              .where('entity_ref', entityRef),
          ),
      'key',
      keys,
    );
  }

  /**
   * Per sha, the entity's successful production deployments that include it
   * (`isSuccessfulProductionDeployment` in SQL, as database/entityChanges.ts).
   */
  private async productionDeploymentsOf(entityRef: string, shas: string[]) {
    const links = await selectIn<DeploymentCommitsTable>(
      () => this.db('vs_deployment_commits').select('deployment_id', 'sha'),
      'sha',
      shas,
    );
    const ids = [...new Set(links.map(l => l.deployment_id))];
    const ofEntity = new Set(
      (
        await selectIn<Pick<ArtifactEntitiesTable, 'ref'>>(
          () =>
            this.db('vs_artifact_entities')
              .select('ref')
              .where({ kind: 'deployment', entity_ref: entityRef }),
          'ref',
          ids,
        )
      ).map(r => r.ref),
    );
    const finished = new Map(
      (
        await selectIn<Pick<DeploymentsTable, 'deployment_id' | 'finished_at'>>(
          () =>
            this.db('vs_deployments')
              .where('env_class', 'production')
              .whereNotNull('finished_at')
              .whereIn('status', REACHED_STATUSES)
              .select('deployment_id', 'finished_at'),
          'deployment_id',
          ids.filter(id => ofEntity.has(id)),
        )
      ).map(r => [r.deployment_id, num(r.finished_at)!]),
    );
    const out = new Map<string, { id: string; finishedAt: number }[]>();
    for (const l of links) {
      const at = finished.get(l.deployment_id);
      if (at === undefined) continue;
      const list = out.get(l.sha) ?? [];
      list.push({ id: l.deployment_id, finishedAt: at });
      out.set(l.sha, list);
    }
    return out;
  }
}
