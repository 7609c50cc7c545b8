import type { Knex } from 'knex';
import { subject } from '../model/subjects';
import { chunk } from './util';

const IN_LIST = 1000;

/** `select … where column in (values)` in chunks, over the rows `query` builds. */
async function inChunks<R>(
  values: readonly string[],
  query: (part: string[]) => Knex.QueryBuilder,
): Promise<R[]> {
  const out: R[] = [];
  for (const part of chunk([...new Set(values)], IN_LIST))
    out.push(...((await query(part)) as R[]));
  return out;
}

/** `delete … where column in (values)` in chunks; answers the rows deleted. */
async function deleteIn(
  db: Knex,
  table: string,
  column: string,
  values: readonly string[],
  extra?: (q: Knex.QueryBuilder) => Knex.QueryBuilder,
): Promise<number> {
  let n = 0;
  for (const part of chunk([...new Set(values)], IN_LIST)) {
    const q = db(table).whereIn(column, part);
    n += Number(await (extra ? extra(q) : q).delete());
  }
  return n;
}

/** One batch of candidates: those that expire, and the cursor after the batch (null: none left). */
export interface Expired {
  expired: string[];
  next: string | null;
}

/** A deployment finished (or started) at or after the cutoff. */
const RECENT_DEPLOYMENT = 'coalesce(d.finished_at, d.started_at) >= ?';

/**
 * The deletes of a retention pass (DESIGN §16 "Retention"): each method looks at or deletes
 * one bounded batch, by primary keys and indexes, so every transaction is short. What a still
 * live item needs is kept: an item goes with its journey and links once it was done before
 * the cutoff and neither it, nor a commit or PR linked to it, had an event since, nor a
 * deployment since included its changes; a commit or PR goes with it only when no other item
 * is linked to it.
 */
export class RetentionStore {
  constructor(private readonly db: Knex) {}

  /** Items done before `cutoff`, after `afterKey` in key order, at most `limit`. */
  async doneBefore(cutoff: number, afterKey: string, limit: number) {
    const rows: { key: string }[] = await this.db('vs_work_items')
      .select('key')
      .where('done_at', '<', cutoff)
      .where('stage_entered_at', '<', cutoff)
      .where('key', '>', afterKey)
      .orderBy('key')
      .limit(limit);
    return rows.map(r => r.key);
  }

  /** Subjects among these with an event that occurred at or after `cutoff`. */
  private async recentSubjects(subjects: string[], cutoff: number) {
    const rows = await inChunks<{ subject: string }>(subjects, part =>
      this.db('vs_events')
        .distinct('subject')
        .whereIn('subject', part)
        .where('occurred_at', '>=', cutoff),
    );
    return new Set(rows.map(r => r.subject));
  }

  /** Commits among these included by a deployment at or after `cutoff`. */
  private async recentlyDeployed(shas: string[], cutoff: number) {
    const rows = await inChunks<{ sha: string }>(shas, part =>
      this.db('vs_deployment_commits as dc')
        .join('vs_deployments as d', 'd.deployment_id', 'dc.deployment_id')
        .distinct('dc.sha')
        .whereIn('dc.sha', part)
        .whereRaw(RECENT_DEPLOYMENT, [cutoff]),
    );
    return new Set(rows.map(r => r.sha));
  }

