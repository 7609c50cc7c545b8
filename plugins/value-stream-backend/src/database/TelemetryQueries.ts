import type { Knex } from 'knex';

/** One entity's items in one current stage: what the OpenTelemetry gauges are made of. */
export interface EntityStageAggregate {
  entityRef: string;
  stage: string;
  /** Items in this stage that are not done. */
  wip: number;
  /** Active and wait seconds of the items done since `doneSince` (both known). */
  activeTime: number;
  waitTime: number;
}

/** The one aggregate read behind the gauges of ../telemetry.ts (DESIGN §15). */
export class TelemetryQueries {
  constructor(private readonly db: Knex) {}

  /**
   * Per entity and current stage: open items, and the active and wait time of the items done
   * since `doneSince`. One grouped query over the `done_at` index and the item-entity key.
   */
  async entityStageAggregates(
    doneSince: number,
  ): Promise<EntityStageAggregate[]> {
    const recent = (column: string) =>
      this.db.raw(
        `sum(case when w.done_at >= ? and w.active_time is not null and w.wait_time is not null then w.${column} else 0 end)`,
        [doneSince],
      );
    const rows: {
      entity_ref: string;
      stage: string;
      wip: number | string | null;
      active: number | string | null;
      wait: number | string | null;
    }[] = await this.db('vs_work_items as w')
      .join('vs_item_entities as e', 'e.item_key', 'w.key')
      .select('e.entity_ref', 'w.stage')
      .select({
        wip: this.db.raw(
          "sum(case when w.done_at is null and w.stage_category in ('active', 'wait') then 1 else 0 end)",
        ),
        active: recent('active_time'),
        wait: recent('wait_time'),
      })
      .where(b =>
        b.whereNull('w.done_at').orWhere('w.done_at', '>=', doneSince),
      )
      .groupBy('e.entity_ref', 'w.stage');
    return rows.map(r => ({
      entityRef: r.entity_ref,
      stage: r.stage,
      wip: Number(r.wip ?? 0),
      activeTime: Number(r.active ?? 0),
      waitTime: Number(r.wait ?? 0),
    }));
  }
}
