import type { Knex } from 'knex';
import type { ItemStats, Journey, Window } from '../journeys/types';
import type { BlockedItem } from '../metrics/blockedTime';
import { REACHED_STATUSES } from '../model/deployments';
import { chunk, num } from './util';

/** A done item of one entity (an item of two entities comes once for each). */
/** A done item of an entity, with its value (null: none given) for the value roll-up. */
export type EntityDoneItem = ItemStats & {
  entityRef: string;
  value: number | null;
};

/** Seconds of stage visits that ended in a window, per entity and stage. */
export type EntityStageSeconds = {
  entityRef: string;
  stage: string;
  seconds: number;
};

/** An open alert of an entity, with the stage it is about (its own, else its item's). */
export type EntityOpenAlert = { entityRef: string; stage: string | null };

/** A successful production deployment of an entity. */
export type EntityDeployment = {
  entityRef: string;
  deploymentId: string;
  finishedAt: number;
};

/**
 * `select … where column in (values)` over chunks of the values, concatenated without
 * spreading (the rows of a thousand entities overflow a spread call's arguments).
 */
async function selectAll<R>(
  query: () => Knex.QueryBuilder,
  column: string,
  values: readonly string[],
): Promise<R[]> {
  const out: R[] = [];
  for (const part of chunk([...new Set(values)], 2000)) {
    const rows = (await query().whereIn(column, part)) as R[];
    for (const row of rows) out.push(row);
  }
  return out;
}

/**
 * The organisation view's reads (DESIGN §15): each one query per chunk of entity refs,
 * every row tagged with its entity, so all groups' roll-ups come from one pass over the
 * indexes (`vs_item_entities` primary key, `vs_artifact_entities`) instead of one set of
 * metric queries per group.
 */
export class OverviewQueries {
  constructor(private readonly db: Knex) {}

  /** Items done in `window` (e.g. this period and the previous one together). */
  async doneItems(
    entityRefs: string[],
    window: Window,
  ): Promise<EntityDoneItem[]> {
    const rows = await selectAll<Record<string, any>>(
      () =>
        this.db('vs_item_entities as e')
          .join('vs_work_items as w', 'w.key', 'e.item_key')
          .select(
            'e.entity_ref',
            'w.key',
            'w.item_type',
            'w.created_at',
            'w.started_at',
            'w.done_at',
            'w.cycle_time',
            'w.lead_time',
            'w.active_time',
            'w.wait_time',
            'w.blocked_time',
            'w.value',
          )
          .where('w.done_at', '>=', window.from)
          .where('w.done_at', '<', window.to),
      'e.entity_ref',
      entityRefs,
    );
    return (
      rows
        .map(r => ({
          entityRef: r.entity_ref,
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
        }))
        // A fixed order: floating-point sums come out the same whatever the rows' order.
        .sort(
          (a, b) =>
            a.key.localeCompare(b.key, 'en') ||
            a.entityRef.localeCompare(b.entityRef, 'en'),
        )
    );
  }

  /**
   * The blocked intervals of the items done in the window that were ever blocked, per
   * entity, from the stored journeys (for the top blocker categories).
   */
  async doneBlockedItems(
    entityRefs: string[],
    window: Window,
  ): Promise<(BlockedItem & { entityRef: string; key: string })[]> {
    const rows = await selectAll<Record<string, any>>(
      () =>
        this.db('vs_item_entities as e')
          .join('vs_work_items as w', 'w.key', 'e.item_key')
          .select(
            'e.entity_ref',
            'w.key',
            'w.created_at',
            'w.started_at',
            'w.done_at',
            'w.journey',
          )
          .where('w.done_at', '>=', window.from)
          .where('w.done_at', '<', window.to)
          .where('w.blocked_time', '>', 0),
      'e.entity_ref',
      entityRefs,
    );
    return rows.map(r => ({
      entityRef: r.entity_ref,
      key: r.key,
      createdAt: num(r.created_at)!,
      startedAt: num(r.started_at),
      doneAt: num(r.done_at)!,
      blockedIntervals: (
        JSON.parse(r.journey) as Pick<Journey, 'blockedIntervals'>
      ).blockedIntervals,
    }));
  }