  /**
   * Of `keys` (done before the cutoff), those that expire: the rest had an event of their own
   * or of a linked commit or PR since, or a linked change deployed since.
   */
  async expiredItems(keys: string[], cutoff: number): Promise<string[]> {
    if (!keys.length) return [];
    const links = await inChunks<{
      item_key: string;
      kind: string;
      ref: string;
    }>(keys, part =>
      this.db('vs_item_links')
        .select('item_key', 'kind', 'ref')
        .whereIn('item_key', part),
    );
    const prIds = links.filter(l => l.kind === 'pr').map(l => l.ref);
    const prCommits = await inChunks<{ pr_id: string; sha: string }>(
      prIds,
      part =>
        this.db('vs_pr_commits').select('pr_id', 'sha').whereIn('pr_id', part),
    );
    const artifactSubject = (l: { kind: string; ref: string }) =>
      subject(l.kind === 'pr' ? 'pr' : 'commit', l.ref);
    const recent = await this.recentSubjects(
      [...keys.map(k => subject('item', k)), ...links.map(artifactSubject)],
      cutoff,
    );
    const deployed = await this.recentlyDeployed(
      [
        ...links.filter(l => l.kind === 'commit').map(l => l.ref),
        ...prCommits.map(pc => pc.sha),
      ],
      cutoff,
    );
    const live = new Set<string>();
    for (const k of keys) if (recent.has(subject('item', k))) live.add(k);
    const deployedPrs = new Set(
      prCommits.filter(pc => deployed.has(pc.sha)).map(pc => pc.pr_id),
    );
    for (const l of links) {
      if (
        recent.has(artifactSubject(l)) ||
        (l.kind === 'commit' ? deployed.has(l.ref) : deployedPrs.has(l.ref))
      )
        live.add(l.item_key);
    }
    return keys.filter(k => !live.has(k));
  }

  /**
   * Deletes expired items with their journey, entities, links, corrections, resolved alerts
   * and events, and the commits and PRs (with their files, builds and events) no other item
   * is linked to. Answers the rows deleted.
   */
  async deleteItems(keys: string[]): Promise<number> {
    if (!keys.length) return 0;
    const db = this.db;
    const links = await inChunks<{ kind: string; ref: string }>(keys, part =>
      db('vs_item_links').select('kind', 'ref').whereIn('item_key', part),
    );
    const refs = [...new Set(links.map(l => l.ref))];
    const shared = await inChunks<{ kind: string; ref: string }>(refs, part =>
      db('vs_item_links')
        .select('kind', 'ref')
        .whereIn('ref', part)
        .whereNotIn('item_key', keys),
    );
    const kept = new Set(shared.map(l => `${l.kind}\0${l.ref}`));
    const only = (kind: string) => [
      ...new Set(
        links
          .filter(l => l.kind === kind && !kept.has(`${l.kind}\0${l.ref}`))
          .map(l => l.ref),
      ),
    ];
    let n = 0;
    n += await deleteIn(db, 'vs_item_links', 'item_key', keys);
    n += await deleteIn(db, 'vs_stage_intervals', 'item_key', keys);
    n += await deleteIn(db, 'vs_item_entities', 'item_key', keys);
    // Their corrections (DESIGN §16) go with them; the correction events are theirs too.
    n += await deleteIn(db, 'vs_link_corrections', 'item_key', keys);
    n += await deleteIn(db, 'vs_excluded_item_entities', 'item_key', keys);
    n += await deleteIn(db, 'vs_alerts', 'work_item_key', keys, q =>
      q.whereNotNull('resolved_at'),
    );
    n += await deleteIn(db, 'vs_work_items', 'key', keys);
    n += await this.deleteEvents(keys.map(k => subject('item', k)));
    n += await this.deletePullRequests(only('pr'));
    n += await this.deleteCommits(only('commit'));
    return n;
  }

  /** Deletes PRs with their commits list, files, lead-time rows and events. */
  async deletePullRequests(ids: string[]): Promise<number> {
    if (!ids.length) return 0;
    let n = 0;
    n += await deleteIn(this.db, 'vs_pr_commits', 'pr_id', ids);
    n += await deleteIn(this.db, 'vs_pr_files', 'pr_id', ids);
    n += await deleteIn(this.db, 'vs_entity_changes', 'change_id', ids);
    n += await deleteIn(this.db, 'vs_pull_requests', 'id', ids);
    n += await this.deleteEvents(ids.map(id => subject('pr', id)));
    return n;
  }

