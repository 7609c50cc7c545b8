import type { Knex } from 'knex';
import type {
  DeploymentRecord,
  IncidentRecord,
  ItemStats,
  Journey,
  StageInterval,
  Window,
} from '../journeys/types';
import type { BlockedItem } from '../metrics/blockedTime';
import type { IterationChange, IterationItem } from '../metrics/iterations';
import type { DeployedBreakdownChange } from '../metrics/changeBreakdown';
import type { ReworkEvidence } from '../metrics/rework';
import { changesDeployedIn } from './entityChanges';
import type {
  AlertsTable,
  DeploymentCommitsTable,
  DeploymentsTable,
  EventsTable,
  IncidentsTable,
  PullRequestsTable,
  StageIntervalsTable,
  WorkItemsTable,
} from './tables';
import { num, selectIn } from './util';

/** A count per stage, as the database returns it. */
type StageCount = { stage: string; n: number | string };

/** The deployment columns a production-deployment read selects (an index's columns). */
type DeploymentColumns = Pick<
  DeploymentsTable,
  | 'deployment_id'
  | 'environment'
  | 'env_class'
  | 'started_at'
  | 'finished_at'
  | 'status'
  | 'rolled_back_at'
  | 'commit_sha'
>;

/**
 * Read queries behind the metrics, time-series and alert reads. Everything is
 * scoped to a set of entity refs through indexed joins; aggregation that is cheap
 * in SQL (counts per stage) happens there, percentiles in the pure functions.
 */
export class MetricsQueries {
  constructor(private readonly db: Knex) {}

  private itemsOf(entityRefs: string[]) {
    return this.db('vs_item_entities')
      .distinct('item_key')
      .whereIn('entity_ref', entityRefs);
  }

  async doneItems(
    entityRefs: string[],
    window: Window,
  ): Promise<(ItemStats & { value: number | null })[]> {
    const rows: WorkItemsTable[] = await this.db('vs_work_items')
      .select(
        'key',
        'item_type',
        'value',
        'created_at',
        'started_at',
        'done_at',
        'cycle_time',
        'lead_time',
        'active_time',
        'wait_time',
        'blocked_time',
      )
      .whereIn('key', this.itemsOf(entityRefs))
      .where('done_at', '>=', window.from)
      .where('done_at', '<', window.to)
      // A fixed order: floating-point sums come out the same whatever the rows' physical order.
      .orderBy('key');
    return rows.map(r => ({
      key: r.key,
      itemType: r.item_type,
      createdAt: num(r.created_at)!,
      startedAt: num(r.started_at),
      doneAt: num(r.done_at),
      cycleTime: num(r.cycle_time),
      leadTime: num(r.lead_time),
      activeTime: num(r.active_time),
      waitTime: num(r.wait_time),
      blockedTime: num(r.blocked_time) ?? 0,
      value: num(r.value),
    }));
  }

  /**
   * The blocked intervals of the items done in the window that were ever blocked, from
   * the stored journeys: one read, for `flow.blockedTime`.
   */
  async doneBlockedItems(
    entityRefs: string[],
    window: Window,
  ): Promise<BlockedItem[]> {
    const rows: Pick<
      WorkItemsTable,
      'created_at' | 'started_at' | 'done_at' | 'journey'
    >[] = await this.db('vs_work_items')
      .select('created_at', 'started_at', 'done_at', 'journey')
      .whereIn('key', this.itemsOf(entityRefs))
      .where('done_at', '>=', window.from)
      .where('done_at', '<', window.to)
      .where('blocked_time', '>', 0)
      .orderBy('key');
    return rows.map(r => ({
      createdAt: num(r.created_at)!,
      startedAt: num(r.started_at),
      doneAt: num(r.done_at)!,
      blockedIntervals: (
        JSON.parse(r.journey) as Pick<Journey, 'blockedIntervals'>
      ).blockedIntervals,
    }));
  }

  /** Items in an active or wait stage at `at` (state from events strictly before it). */
  /** Items whose current stage is an active or wait stage. */
  async currentLoad(entityRefs: string[]): Promise<number> {
    const row = await this.db('vs_work_items')
      .count({ n: '*' })
      .whereIn('key', this.itemsOf(entityRefs))
      .whereIn('stage_category', ['active', 'wait'])
      .first();
    return Number(row?.n ?? 0);
  }

