import type { Knex } from 'knex';
import type { MetaTable } from './tables';

/** `vs_meta`: small values the plugin keeps between starts (config fingerprints). */
export class MetaStore {
  constructor(private readonly db: Knex) {}

  async getMeta(key: string): Promise<string | undefined> {
    const row = await this.db<MetaTable>('vs_meta').where({ key }).first();
    return row?.value;
  }

  async setMeta(key: string, value: string) {
    await this.db<MetaTable>('vs_meta')
      .insert({ key, value })
      .onConflict('key')
      .merge();
  }
}