  /** Deletes commits with their files, builds, lead-time rows and events. */
  async deleteCommits(shas: string[]): Promise<number> {
    if (!shas.length) return 0;
    const builds = await inChunks<{ build_id: string }>(shas, part =>
      this.db('vs_builds').select('build_id').whereIn('commit_sha', part),
    );
    const buildIds = builds.map(b => b.build_id);
    let n = 0;
    n += await deleteIn(this.db, 'vs_builds', 'build_id', buildIds);
    n += await this.deleteEvents(buildIds.map(id => subject('build', id)));
    n += await deleteIn(this.db, 'vs_pr_commits', 'sha', shas);
    n += await deleteIn(this.db, 'vs_commit_files', 'sha', shas);
    n += await deleteIn(this.db, 'vs_entity_changes', 'change_id', shas);
    n += await deleteIn(this.db, 'vs_commits', 'sha', shas);
    n += await this.deleteEvents(shas.map(s => subject('commit', s)));
    return n;
  }

  /** Events of these subjects, except those still queued for correlation. */
  private deleteEvents(subjects: string[]) {
    return deleteIn(this.db, 'vs_events', 'subject', subjects, q =>
      q.whereNotIn('seq', this.db('vs_pending').select('seq')),
    );
  }

  /**
   * PRs linked to no item, last updated before `cutoff`, with no event since and no commit
   * deployed since; after `afterId`, at most `limit`.
   */
  async expiredUnlinkedPullRequests(
    cutoff: number,
    afterId: string,
    limit: number,
  ): Promise<Expired> {
    const rows: { id: string }[] = await this.db('vs_pull_requests as p')
      .select('p.id')
      .where('p.updated_at', '<', cutoff)
      .where('p.id', '>', afterId)
      .whereNotExists(q =>
        q
          .select(this.db.raw('1'))
          .from('vs_item_links as l')
          .where('l.kind', 'pr')
          .whereRaw('l.ref = p.id'),
      )
      .orderBy('p.id')
      .limit(limit);
    return this.withoutRecent(
      rows.map(r => r.id),
      id => subject('pr', id),
      cutoff,
      async ids => {
        const pcs = await inChunks<{ pr_id: string; sha: string }>(ids, part =>
          this.db('vs_pr_commits')
            .select('pr_id', 'sha')
            .whereIn('pr_id', part),
        );
        const deployed = await this.recentlyDeployed(
          pcs.map(pc => pc.sha),
          cutoff,
        );
        return new Set(
          pcs.filter(pc => deployed.has(pc.sha)).map(pc => pc.pr_id),
        );
      },
    );
  }

  /**
   * Commits linked to no item and in no PR, pushed before `cutoff`, with no event since and
   * not deployed since; after `afterSha`, at most `limit`.
   */
  async expiredUnlinkedCommits(
    cutoff: number,
    afterSha: string,
    limit: number,
  ): Promise<Expired> {
    const rows: { sha: string }[] = await this.db('vs_commits as c')
      .select('c.sha')
      .where('c.pushed_at', '<', cutoff)
      .where('c.sha', '>', afterSha)
      .whereNotExists(q =>
        q
          .select(this.db.raw('1'))
          .from('vs_item_links as l')
          .where('l.kind', 'commit')
          .whereRaw('l.ref = c.sha'),
      )
      .whereNotExists(q =>
        q
          .select(this.db.raw('1'))
          .from('vs_pr_commits as pc')
          .whereRaw('pc.sha = c.sha'),
      )
      .orderBy('c.sha')
      .limit(limit);
    return this.withoutRecent(
      rows.map(r => r.sha),
      sha => subject('commit', sha),
      cutoff,
      shas => this.recentlyDeployed(shas, cutoff),
    );
  }

  /**
   * Deployments that finished (or started) before `cutoff`, none of whose commits is still
   * stored, with no incident opened since attributed to them and no event since; after
   * `afterId`, at most `limit`.
   */
  async expiredDeployments(
    cutoff: number,
    afterId: string,
    limit: number,
  ): Promise<Expired> {
    const rows: { id: string }[] = await this.db('vs_deployments as d')
      .select('d.deployment_id as id')
      .whereRaw('coalesce(d.finished_at, d.started_at, 0) < ?', [cutoff])
      .where('d.deployment_id', '>', afterId)
      .whereNotExists(q =>
        q
          .select(this.db.raw('1'))
          .from('vs_deployment_commits as dc')
          .join('vs_commits as c', 'c.sha', 'dc.sha')
          .whereRaw('dc.deployment_id = d.deployment_id'),
      )
      .whereNotExists(q =>
        q
          .select(this.db.raw('1'))
          .from('vs_commits as c')
          .whereRaw('c.sha = d.commit_sha'),
      )
      .whereNotExists(q =>
        q
          .select(this.db.raw('1'))
          .from('vs_incidents as i')
          .whereRaw('i.deployment_id = d.deployment_id')
          .whereRaw('coalesce(i.resolved_at, i.opened_at, ?) >= ?', [
            cutoff,
            cutoff,
          ]),
      )
      .orderBy('d.deployment_id')
      .limit(limit);
    return this.withoutRecent(
      rows.map(r => r.id),
      id => subject('deployment', id),
      cutoff,
    );
  }