  async loadAt(entityRefs: string[], at: number): Promise<number> {
    const row = await this.db('vs_stage_intervals')
      .countDistinct({ n: 'item_key' })
      .whereIn('item_key', this.itemsOf(entityRefs))
      .whereIn('category', ['active', 'wait'])
      .where('entered_at', '<', at)
      .where(b => b.whereNull('exited_at').orWhere('exited_at', '>=', at))
      .first();
    return Number(row?.n ?? 0);
  }

  /** Items per current stage. */
  async currentStageCounts(
    entityRefs: string[],
  ): Promise<Record<string, number>> {
    const rows: StageCount[] = await this.db('vs_work_items')
      .select('stage')
      .count({ n: '*' })
      .whereIn('key', this.itemsOf(entityRefs))
      .groupBy('stage');
    return Object.fromEntries(rows.map(r => [r.stage, Number(r.n)]));
  }

  /** Items per stage at `at`, from the intervals (the state `loadAt` counts). */
  async stageCountsAt(
    entityRefs: string[],
    at: number,
  ): Promise<Record<string, number>> {
    const rows: StageCount[] = await this.db('vs_stage_intervals')
      .select('stage')
      .countDistinct({ n: 'item_key' })
      .whereIn('item_key', this.itemsOf(entityRefs))
      .where('entered_at', '<', at)
      .where(b => b.whereNull('exited_at').orWhere('exited_at', '>=', at))
      .groupBy('stage');
    return Object.fromEntries(rows.map(r => [r.stage, Number(r.n)]));
  }

  /** Total seconds and count of the stage visits that ended in the window, per stage (in SQL). */
  async visitTotals(
    entityRefs: string[],
    window: Window,
  ): Promise<Record<string, { seconds: number; count: number }>> {
    const rows: (StageCount & { ms: number | string | null })[] = await this.db(
      'vs_stage_intervals',
    )
      .select('stage', this.db.raw('sum(exited_at - entered_at) as ms'))
      .count({ n: '*' })
      .whereIn('item_key', this.itemsOf(entityRefs))
      .where('exited_at', '>=', window.from)
      .where('exited_at', '<', window.to)
      .groupBy('stage');
    return Object.fromEntries(
      rows.map(r => [
        r.stage,
        { seconds: Number(r.ms) / 1000, count: Number(r.n) },
      ]),
    );
  }

  /** Every stage visit of the entity's items that overlaps [from, to). */
  async intervals(
    entityRefs: string[],
    window: Window,
  ): Promise<{ key: string; intervals: StageInterval[] }[]> {
    const rows: StageIntervalsTable[] = await this.db('vs_stage_intervals')
      .select('item_key', 'seq', 'stage', 'category', 'entered_at', 'exited_at')
      .whereIn('item_key', this.itemsOf(entityRefs))
      .where('entered_at', '<', window.to)
      .where(b =>
        b.whereNull('exited_at').orWhere('exited_at', '>=', window.from),
      )
      .orderBy(['item_key', 'seq']);
    const byKey = new Map<string, StageInterval[]>();
    for (const r of rows) {
      const list = byKey.get(r.item_key) ?? [];
      list.push({
        stage: r.stage,
        category: r.category,
        enteredAt: num(r.entered_at)!,
        exitedAt: num(r.exited_at),
      });
      byKey.set(r.item_key, list);
    }
    return [...byKey].map(([key, intervals]) => ({ key, intervals }));
  }

