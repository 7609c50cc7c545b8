import fs from 'fs';
import { DatabaseValueStreamStore } from '../database/DatabaseValueStreamStore';
import { databases } from '../__testUtils__/testBackend';

jest.setTimeout(60_000);
const MIGRATION = '20261206100000_pr_first_review.js';

describe.each(databases.eachSupportedId())(
  'migration pr_first_review on %p',
  databaseId => {
    it('gives stored reviews their PR subject and each PR its earliest review', async () => {
      const knex = await databases.init(databaseId);
      const directory = DatabaseValueStreamStore.migrationsDirectory();
      const before = fs
        .readdirSync(directory)
        .filter(f => f.endsWith('.js') && f < MIGRATION)
        .sort();
      for (const name of before) await knex.migrate.up({ directory, name });
      const review = (id: string, at: number, number: number) => ({
        source: 'github',
        id,
        type: 'pull_request.reviewed',
        occurred_at: at,
        received_at: 1,
        repository: 'acme/pay',
        subject: null,
        payload: JSON.stringify({ data: { number, state: 'approved' } }),
      });
      await knex('vs_events').insert([
        review('r1', 5000, 7),
        review('r2', 3000, 7),
        review('r3', 9000, 8),
      ]);
      const pr = (id: string) => ({
        id,
        repository: 'acme/pay',
        number: Number(id.split('#')[1]),
        title: 't',
        state: 'open',
        opened_at: 1000,
        updated_at: 1000,
      });
      await knex('vs_pull_requests').insert([
        pr('acme/pay#7'),
        pr('acme/pay#9'),
      ]);

      await knex.migrate.up({ directory, name: MIGRATION });

      const events = await knex('vs_events')
        .select('id', 'subject')
        .orderBy('id');
      expect(events).toEqual([
        { id: 'r1', subject: 'pr:acme/pay#7' },
        { id: 'r2', subject: 'pr:acme/pay#7' },
        { id: 'r3', subject: 'pr:acme/pay#8' },
      ]);
      const prs = await knex('vs_pull_requests')
        .select('id', 'first_reviewed_at')
        .orderBy('id');
      expect(
        prs.map(r => [
          r.id,
          r.first_reviewed_at && Number(r.first_reviewed_at),
        ]),
      ).toEqual([
        ['acme/pay#7', 3000],
        ['acme/pay#9', null],
      ]);

      await knex.migrate.down({ directory, name: MIGRATION });
      expect(
        await knex.schema.hasColumn('vs_pull_requests', 'first_reviewed_at'),
      ).toBe(false);
    });
  },
);
