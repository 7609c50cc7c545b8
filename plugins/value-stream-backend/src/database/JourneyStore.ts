import type { Knex } from 'knex';
import type { Journey } from '../journeys/types';
import {
  toJourney,
  type StoredJourney,
  type WorkItemRow,
} from '../model/workItems';
import type {
  ItemEntitiesTable,
  StageIntervalsTable,
  WorkItemsTable,
} from './tables';
import { chunk, insertIgnore, num, selectIn, upsert } from './util';
import {
  toTableRow,
  toWorkItem,
  WORK_ITEM_COLUMNS,
  type WorkItemColumns,
} from './workItemRows';

/** Work items (`vs_work_items`), their stage visits and their entities. */
export class JourneyStore {
  constructor(private readonly db: Knex) {}

  async writeJourneys(items: StoredJourney[]) {
    if (!items.length) return;
    const keys = items.map(i => i.journey.key);
    await this.db.transaction(async tx => {
      await upsert(tx, 'vs_work_items', items.map(toTableRow), 'key', 24);
      for (const part of chunk(keys, 500)) {
        await tx<StageIntervalsTable>('vs_stage_intervals')
          .whereIn('item_key', part)
          .delete();
        await tx<ItemEntitiesTable>('vs_item_entities')
          .whereIn('item_key', part)
          .delete();
        await tx<ItemEntitiesTable>('vs_excluded_item_entities')
          .whereIn('item_key', part)
          .delete();
      }
      await insertIgnore<StageIntervalsTable>(
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
      const entityRows = (excluded: boolean) =>
        items
          .filter(i => Boolean(i.excluded) === excluded)
          .flatMap(i =>
            i.entityRefs.map(entity_ref => ({
              entity_ref,
              item_key: i.journey.key,
            })),
          );
      await insertIgnore<ItemEntitiesTable>(
        tx,
        'vs_item_entities',
        entityRows(false),
        ['entity_ref', 'item_key'],
      );
      // Excluded items (DESIGN §16) keep their entities apart: out of every metric, lane
      // and alert, their journey still readable by those who may read the entities.
      await insertIgnore<ItemEntitiesTable>(
        tx,
        'vs_excluded_item_entities',
        entityRows(true),
        ['item_key', 'entity_ref'],
      );
    });
  }

  /** Whether a correction excluded the item (it has entities only as an excluded one). */
  async isExcluded(key: string): Promise<boolean> {
    const row = await this.db('vs_excluded_item_entities')
      .where({ item_key: key })
      .first();
    return Boolean(row);
  }

  async storedDigests(
    keys: string[],
  ): Promise<Map<string, { digest: string | null; doneAt: number | null }>> {
    const rows = await selectIn<
      Pick<WorkItemsTable, 'key' | 'digest' | 'done_at'>
    >(
      () => this.db('vs_work_items').select('key', 'digest', 'done_at'),
      'key',
      keys,
    );
    return new Map(
      rows.map(r => [r.key, { digest: r.digest, doneAt: num(r.done_at) }]),
    );
  }

  /** Items whose delivered Done is due at `now` (earliest first), from vs_work_items_done_due_idx. */
  async itemsDueForDone(now: number, limit: number): Promise<string[]> {
    const rows: Pick<WorkItemsTable, 'key'>[] = await this.db('vs_work_items')
      .select('key')
      .whereNotNull('done_due_at')
      .where('done_due_at', '<=', now)
      .orderBy([
        { column: 'done_due_at', order: 'asc' },
        { column: 'key', order: 'asc' },
      ])
      .limit(limit);
    return rows.map(r => r.key);
  }

  async workItem(key: string): Promise<WorkItemRow | undefined> {
    const row = await this.db<WorkItemsTable>('vs_work_items')
      .where({ key })
      .first();
    return row ? toWorkItem(row) : undefined;
  }

  /** Journeys of the entity's items that are open or were done since `doneSince`. */
  async journeysOfEntity(
    entityRef: string,
    doneSince: number,
  ): Promise<Journey[]> {
    const rows: WorkItemsTable[] = await this.db('vs_work_items')
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

  /** The item's entities, excluded (DESIGN §16) or not. */
  async entitiesOfItem(key: string): Promise<string[]> {
    const rows: Pick<ItemEntitiesTable, 'entity_ref'>[] = await this.db(
      'vs_item_entities',
    )
      .where({ item_key: key })
      .select('entity_ref')
      .union(q =>
        q
          .from('vs_excluded_item_entities')
          .where({ item_key: key })
          .select('entity_ref'),
      );
    return [...new Set(rows.map(r => r.entity_ref))].sort();
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
    const page: Pick<WorkItemsTable, 'key'>[] = await q
      .orderBy([
        { column: 'w.created_at', order: 'desc' },
        { column: 'w.key', order: 'asc' },
      ])
      .limit(options.limit);
    const keys = page.map(r => r.key);
    const rows = await selectIn<WorkItemColumns>(
      () =>
        this.db('vs_work_items as w').select(
          options.withJourney ? 'w.*' : WORK_ITEM_COLUMNS.map(c => `w.${c}`),
        ),
      'w.key',
      keys,
    );
    const byKey = new Map(rows.map(r => [r.key, r]));
    return keys.map(k => toWorkItem(byKey.get(k)!));
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
      const rows: Pick<WorkItemsTable, 'key'>[] = await this.db('vs_work_items')
        .select('key')
        .where(b => {
          for (const p of part) b.orWhereRaw('lower(??) like ?', ['key', p]);
        });
      out.push(...rows.map(r => r.key));
    }
    return out;
  }

  /** The items of these entities (a profile of theirs changed). */
  async itemKeysOfEntities(entityRefs: string[]): Promise<string[]> {
    const out = new Set<string>();
    for (const part of chunk(entityRefs, 500)) {
      const rows: Pick<ItemEntitiesTable, 'item_key'>[] = await this.db(
        'vs_item_entities',
      )
        .distinct('item_key')
        .whereIn('entity_ref', part);
      rows.forEach(r => out.add(r.item_key));
    }
    return [...out].sort();
  }

  async unresolvedItemKeys(): Promise<string[]> {
    const rows: Pick<WorkItemsTable, 'key'>[] = await this.db(
      'vs_work_items as w',
    )
      .leftJoin('vs_item_entities as e', 'e.item_key', 'w.key')
      .whereNull('e.item_key')
      .select('w.key');
    return rows.map(r => r.key);
  }
}