  /**
   * The entity's production deployments, optionally only those finished in a range, with
   * these ids, or including these commits (one indexed query each, then their commits).
   */
  async productionDeployments(
    entityRefs: string[],
    filter: {
      finishedFrom?: number;
      finishedTo?: number;
      ids?: string[];
      shas?: string[];
      /** Load each deployment's commits (default true). */
      withCommits?: boolean;
    } = {},
  ): Promise<DeploymentRecord[]> {
    const base = () =>
      this.db('vs_deployments')
        // Only columns of vs_deployments_entity_read_idx: answered from the index.
        .select(
          'deployment_id',
          'environment',
          'env_class',
          'started_at',
          'finished_at',
          'status',
          'rolled_back_at',
          'commit_sha',
        )
        .where('env_class', 'production')
        .whereIn(
          'deployment_id',
          this.db('vs_artifact_entities')
            .select('ref')
            .where('kind', 'deployment')
            .whereIn('entity_ref', entityRefs),
        );
    let rows: DeploymentColumns[];
    if (filter.ids || filter.shas) {
      const ids = new Set(filter.ids ?? []);
      const viaCommits = await selectIn<
        Pick<DeploymentCommitsTable, 'deployment_id'>
      >(
        () => this.db('vs_deployment_commits').distinct('deployment_id'),
        'sha',
        filter.shas ?? [],
      );
      viaCommits.forEach(r => ids.add(r.deployment_id));
      rows = await selectIn<DeploymentColumns>(base, 'deployment_id', [...ids]);
    } else if (filter.finishedFrom !== undefined) {
      rows = await base()
        .where('finished_at', '>=', filter.finishedFrom)
        .where(
          'finished_at',
          '<',
          filter.finishedTo ?? Number.MAX_SAFE_INTEGER,
        );
    } else {
      rows = await base();
    }
    const commits =
      filter.withCommits === false
        ? []
        : await selectIn<DeploymentCommitsTable>(
            () =>
              this.db('vs_deployment_commits').select('deployment_id', 'sha'),
            'deployment_id',
            rows.map(r => r.deployment_id),
          );
    const byId = new Map<string, string[]>();
    for (const c of commits) {
      const list = byId.get(c.deployment_id) ?? [];
      list.push(c.sha);
      byId.set(c.deployment_id, list);
    }
    return rows.map(r => ({
      deploymentId: r.deployment_id,
      environment: r.environment,
      envClass: r.env_class,
      startedAt: num(r.started_at),
      finishedAt: num(r.finished_at),
      status: r.status as DeploymentRecord['status'],
      rolledBack: r.rolled_back_at !== null && r.rolled_back_at !== undefined,
      commitSha: r.commit_sha,
      commits: byId.get(r.deployment_id) ?? [],
    }));
  }

  async incidents(entityRefs: string[]): Promise<IncidentRecord[]> {
    const rows: IncidentsTable[] = await this.db('vs_incidents')
      .select('*')
      .whereIn(
        'incident_id',
        this.db('vs_artifact_entities')
          .select('ref')
          .where('kind', 'incident')
          .whereIn('entity_ref', entityRefs),
      );
    return rows.map(r => ({
      incidentId: r.incident_id,
      openedAt: num(r.opened_at),
      resolvedAt: num(r.resolved_at),
      severity: r.severity,
      deploymentId: r.deployment_id,
      commitSha: r.commit_sha,
      ...(r.attribution_corrected
        ? { attribution: { deploymentId: r.corrected_deployment_id ?? null } }
        : {}),
    }));
  }

  /** Changes first deployed to production by these entities in the window (DESIGN §6). */
  async changesDeployedIn(entityRefs: string[], window: Window) {
    return changesDeployedIn(this.db, entityRefs, window);
  }

  /**
   * The changes first deployed to production by these entities in the window, each with
   * its PR's opened, merged and first-review times (null for a direct push): the change
   * breakdown's inputs (DESIGN §13), one indexed read of the PRs by id.
   */
  async changesWithPullRequests(
    entityRefs: string[],
    window: Window,
  ): Promise<DeployedBreakdownChange[]> {
    const changes = await changesDeployedIn(this.db, entityRefs, window);
    const prs = await selectIn<
      Pick<
        PullRequestsTable,
        'id' | 'opened_at' | 'merged_at' | 'first_reviewed_at'
      >
    >(
      () =>
        this.db('vs_pull_requests').select(
          'id',
          'opened_at',
          'merged_at',
          'first_reviewed_at',
        ),
      'id',
      changes.map(c => c.id),
    );
    const byId = new Map(prs.map(r => [r.id, r]));
    return changes.map(c => {
      const r = byId.get(c.id);
      return {
        ...c,
        pullRequest: r
          ? {
              openedAt: num(r.opened_at),
              mergedAt: num(r.merged_at),
              firstReviewedAt: num(r.first_reviewed_at),
            }
          : null,
      };
    });
  }

