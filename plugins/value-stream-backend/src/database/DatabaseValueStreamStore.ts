import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import type { ItemType } from '@valuestream/backstage-plugin-value-stream-common';
import type {
  BuildRow,
  CommitRow,
  DeploymentRow,
  IncidentRow,
  PullRequestRow,
  StoredEvent,
} from '../correlation/folds';
import type { ItemStats, Journey } from '../journeys/types';
import { AlertStore } from './AlertStore';
import { refreshEntityChanges } from './entityChanges';
import { MetricsQueries } from './MetricsQueries';
import {
  chunk,
  insertIgnore,
  num,
  PARAMS_PER_STATEMENT,
  ROWS_PER_STATEMENT,
  selectIn,
  upsert,
} from './util';

/** Arbitrary 64-bit key of the PostgreSQL advisory lock that serialises correlation. */
const INGEST_LOCK_KEY = 7_301_119_455;

const migrationsDir = resolvePackagePath(
  '@valuestream/backstage-plugin-value-stream-backend',
  'migrations',
);

/** A raw event row to store. */
export interface EventRow {
  source: string;
  id: string;
  type: string;
  occurred_at: number;
  received_at: number;
  entity_ref: string | null;
  repository: string | null;
  subject: string | null;
  payload: string;
}

/** A work item's stored journey plus its derived numbers and entities. */
export interface StoredJourney {
  journey: Journey;
  stats: ItemStats;
  entityRefs: string[];
  /** Digest of journey and entities (see Correlator); unchanged items are skipped. */
  digest?: string;
}

export interface LinkRow {
  item_key: string;
  kind: 'commit' | 'pr';
  ref: string;
}

/** Work item row as listed (see ValueStreamStore.listWorkItems). */
export interface WorkItemRow {
  key: string;
  title: string;
  itemType: ItemType;
  priority: string | null;
  value: number | null;
  labels: string[];
  stage: string;
  stageCategory: string;
  stageEnteredAt: number;
  createdAt: number;
  startedAt: number | null;
  doneAt: number | null;
  blocked: boolean;
  cycleTime: number | null;
  leadTime: number | null;
  activeTime: number | null;
  waitTime: number | null;
  blockedTime: number | null;
  journey: Journey;
}

const toWorkItem = (r: any): WorkItemRow => ({
  key: r.key,
  title: r.title,
  itemType: r.item_type,
  priority: r.priority ?? null,
  value: num(r.value),
  labels: r.labels ? JSON.parse(r.labels) : [],
  stage: r.stage,
  stageCategory: r.stage_category,
  stageEnteredAt: num(r.stage_entered_at)!,
  createdAt: num(r.created_at)!,
  startedAt: num(r.started_at),
  doneAt: num(r.done_at),
  blocked: Boolean(r.blocked),
  cycleTime: num(r.cycle_time),
  leadTime: num(r.lead_time),
  activeTime: num(r.active_time),
  waitTime: num(r.wait_time),
  blockedTime: num(r.blocked_time),
  journey: r.journey ? JSON.parse(r.journey) : undefined,
});

const WORK_ITEM_COLUMNS = [
  'key',
  'title',
  'item_type',
  'priority',
  'value',
  'labels',
  'created_at',
  'started_at',
  'done_at',
  'stage',
  'stage_category',
  'stage_entered_at',
  'blocked',
  'cycle_time',
  'lead_time',
  'active_time',
  'wait_time',
  'blocked_time',
];

/** The journey of a stored item row (read with its `journey` column). */
export function toJourney(row: WorkItemRow): Journey {
  return {
    key: row.key,
    title: row.title,
    itemType: row.itemType,
    priority: row.priority,
    value: row.value,
    labels: row.labels,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    doneAt: row.doneAt,
    stage: row.stage,
    stageEnteredAt: row.stageEnteredAt,
    blocked: row.blocked,
    intervals: row.journey.intervals,
    blockedIntervals: row.journey.blockedIntervals,
  };
}

