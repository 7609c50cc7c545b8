import type { Knex } from 'knex';
import type { WorkItemLink } from '../model/workItems';
import type { ItemLinksTable, LinkCorrectionsTable } from './tables';
import { chunk, insertIgnore, selectIn, upsert } from './util';

const pairKey = (l: Pick<WorkItemLink, 'itemKey' | 'kind' | 'ref'>) =>
  `${l.itemKey}\u0000${l.kind}\u0000${l.ref}`;

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

  /** Adds derived links, except those a correction unlinked (DESIGN §16). */
  async addLinks(links: WorkItemLink[]) {
    if (!links.length) return;
    const unlinked = new Set(
      (
        await this.correctionsFor(
          'commit',
          links.filter(l => l.kind === 'commit').map(l => l.ref),
        )
      )
        .concat(
          await this.correctionsFor(
            'pr',
            links.filter(l => l.kind === 'pr').map(l => l.ref),
          ),
        )
        .filter(c => !c.linked)
        .map(pairKey),
    );
    const kept = unlinked.size
      ? links.filter(l => !unlinked.has(pairKey(l)))
      : links;
    await insertIgnore(this.db, 'vs_item_links', kept.map(linkRow), [
      'item_key',
      'kind',
      'ref',
    ]);
  }

  /** Removes the derived links of these refs; links a correction made stay. */
  async removeLinks(kind: WorkItemLink['kind'], refs: string[]) {
    for (const part of chunk([...new Set(refs)], 500)) {
      await this.db<ItemLinksTable>('vs_item_links')
        .where({ kind })
        .whereIn('ref', part)
        .delete();
    }
    const linked = (await this.correctionsFor(kind, refs)).filter(
      c => c.linked,
    );
    await insertIgnore(this.db, 'vs_item_links', linked.map(linkRow), [
      'item_key',
      'kind',
      'ref',
    ]);
  }

  /**
   * Records the link corrections of these items (each pair's last one, `linked` true or
   * false) and applies them to the links: a linked pair is added, an unlinked one removed.
   */
  async correctLinks(
    corrections: {
      itemKey: string;
      kind: WorkItemLink['kind'];
      ref: string;
      linked: boolean;
    }[],
  ) {
    if (!corrections.length) return;
    const rows = corrections.map(c => ({ ...linkRow(c), linked: c.linked }));
    await upsert(this.db, 'vs_link_corrections', rows, [
      'item_key',
      'kind',
      'ref',
    ]);
    await insertIgnore(
      this.db,
      'vs_item_links',
      corrections.filter(c => c.linked).map(linkRow),
      ['item_key', 'kind', 'ref'],
    );
    for (const c of corrections.filter(x => !x.linked))
      await this.db<ItemLinksTable>('vs_item_links').where(linkRow(c)).delete();
  }

  /** The link corrections of these items. */
  async linkCorrectionsForItems(
    keys: string[],
  ): Promise<(WorkItemLink & { linked: boolean })[]> {
    const rows = await selectIn<LinkCorrectionsTable>(
      () => this.db('vs_link_corrections').select('*'),
      'item_key',
      keys,
    );
    return rows.map(r => ({ ...toLink(r), linked: Boolean(r.linked) }));
  }

  private async correctionsFor(
    kind: WorkItemLink['kind'],
    refs: string[],
  ): Promise<(WorkItemLink & { linked: boolean })[]> {
    if (!refs.length) return [];
    const rows = await selectIn<LinkCorrectionsTable>(
      () => this.db('vs_link_corrections').select('*').where({ kind }),
      'ref',
      [...new Set(refs)],
    );
    return rows.map(r => ({ ...toLink(r), linked: Boolean(r.linked) }));
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
