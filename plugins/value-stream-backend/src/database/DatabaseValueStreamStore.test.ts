import type { TestDatabaseId } from '@backstage/backend-test-utils';
import { databases } from '../__testUtils__/testBackend';
import { DatabaseValueStreamStore } from './DatabaseValueStreamStore';

jest.setTimeout(60_000);

const AT = Date.parse('2026-03-01T00:00:00Z');

async function createStore(id: TestDatabaseId) {
  const knex = await databases.init(id);
  await knex.migrate.latest({
    directory: DatabaseValueStreamStore.migrationsDirectory(),
  });
  return { knex, store: DatabaseValueStreamStore.fromKnex(knex) };
}

/** One write through each sub-store of the facade. */
async function writeEverything(store: DatabaseValueStreamStore) {
  await store.insertEvents([
    {
      source: 'jira',
      id: 'e1',
      type: 'work_item.created',
      occurredAt: AT,
      receivedAt: AT,
      entityRef: null,
      repository: null,
      subject: 'item:PAY-1',
      payload: '{}',
    },
  ]);
  await store.upsertCommits([
    {
      sha: 'abc1234',
      repository: 'acme/payments',
      message: 'PAY-1',
      branch: 'main',
      onDefault: true,
      authoredAt: AT,
      pushedAt: AT,
    },
  ]);
  await store.upsertIncidents([
    {
      incidentId: 'i1',
      service: null,
      entityRef: null,
      severity: null,
      title: null,
      deploymentId: null,
      commitSha: null,
      openedAt: AT,
      resolvedAt: null,
    },
  ]);
  await store.addLinks([{ itemKey: 'PAY-1', kind: 'commit', ref: 'abc1234' }]);
  await store.setMeta('k', 'v');
  await store.alerts.recordEvaluation({
    entityRef: 'component:default/payments',
    now: AT,
    resolve: [],
    update: [],
    open: [
      {
        rule: 'item_blocked',
        subject: 'PAY-1',
        severity: 'warning',
        message: 'm',
      },
    ],
    dueAt: AT + 1,
  });
}

const TABLES = [
  'vs_events',
  'vs_pending',
  'vs_commits',
  'vs_incidents',
  'vs_item_links',
  'vs_meta',
  'vs_alerts',
  'vs_alert_schedule',
];

describe.each(databases.eachSupportedId())('the store on %p', databaseId => {
  it('binds every sub-store to a transaction: a failed one leaves nothing', async () => {
    const { knex, store } = await createStore(databaseId);
    await expect(
      store.transaction(async tx => {
        await writeEverything(tx);
        // Visible inside the transaction, through the bound store.
        expect(await tx.getMeta('k')).toBe('v');
        expect(await tx.commits(['abc1234'])).toHaveLength(1);
        expect(
          await tx.alerts.list(['component:default/payments'], 'open'),
        ).toHaveLength(1);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const counts = await Promise.all(
      TABLES.map(async t => Number((await knex(t).count({ n: '*' }))[0].n)),
    );
    expect(Object.fromEntries(TABLES.map((t, i) => [t, counts[i]]))).toEqual(
      Object.fromEntries(TABLES.map(t => [t, 0])),
    );
    expect(await store.getMeta('k')).toBeUndefined();
  });

  it('commits every sub-store write of a transaction together', async () => {
    const { knex, store } = await createStore(databaseId);
    await store.transaction(writeEverything);
    const counts = await Promise.all(
      TABLES.map(async t => Number((await knex(t).count({ n: '*' }))[0].n)),
    );
    expect(Object.fromEntries(TABLES.map((t, i) => [t, counts[i]]))).toEqual(
      Object.fromEntries(TABLES.map(t => [t, 1])),
    );
    expect(await store.incidents(['i1'])).toEqual([
      expect.objectContaining({ incidentId: 'i1', openedAt: AT }),
    ]);
  });
});
