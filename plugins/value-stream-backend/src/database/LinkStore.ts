import type { Knex } from 'knex';
import type { WorkItemLink } from '../model/workItems';
import type { ItemLinksTable } from './tables';
import { chunk, insertIgnore, selectIn } from './util';

const toLink = (r: ItemLinksTable): WorkItemLink => ({
  itemKey: r.item_key,
  kind: r.kind,
  ref: r.ref,
});

const linkRow = (l: WorkItemLink): ItemLinksTable => ({
  item_key: l.itemKey,
  kind: l.kind,
  ref: l.ref,
});

/** `vs_item_links`: which commits and pull requests name which work items. */
export class LinkStore {
  constructor(private readonly db: Knex) {}

  async addLinks(links: WorkItemLink[]) {
    await insertIgnore(this.db, 'vs_item_links', links.map(linkRow), [
      'item_key',
      'kind',
      'ref',
    ]);
  }

  async removeLinks(kind: WorkItemLink['kind'], refs: string[]) {
    for (const part of chunk([...new Set(refs)], 500)) {
      await this.db<ItemLinksTable>('vs_item_links')
        .where({ kind })
        .whereIn('ref', part)
        .delete();
    }
  }

  async linksForItems(keys: string[]): Promise<WorkItemLink[]> {
    const rows = await selectIn<ItemLinksTable>(
      () => this.db('vs_item_links').select('*'),
      'item_key',
      keys,
    );
    return rows.map(toLink);
  }

  async keysLinkedTo(
    kind: WorkItemLink['kind'],
    refs: string[],
  ): Promise<string[]> {
    const rows = await selectIn<Pick<ItemLinksTable, 'item_key'>>(
      () => this.db('vs_item_links').select('item_key').where({ kind }),
      'ref',
      refs,
    );
    return [...new Set(rows.map(r => r.item_key))];
  }
}