const toDeployment = (r: any): DeploymentRow => ({
  deployment_id: r.deployment_id,
  environment: r.environment,
  env_class: r.env_class,
  service: r.service,
  repository: r.repository,
  entity_ref: r.entity_ref,
  commit_sha: r.commit_sha,
  explicit_commits: Boolean(r.explicit_commits),
  started_at: num(r.started_at),
  finished_at: num(r.finished_at),
  status: r.status,
  rolled_back_at: num(r.rolled_back_at),
  commits: [],
});

/**
 * The knex store of the value stream (SQLite and PostgreSQL). Every method works on
 * batches: one round trip per table and chunk, never one per event.
 */
export class DatabaseValueStreamStore {
  /** Alerts and the alert schedule. */
  readonly alerts: AlertStore;
  /** The read queries behind metrics, time series and work-item details. */
  readonly metrics: MetricsQueries;

  private constructor(private readonly db: Knex) {
    this.alerts = new AlertStore(db);
    this.metrics = new MetricsQueries(db);
  }

  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseValueStreamStore> {
    const db = await options.database.getClient();
    if (!options.skipMigrations && !options.database.migrations?.skip) {
      await db.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseValueStreamStore(db);
  }

  /** For tests and migrations checks. */
  static fromKnex(db: Knex) {
    return new DatabaseValueStreamStore(db);
  }

  static migrationsDirectory() {
    return migrationsDir;
  }

  /**
   * Runs `fn` while holding the ingest lock. Correlation re-reads an item's history and
   * rewrites its journey, so two writers on one item must not interleave: within a
   * process a promise queue does it; across replicas on PostgreSQL a session advisory
   * lock does (SQLite has a single writer process).
   */
  withIngestLock<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(() => this.withAdvisoryLock(fn));
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private queue: Promise<void> = Promise.resolve();

  private async withAdvisoryLock<T>(fn: () => Promise<T>): Promise<T> {
    if (this.db.client.config.client !== 'pg') return fn();
    const conn = await this.db.client.acquireConnection();
    try {
      await this.db
        .raw('select pg_advisory_lock(?)', [INGEST_LOCK_KEY])
        .connection(conn);
      try {
        return await fn();
      } finally {
        await this.db
          .raw('select pg_advisory_unlock(?)', [INGEST_LOCK_KEY])
          .connection(conn);
      }
    } finally {
      await this.db.client.releaseConnection(conn);
    }
  }

  // ---- raw events ---------------------------------------------------------------------

  /**
   * Runs `fn` in one database transaction with a store bound to it: all of its writes
   * commit together or not at all.
   */
  transaction<T>(
    fn: (store: DatabaseValueStreamStore) => Promise<T>,
  ): Promise<T> {
    return this.db.transaction(tx => fn(new DatabaseValueStreamStore(tx)));
  }

  /**
   * Stores the events not stored yet, and queues the ones with a subject for correlation,
   * in one transaction. Returns the `source\0id` of those inserted and the highest `seq`
   * queued. The database decides what is new (`on conflict do nothing returning`), so two
   * requests racing with the same event store and count it once.
   */
  async insertEvents(
    rows: EventRow[],
  ): Promise<{ inserted: Set<string>; maxPendingSeq: number | null }> {
    const id = (s: string, i: string) => `${s}\u0000${i}`;
    const inserted = new Set<string>();
    let maxPendingSeq: number | null = null;
    const seen = new Set<string>();
    const fresh = rows.filter(r => {
      const k = id(r.source, r.id);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    if (!fresh.length) return { inserted, maxPendingSeq };
    await this.db.transaction(async tx => {
      const pending: { seq: number; received_at: number }[] = [];
      const size = Math.floor(PARAMS_PER_STATEMENT / 9);
      for (const part of chunk(fresh, Math.min(size, ROWS_PER_STATEMENT))) {
        const back: {
          seq: unknown;
          source: string;
          id: string;
          subject: string | null;
          received_at: unknown;
        }[] = await tx('vs_events')
          .insert(part)
          .onConflict(['source', 'id'])
          .ignore()
          .returning(['seq', 'source', 'id', 'subject', 'received_at']);
        for (const b of back) {
          inserted.add(id(b.source, b.id));
          if (b.subject === null) continue;
          const seq = Number(b.seq);
          pending.push({ seq, received_at: Number(b.received_at) });
          if (maxPendingSeq === null || seq > maxPendingSeq)
            maxPendingSeq = seq;
        }
      }
      for (const part of chunk(pending, ROWS_PER_STATEMENT))
        await tx('vs_pending').insert(part);
    });
    return { inserted, maxPendingSeq };
  }

  /** The oldest accepted events still to correlate, at most `limit`, in `seq` order. */
  async pendingEvents(
    limit: number,
  ): Promise<(StoredEvent & { seq: number })[]> {
    const rows = await this.db('vs_pending as p')
      .join('vs_events as e', 'e.seq', 'p.seq')
      .select('e.seq', 'e.payload', 'e.occurred_at', 'e.subject')
      .orderBy('p.seq')
      .limit(limit);
    return rows.map(
      (r: {
        seq: unknown;
        payload: string;
        occurred_at: unknown;
        subject: string;
      }) => ({
        ...JSON.parse(r.payload),
        at: num(r.occurred_at)!,
        subject: r.subject,
        seq: Number(r.seq),
      }),
    );
  }

  /** Removes correlated events from the queue. */
  async clearPending(seqs: number[]) {
    for (const part of chunk(seqs, 2000))
      await this.db('vs_pending').whereIn('seq', part).delete();
  }

  /** How many accepted events wait for correlation, and since when (DESIGN §8). */
  async pendingStatus(): Promise<{
    pending: number;
    oldestPendingAt: number | null;
    lowestSeq: number | null;
  }> {
    const row = await this.db('vs_pending')
      .count({ n: '*' })
      .min({ oldest: 'received_at', low: 'seq' })
      .first();
    return {
      pending: Number(row?.n ?? 0),
      oldestPendingAt: num(row?.oldest),
      lowestSeq: num(row?.low),
    };
  }

  async eventsForSubjects(subjects: string[]): Promise<StoredEvent[]> {
    const rows = await selectIn<any>(
      () => this.db('vs_events').select('payload', 'occurred_at', 'subject'),
      'subject',
      subjects,
    );
    return rows.map(r => ({
      ...JSON.parse(r.payload),
      at: num(r.occurred_at)!,
      subject: r.subject,
    }));
  }

  /** Pages through every stored event in arrival order (for rebuilds). */
  async *allEvents(pageSize = 5000): AsyncGenerator<StoredEvent[]> {
    let after = 0;
    for (;;) {
      const rows = await this.db('vs_events')
        .select('seq', 'payload', 'occurred_at', 'subject')
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(pageSize);
      if (!rows.length) return;
      after = num(rows[rows.length - 1].seq)!;
      yield rows.map(r => ({
        ...JSON.parse(r.payload),
        at: num(r.occurred_at)!,
        subject: r.subject,
      }));
    }
  }

  async distinctSubjects(prefix: string): Promise<string[]> {
    const rows = await this.db('vs_events')
      .distinct('subject')
      .where('subject', 'like', `${prefix}%`);
    return rows.map(r => r.subject);
  }

  // ---- artifacts -------------------------------------------------------------------------

  async upsertCommits(rows: CommitRow[]) {
    await upsert(this.db, 'vs_commits', rows as any[], 'sha');
  }

  async upsertPullRequests(rows: PullRequestRow[]) {
    await upsert(
      this.db,
      'vs_pull_requests',
      rows.map(({ commits, ...r }) => r),
      'id',
      12,
    );
    await this.addPrCommits(
      rows.flatMap(r => [
        ...r.commits.map(sha => ({ pr_id: r.id, sha })),
        ...(r.merge_commit_sha
          ? [{ pr_id: r.id, sha: r.merge_commit_sha }]
          : []),
      ]),
    );
  }

  async addPrCommits(pairs: { pr_id: string; sha: string }[]) {
    await insertIgnore(this.db, 'vs_pr_commits', pairs, ['pr_id', 'sha']);
  }

  async upsertBuilds(rows: BuildRow[]) {
    await upsert(this.db, 'vs_builds', rows as any[], 'build_id');
  }

  async upsertDeployments(rows: DeploymentRow[]) {
    await upsert(
      this.db,
      'vs_deployments',
      rows.map(({ commits, ...r }) => r),
      'deployment_id',
      13,
    );
    // A deployment always includes the commit it deployed, whatever else is derived.
    await insertIgnore(
      this.db,
      'vs_deployment_commits',
      rows
        .filter(r => r.commit_sha)
        .map(r => ({ deployment_id: r.deployment_id, sha: r.commit_sha })),
      ['deployment_id', 'sha'],
    );
    const explicit = rows.filter(r => r.explicit_commits);
    await this.replaceDeploymentCommits(
      new Map(
        explicit.map(r => [
          r.deployment_id,
          [...new Set([...r.commits, ...(r.commit_sha ? [r.commit_sha] : [])])],
        ]),
      ),
    );
  }

  async replaceDeploymentCommits(commitsById: Map<string, string[]>) {
    const ids = [...commitsById.keys()];
    for (const part of chunk(ids, 500)) {
      await this.db('vs_deployment_commits')
        .whereIn('deployment_id', part)
        .delete();
    }
    await insertIgnore(
      this.db,
      'vs_deployment_commits',
      [...commitsById].flatMap(([deployment_id, shas]) =>
        shas.map(sha => ({ deployment_id, sha })),
      ),
      ['deployment_id', 'sha'],
    );
  }

  async upsertIncidents(rows: IncidentRow[]) {
    await upsert(this.db, 'vs_incidents', rows as any[], 'incident_id');
  }

  async setArtifactEntities(
    kind: 'deployment' | 'incident',
    byRef: Map<string, string[]>,
  ) {
    for (const part of chunk([...byRef.keys()], 500)) {
      await this.db('vs_artifact_entities')
        .where({ kind })
        .whereIn('ref', part)
        .delete();
    }
    await insertIgnore(
      this.db,
      'vs_artifact_entities',
      [...byRef].flatMap(([ref, refs]) =>
        refs.map(entity_ref => ({ entity_ref, kind, ref })),
      ),
      ['entity_ref', 'kind', 'ref'],
    );
  }

  async artifactEntities(
    kind: 'deployment' | 'incident',
    refs: string[],
  ): Promise<Map<string, string[]>> {
    const rows = await selectIn<any>(
      () =>
        this.db('vs_artifact_entities')
          .select('ref', 'entity_ref')
          .where({ kind }),
      'ref',
      refs,
    );
    const out = new Map<string, string[]>();
    for (const r of rows)
      (out.get(r.ref) ?? out.set(r.ref, []).get(r.ref)!).push(r.entity_ref);
    return out;
  }

  async addLinks(links: LinkRow[]) {
    await insertIgnore(this.db, 'vs_item_links', links as any[], [
      'item_key',
      'kind',
      'ref',
    ]);
  }

  // ---- correlation lookups -------------------------------------------------------------------

  async linksForItems(keys: string[]): Promise<LinkRow[]> {
    return selectIn<LinkRow>(
      () => this.db('vs_item_links').select('*'),
      'item_key',
      keys,
    );
  }

  async keysLinkedTo(kind: 'commit' | 'pr', refs: string[]): Promise<string[]> {
    const rows = await selectIn<any>(
      () => this.db('vs_item_links').select('item_key').where({ kind }),
      'ref',
      refs,
    );
    return [...new Set(rows.map(r => r.item_key))];
  }

  /** Recomputes `vs_entity_changes` for these change ids (PR ids or shas), or all. */
  async refreshEntityChanges(ids?: string[]) {
    await refreshEntityChanges(this.db, ids);
  }

  async prIdsForCommits(shas: string[]): Promise<string[]> {
    const rows = await selectIn<any>(
      () => this.db('vs_pr_commits').select('pr_id'),
      'sha',
      shas,
    );
    return [...new Set(rows.map(r => r.pr_id))];
  }

  async prCommits(prIds: string[]): Promise<{ pr_id: string; sha: string }[]> {
    return selectIn(
      () => this.db('vs_pr_commits').select('pr_id', 'sha'),
      'pr_id',
      prIds,
    );
  }

  async commits(shas: string[]): Promise<CommitRow[]> {
    const rows = await selectIn<any>(
      () => this.db('vs_commits').select('*'),
      'sha',
      shas,
    );
    return rows.map(r => ({
      ...r,
      on_default: Boolean(r.on_default),
      authored_at: num(r.authored_at)!,
      pushed_at: num(r.pushed_at)!,
    }));
  }

  /** The ids among these of the pull requests stored. */
  async existingPullRequestIds(ids: string[]): Promise<string[]> {
    const rows = await selectIn<{ id: string }>(
      () => this.db('vs_pull_requests').select('id'),
      'id',
      ids,
    );
    return rows.map(r => r.id);
  }

  async pullRequests(ids: string[]): Promise<PullRequestRow[]> {
    const rows = await selectIn<any>(
      () => this.db('vs_pull_requests').select('*'),
      'id',
      ids,
    );
    const commits = await this.prCommits(ids);
    const byPr = new Map<string, string[]>();
    for (const c of commits)
      (byPr.get(c.pr_id) ?? byPr.set(c.pr_id, []).get(c.pr_id)!).push(c.sha);
    return rows.map(r => ({
      ...r,
      number: Number(r.number),
      opened_at: num(r.opened_at),
      merged_at: num(r.merged_at),
      closed_at: num(r.closed_at),
      updated_at: num(r.updated_at)!,
      commits: byPr.get(r.id) ?? [],
    }));
  }

  async buildsForCommits(shas: string[]): Promise<BuildRow[]> {
    const rows = await selectIn<any>(
      () => this.db('vs_builds').select('*'),
      'commit_sha',
      shas,
    );
    return rows.map(r => ({
      ...r,
      started_at: num(r.started_at),
      finished_at: num(r.finished_at),
    }));
  }

  async deploymentIdsForCommits(shas: string[]): Promise<string[]> {
    const rows = await selectIn<any>(
      () => this.db('vs_deployment_commits').select('deployment_id'),
      'sha',
      shas,
    );
    return [...new Set(rows.map(r => r.deployment_id))];
  }

  async deployments(ids: string[]): Promise<DeploymentRow[]> {
    const rows = await selectIn<any>(
      () => this.db('vs_deployments').select('*'),
      'deployment_id',
      ids,
    );
    const commits = await selectIn<any>(
      () => this.db('vs_deployment_commits').select('deployment_id', 'sha'),
      'deployment_id',
      ids,
    );
    const byId = new Map<string, string[]>();
    for (const c of commits)
      (
        byId.get(c.deployment_id) ??
        byId.set(c.deployment_id, []).get(c.deployment_id)!
      ).push(c.sha);
    return rows.map(r => ({
      ...toDeployment(r),
      commits: byId.get(r.deployment_id) ?? [],
    }));
  }

  /** Deployments to derive inclusion for: no explicit commits, in these repositories. */
  async implicitDeployments(repositories: string[]): Promise<DeploymentRow[]> {
    const rows = await selectIn<any>(
      () =>
        this.db('vs_deployments')
          .select('*')
          .where({ explicit_commits: false }),
      'repository',
      repositories,
    );
    return rows.map(toDeployment);
  }

  /** Changes merged into a repository's default branch: merged PRs and default-branch commits. */
  async repositoryHistory(repository: string) {
    const prs = await this.db('vs_pull_requests')
      .select('id', 'merged_at', 'merge_commit_sha')
      .where({ repository })
      .whereNotNull('merged_at');
    const commits = await this.db('vs_commits')
      .select('sha', 'pushed_at')
      .where({ repository, on_default: true });
    // One join instead of an IN list of every PR id, grouped in one pass: filtering the
    // pairs per PR made a default-branch push cost O(PRs × PR commits) (minutes at 20k PRs).
    const pairs = await this.db('vs_pr_commits as c')
      .join('vs_pull_requests as p', 'p.id', 'c.pr_id')
      .select('c.pr_id', 'c.sha')
      .where('p.repository', repository)
      .whereNotNull('p.merged_at');
    const byPr = new Map<string, string[]>();
    for (const c of pairs) {
      const list = byPr.get(c.pr_id);
      if (list) list.push(c.sha);
      else byPr.set(c.pr_id, [c.sha]);
    }
    return {
      prs: prs.map(p => ({
        id: p.id as string,
        mergedAt: num(p.merged_at)!,
        mergeSha: p.merge_commit_sha as string | null,
        commits: byPr.get(p.id) ?? [],
      })),
      commits: commits.map(c => ({
        sha: c.sha as string,
        pushedAt: num(c.pushed_at)!,
      })),
    };
  }

  async incidents(ids: string[]) {
    return selectIn<any>(
      () => this.db('vs_incidents').select('*'),
      'incident_id',
      ids,
    );
  }

  async incidentsForDeployments(ids: string[]) {
    return selectIn<any>(
      () => this.db('vs_incidents').select('*'),
      'deployment_id',
      ids,
    );
  }

  // ---- journeys -------------------------------------------------------------------------------

  async writeJourneys(items: StoredJourney[]) {
    if (!items.length) return;
    const keys = items.map(i => i.journey.key);
    await this.db.transaction(async tx => {
      await upsert(
        tx,
        'vs_work_items',
        items.map(({ journey: j, stats: s, digest }) => ({
          key: j.key,
          title: j.title,
          item_type: j.itemType,
          priority: j.priority,
          value: j.value,
          labels: JSON.stringify(j.labels),
          created_at: j.createdAt,
          started_at: j.startedAt,
          done_at: j.doneAt,
          stage: j.stage,
          stage_category: j.intervals[j.intervals.length - 1].category,
          stage_entered_at: j.stageEnteredAt,
          blocked: j.blocked,
          blocked_since: j.blocked
            ? j.blockedIntervals[j.blockedIntervals.length - 1].from
            : null,
          cycle_time: s.cycleTime,
          lead_time: s.leadTime,
          active_time: s.activeTime,
          wait_time: s.waitTime,
          blocked_time: s.blockedTime,
          journey: JSON.stringify({
            intervals: j.intervals,
            blockedIntervals: j.blockedIntervals,
          }),
          digest: digest ?? null,
        })),
        'key',
        22,
      );
      for (const part of chunk(keys, 500)) {
        await tx('vs_stage_intervals').whereIn('item_key', part).delete();
        await tx('vs_item_entities').whereIn('item_key', part).delete();
      }
      await insertIgnore(
        tx,
        'vs_stage_intervals',
        items.flatMap(({ journey: j }) =>
          j.intervals.map((iv, seq) => ({
            item_key: j.key,
            seq,
            stage: iv.stage,
            category: iv.category,
            entered_at: iv.enteredAt,
            exited_at: iv.exitedAt,
          })),
        ),
        ['item_key', 'seq'],
      );
      await insertIgnore(
        tx,
        'vs_item_entities',
        items.flatMap(i =>
          i.entityRefs.map(entity_ref => ({
            entity_ref,
            item_key: i.journey.key,
          })),
        ),
        ['entity_ref', 'item_key'],
      );
    });
  }

  async storedDigests(
    keys: string[],
  ): Promise<Map<string, { digest: string | null; doneAt: number | null }>> {
    const rows = await selectIn<any>(
      () => this.db('vs_work_items').select('key', 'digest', 'done_at'),
      'key',
      keys,
    );
    return new Map(
      rows.map(r => [r.key, { digest: r.digest, doneAt: num(r.done_at) }]),
    );
  }

  /** Repository names compare case-insensitively, as the entity index does. */
  async commitsInRepositories(repositories: string[]): Promise<CommitRow[]> {
    const rows = await selectIn<any>(
      () => this.db('vs_commits').select('sha'),
      this.db.raw('lower(repository)') as any,
      repositories.map(r => r.toLowerCase()),
    );
    return this.commits(rows.map(r => r.sha));
  }

  async pullRequestsInRepositories(
    repositories: string[],
  ): Promise<PullRequestRow[]> {
    const rows = await selectIn<any>(
      () => this.db('vs_pull_requests').select('id'),
      this.db.raw('lower(repository)') as any,
      repositories.map(r => r.toLowerCase()),
    );
    return this.pullRequests(rows.map(r => r.id));
  }

  async removeLinks(kind: 'commit' | 'pr', refs: string[]) {
    for (const part of chunk([...new Set(refs)], 500)) {
      await this.db('vs_item_links')
        .where({ kind })
        .whereIn('ref', part)
        .delete();
    }
  }

  /** Unresolved deployments plus those of these services or repositories. */
  async deploymentsToResolve(
    services: string[],
    repositories: string[],
  ): Promise<DeploymentRow[]> {
    const ids = new Set(await this.unresolvedArtifacts('deployment'));
    const lower = services.map(s => s.toLowerCase());
    for (const part of chunk(lower, 500)) {
      const rows = await this.db('vs_deployments')
        .select('deployment_id')
        .whereIn(this.db.raw('lower(service)') as any, part);
      rows.forEach(r => ids.add(r.deployment_id));
    }
    for (const part of chunk(
      repositories.map(r => r.toLowerCase()),
      500,
    )) {
      const rows = await this.db('vs_deployments')
        .select('deployment_id')
        .whereIn(this.db.raw('lower(repository)') as any, part);
      rows.forEach(r => ids.add(r.deployment_id));
    }
    return this.deployments([...ids]);
  }

  async incidentsToResolve(services: string[]) {
    const ids = new Set(await this.unresolvedArtifacts('incident'));
    for (const part of chunk(
      services.map(s => s.toLowerCase()),
      500,
    )) {
      const rows = await this.db('vs_incidents')
        .select('incident_id')
        .whereIn(this.db.raw('lower(service)') as any, part);
      rows.forEach(r => ids.add(r.incident_id));
    }
    return this.incidents([...ids]);
  }

  /** Items keyed `<PROJECT>-n` or `<repository>#n`. */
  async itemKeysMatching(
    projectKeys: string[],
    repositories: string[],
  ): Promise<string[]> {
    const patterns = [
      ...projectKeys.map(k => `${k}-%`),
      ...repositories.map(r => `${r}#%`),
    ].map(p => p.toLowerCase());
    const out: string[] = [];
    for (const part of chunk(patterns, 200)) {
      const rows = await this.db('vs_work_items')
        .select('key')
        .where(b => {
          for (const p of part)
            b.orWhere(this.db.raw('lower(key)') as any, 'like', p);
        });
      out.push(...rows.map(r => r.key));
    }
    return out;
  }

  async unresolvedItemKeys(): Promise<string[]> {
    const rows = await this.db('vs_work_items as w')
      .leftJoin('vs_item_entities as e', 'e.item_key', 'w.key')
      .whereNull('e.item_key')
      .select('w.key');
    return rows.map(r => r.key);
  }

  async unresolvedArtifacts(
    kind: 'deployment' | 'incident',
  ): Promise<string[]> {
    const table = kind === 'deployment' ? 'vs_deployments' : 'vs_incidents';
    const id = kind === 'deployment' ? 'deployment_id' : 'incident_id';
    const rows = await this.db(`${table} as t`)
      .leftJoin('vs_artifact_entities as a', function on() {
        this.on('a.ref', '=', `t.${id}`).andOnVal('a.kind', '=', kind);
      })
      .whereNull('a.ref')
      .select(`t.${id} as id`);
    return rows.map(r => r.id);
  }

  // ---- meta ----------------------------------------------------------------------------------

  async getMeta(key: string): Promise<string | undefined> {
    const row = await this.db('vs_meta').where({ key }).first();
    return row?.value;
  }

  async setMeta(key: string, value: string) {
    await this.db('vs_meta').insert({ key, value }).onConflict('key').merge();
  }

  // ---- reads ----------------------------------------------------------------------------------

  async workItem(key: string): Promise<WorkItemRow | undefined> {
    const row = await this.db('vs_work_items').where({ key }).first();
    return row ? toWorkItem(row) : undefined;
  }

  /** Journeys of the entity's items that are open or were done since `doneSince`. */
  async journeysOfEntity(
    entityRef: string,
    doneSince: number,
  ): Promise<Journey[]> {
    const rows = await this.db('vs_work_items')
      .select('*')
      .whereIn(
        'key',
        this.db('vs_item_entities')
          .select('item_key')
          .where('entity_ref', entityRef),
      )
      .where(b => b.whereNull('done_at').orWhere('done_at', '>=', doneSince));
    return rows.map(r => toJourney(toWorkItem(r)));
  }

  async entitiesOfItem(key: string): Promise<string[]> {
    const rows = await this.db('vs_item_entities')
      .where({ item_key: key })
      .select('entity_ref');
    return rows.map(r => r.entity_ref).sort();
  }

  async listWorkItems(options: {
    entityRefs: string[];
    state: 'open' | 'done' | 'all';
    stage?: string;
    type?: string;
    limit: number;
    after?: { createdAt: number; key: string };
    withJourney?: boolean;
  }): Promise<WorkItemRow[]> {
    // The page's keys first, from the covering index alone (vs_work_items_entity_read_idx
    // holds every filter and sort column), then only those rows: an entity's open items
    // are scattered over the table, and fetching each to sort them cost a random page read.
    const q = this.db('vs_work_items as w')
      .whereIn(
        'w.key',
        this.db('vs_item_entities')
          .select('item_key')
          .whereIn('entity_ref', options.entityRefs),
      )
      .select('w.key');
    if (options.state === 'open') q.whereNull('w.done_at');
    if (options.state === 'done') q.whereNotNull('w.done_at');
    if (options.stage) q.where('w.stage', options.stage);
    if (options.type) q.where('w.item_type', options.type);
    if (options.after) {
      const { createdAt, key } = options.after;
      q.where(b =>
        b
          .where('w.created_at', '<', createdAt)
          .orWhere(b2 =>
            b2.where('w.created_at', createdAt).andWhere('w.key', '>', key),
          ),
      );
    }
    const order = [
      { column: 'w.created_at', order: 'desc' },
      { column: 'w.key', order: 'asc' },
    ];
    const keys = (await q.orderBy(order).limit(options.limit)).map(r => r.key);
    const rows = await selectIn<any>(
      () =>
        this.db('vs_work_items as w').select(
          options.withJourney ? 'w.*' : WORK_ITEM_COLUMNS.map(c => `w.${c}`),
        ),
      'w.key',
      keys,
    );
    const byKey = new Map(rows.map(r => [r.key, r]));
    return keys.map(k => toWorkItem(byKey.get(k)));
  }
}