  /**
   * For each of these deployments, the types of the work items linked to its included
   * commits and the head branches of the merged PRs holding them (DESIGN §13 rework): two
   * queries over all of them, each two indexed joins from `vs_deployment_commits`' key.
   * A PR's items are linked to all its commits and its merge commit (§4), so the commit
   * links cover the PR's.
   */
  async reworkEvidence(deploymentIds: string[]): Promise<ReworkEvidence[]> {
    const types = await selectIn<{ deployment_id: string; item_type: string }>(
      () =>
        this.db('vs_deployment_commits as dc')
          .join('vs_item_links as l', b =>
            b.on('l.ref', 'dc.sha').andOnVal('l.kind', 'commit'),
          )
          .join('vs_work_items as w', 'w.key', 'l.item_key')
          .distinct('dc.deployment_id', 'w.item_type'),
      'dc.deployment_id',
      deploymentIds,
    );
    const branches = await selectIn<{ deployment_id: string; branch: string }>(
      () =>
        this.db('vs_deployment_commits as dc')
          .join('vs_pr_commits as pc', 'pc.sha', 'dc.sha')
          .join('vs_pull_requests as p', 'p.id', 'pc.pr_id')
          .whereNotNull('p.merged_at')
          .whereNotNull('p.branch')
          .distinct('dc.deployment_id', 'p.branch'),
      'dc.deployment_id',
      deploymentIds,
    );
    const byId = new Map(
      deploymentIds.map(id => [
        id,
        {
          deploymentId: id,
          itemTypes: [] as string[],
          branches: [] as string[],
        },
      ]),
    );
    for (const r of types)
      byId.get(r.deployment_id)?.itemTypes.push(r.item_type);
    for (const r of branches)
      byId.get(r.deployment_id)?.branches.push(r.branch);
    return [...byId.values()];
  }

  /**
   * The entity's items' `work_item.updated` events that carry `iteration` (DESIGN §14),
   * from the stored events (by the subject index), and those items' values and entries
   * into Done: everything the iteration read needs, in three queries.
   */
  async iterationHistory(entityRefs: string[]): Promise<{
    changes: IterationChange[];
    items: IterationItem[];
  }> {
    const subjects = this.db('vs_item_entities')
      .distinct(this.db.raw(`'item:' || item_key`))
      .whereIn('entity_ref', entityRefs);
    const events: Pick<
      EventsTable,
      'source' | 'id' | 'occurred_at' | 'subject' | 'payload'
    >[] = await this.db('vs_events')
      .select('source', 'id', 'occurred_at', 'subject', 'payload')
      .where('type', 'work_item.updated')
      .whereIn('subject', subjects)
      .where('payload', 'like', '%"iteration"%');
    const changes = events.flatMap(e => {
      const data = (JSON.parse(e.payload) as { data?: Record<string, any> })
        .data;
      if (!data || !('iteration' in data) || !e.subject) return [];
      const it = data.iteration as {
        id: string;
        name: string;
        startAt: string | null;
        endAt: string | null;
      } | null;
      return [
        {
          key: e.subject.slice('item:'.length),
          at: num(e.occurred_at)!,
          order: `${e.source}\u0000${e.id}`,
          iteration: it && {
            id: it.id,
            name: it.name,
            startAt: it.startAt ? Date.parse(it.startAt) : null,
            endAt: it.endAt ? Date.parse(it.endAt) : null,
          },
        },
      ];
    });
    const keys = [...new Set(changes.map(c => c.key))];
    if (!keys.length) return { changes, items: [] };
    const [values, done] = await Promise.all([
      selectIn<Pick<WorkItemsTable, 'key' | 'value'>>(
        () => this.db('vs_work_items').select('key', 'value'),
        'key',
        keys,
      ),
      selectIn<Pick<StageIntervalsTable, 'item_key' | 'entered_at'>>(
        () =>
          this.db('vs_stage_intervals')
            .select('item_key', 'entered_at')
            .where('category', 'done'),
        'item_key',
        keys,
      ),
    ]);
    const items = new Map<string, IterationItem>(
      values.map(r => [
        r.key,
        { key: r.key, value: num(r.value), doneEntries: [] },
      ]),
    );
    for (const r of done)
      items.get(r.item_key)?.doneEntries.push(num(r.entered_at)!);
    return { changes, items: [...items.values()] };
  }

  async openAlerts(entityRefs: string[]) {
    const rows: (Pick<AlertsTable, 'rule' | 'stage' | 'work_item_key'> & {
      item_stage: string | null;
    })[] = await this.db('vs_alerts as a')
      .leftJoin('vs_work_items as w', 'w.key', 'a.work_item_key')
      .select('a.rule', 'a.stage', 'a.work_item_key', 'w.stage as item_stage')
      .whereIn('a.entity_ref', entityRefs)
      .whereNull('a.resolved_at');
    return rows.map(r => ({
      rule: r.rule,
      stage: r.stage,
      workItemKey: r.work_item_key,
      itemStage: r.item_stage,
    }));
  }
}