  async deleteDeployments(ids: string[]): Promise<number> {
    if (!ids.length) return 0;
    let n = 0;
    n += await deleteIn(this.db, 'vs_deployment_commits', 'deployment_id', ids);
    n += await deleteIn(this.db, 'vs_artifact_entities', 'ref', ids, q =>
      q.where('kind', 'deployment'),
    );
    n += await deleteIn(this.db, 'vs_deployments', 'deployment_id', ids);
    n += await this.deleteEvents(ids.map(id => subject('deployment', id)));
    return n;
  }

  /** Resolved incidents, resolved before `cutoff`, with no event since; after `afterId`. */
  async expiredIncidents(
    cutoff: number,
    afterId: string,
    limit: number,
  ): Promise<Expired> {
    const rows: { id: string }[] = await this.db('vs_incidents')
      .select('incident_id as id')
      .where('resolved_at', '<', cutoff)
      .where('incident_id', '>', afterId)
      .orderBy('incident_id')
      .limit(limit);
    return this.withoutRecent(
      rows.map(r => r.id),
      id => subject('incident', id),
      cutoff,
    );
  }

  async deleteIncidents(ids: string[]): Promise<number> {
    if (!ids.length) return 0;
    let n = 0;
    n += await deleteIn(this.db, 'vs_artifact_entities', 'ref', ids, q =>
      q.where('kind', 'incident'),
    );
    n += await deleteIn(this.db, 'vs_incidents', 'incident_id', ids);
    n += await this.deleteEvents(ids.map(id => subject('incident', id)));
    return n;
  }

  /**
   * Events before `cutoff` that no derived row stands for: of no subject (types no rule
   * uses) or of a feature (feedback, usage), not queued; at most `limit`, by their index.
   */
  async deleteLooseEvents(cutoff: number, limit: number): Promise<number> {
    const rows: { seq: number | string }[] = await this.db('vs_events')
      .select('seq')
      .where('occurred_at', '<', cutoff)
      .where(q =>
        q.whereNull('subject').orWhere('subject', 'like', 'feature:%'),
      )
      .whereNotIn('seq', this.db('vs_pending').select('seq'))
      .limit(limit);
    return deleteIn(
      this.db,
      'vs_events',
      'seq',
      rows.map(r => String(r.seq)),
    );
  }

  /** Alerts resolved before `cutoff`, at most `limit`. */
  async deleteResolvedAlerts(cutoff: number, limit: number): Promise<number> {
    const rows: { id: string }[] = await this.db('vs_alerts')
      .select('id')
      .where('resolved_at', '<', cutoff)
      .limit(limit);
    return deleteIn(
      this.db,
      'vs_alerts',
      'id',
      rows.map(r => r.id),
    );
  }

  /** `ids` minus those with an event since `cutoff` or that `alsoLive` names. */
  private async withoutRecent(
    ids: string[],
    toSubject: (id: string) => string,
    cutoff: number,
    alsoLive?: (ids: string[]) => Promise<Set<string>>,
  ): Promise<Expired> {
    if (!ids.length) return { expired: [], next: null };
    const recent = await this.recentSubjects(ids.map(toSubject), cutoff);
    const live = alsoLive ? await alsoLive(ids) : new Set<string>();
    return {
      expired: ids.filter(id => !recent.has(toSubject(id)) && !live.has(id)),
      next: ids[ids.length - 1],
    };
  }
}
