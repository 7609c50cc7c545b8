import type { Knex } from 'knex';
import type { LinkRow } from '../model/workItems';
import type { ItemLinksTable } from './tables';
import { chunk, insertIgnore, selectIn } from './util';

/** `vs_item_links`: which commits and pull requests name which work items. */
export class LinkStore {
  constructor(private readonly db: Knex) {}

  async addLinks(links: LinkRow[]) {
    await insertIgnore(this.db, 'vs_item_links', links, [
      'item_key',
      'kind',
      'ref',
    ]);
  }

  async removeLinks(kind: LinkRow['kind'], refs: string[]) {
    for (const part of chunk([...new Set(refs)], 500)) {
      await this.db<ItemLinksTable>('vs_item_links')
        .where({ kind })
        .whereIn('ref', part)
        .delete();
    }
  }

  async linksForItems(keys: string[]): Promise<LinkRow[]> {
    return selectIn<ItemLinksTable>(
      () => this.db('vs_item_links').select('*'),
      'item_key',
      keys,
    );
  }

  async keysLinkedTo(kind: LinkRow['kind'], refs: string[]): Promise<string[]> {
    const rows = await selectIn<Pick<ItemLinksTable, 'item_key'>>(
      () => this.db('vs_item_links').select('item_key').where({ kind }),
      'ref',
      refs,
    );
    return [...new Set(rows.map(r => r.item_key))];
  }
}