  /** Keys of the items in an active or wait stage now, per entity. */
  async currentLoad(
    entityRefs: string[],
  ): Promise<{ entityRef: string; key: string }[]> {
    const rows = await selectAll<{ entity_ref: string; key: string }>(
      () =>
        this.db('vs_item_entities as e')
          .join('vs_work_items as w', 'w.key', 'e.item_key')
          .select('e.entity_ref', 'w.key')
          .whereIn('w.stage_category', ['active', 'wait']),
      'e.entity_ref',
      entityRefs,
    );
    return rows.map(r => ({ entityRef: r.entity_ref, key: r.key }));
  }

  /** Keys of the items in an active or wait stage at `at`, per entity. */
  async loadAt(
    entityRefs: string[],
    at: number,
  ): Promise<{ entityRef: string; key: string }[]> {
    const rows = await selectAll<{ entity_ref: string; key: string }>(
      () =>
        this.db('vs_item_entities as e')
          .join('vs_stage_intervals as s', 's.item_key', 'e.item_key')
          .distinct('e.entity_ref', 's.item_key as key')
          .whereIn('s.category', ['active', 'wait'])
          .where('s.entered_at', '<', at)
          .where(b =>
            b.whereNull('s.exited_at').orWhere('s.exited_at', '>=', at),
          ),
      'e.entity_ref',
      entityRefs,
    );
    return rows.map(r => ({ entityRef: r.entity_ref, key: r.key }));
  }

  /** Σ seconds of the stage visits that ended in the window, per entity and stage (in SQL). */
  async stageSeconds(
    entityRefs: string[],
    window: Window,
  ): Promise<EntityStageSeconds[]> {
    const rows = await selectAll<{
      entity_ref: string;
      stage: string;
      ms: number | string | null;
    }>(
      () =>
        this.db('vs_item_entities as e')
          .join('vs_stage_intervals as s', 's.item_key', 'e.item_key')
          .select(
            'e.entity_ref',
            's.stage',
            this.db.raw('sum(s.exited_at - s.entered_at) as ms'),
          )
          .where('s.exited_at', '>=', window.from)
          .where('s.exited_at', '<', window.to)
          .groupBy('e.entity_ref', 's.stage'),
      'e.entity_ref',
      entityRefs,
    );
    return rows.map(r => ({
      entityRef: r.entity_ref,
      stage: r.stage,
      seconds: Number(r.ms ?? 0) / 1000,
    }));
  }

  /** Open alerts, per entity, with their stage or their item's current stage. */
  async openAlerts(entityRefs: string[]): Promise<EntityOpenAlert[]> {
    const rows = await selectAll<{
      entity_ref: string;
      stage: string | null;
      item_stage: string | null;
    }>(
      () =>
        this.db('vs_alerts as a')
          .leftJoin('vs_work_items as w', 'w.key', 'a.work_item_key')
          .select('a.entity_ref', 'a.stage', 'w.stage as item_stage')
          .whereNull('a.resolved_at'),
      'a.entity_ref',
      entityRefs,
    );
    return rows.map(r => ({
      entityRef: r.entity_ref,
      stage: r.stage ?? r.item_stage,
    }));
  }

  /** Successful production deployments finished in the window, per entity. */
  async deployments(
    entityRefs: string[],
    window: Window,
  ): Promise<EntityDeployment[]> {
    const rows = await selectAll<{
      entity_ref: string;
      deployment_id: string;
      finished_at: number | string;
    }>(
      () =>
        this.db('vs_artifact_entities as e')
          .join('vs_deployments as d', 'd.deployment_id', 'e.ref')
          .select('e.entity_ref', 'd.deployment_id', 'd.finished_at')
          .where('e.kind', 'deployment')
          .where('d.env_class', 'production')
          .whereIn('d.status', [...REACHED_STATUSES])
          .where('d.finished_at', '>=', window.from)
          .where('d.finished_at', '<', window.to),
      'e.entity_ref',
      entityRefs,
    );
    return rows.map(r => ({
      entityRef: r.entity_ref,
      deploymentId: r.deployment_id,
      finishedAt: num(r.finished_at)!,
    }));
  }
}
