import { databases } from '../__testUtils__/testBackend';
import { DatabaseValueStreamStore } from './DatabaseValueStreamStore';

jest.setTimeout(60_000);

const job = { entityRef: 'component:default/payments', source: 'github' };
const a = { ...job, scope: 'acme/payments' };
const b = { ...job, scope: 'acme/ledger' };

describe.each(databases.eachSupportedId())('ImportJobStore on %p', id => {
  async function createStore() {
    const knex = await databases.init(id);
    await knex.migrate.latest({
      directory: DatabaseValueStreamStore.migrationsDirectory(),
    });
    return DatabaseValueStreamStore.fromKnex(knex).imports;
  }

  it('creates pending jobs once and leaves existing ones alone', async () => {
    const store = await createStore();
    await store.ensureJobs([a]);
    const [claimed] = await store.claim({
      owner: 'r1',
      now: 1000,
      leaseMs: 100,
      limit: 5,
    });
    expect(claimed).toMatchObject({ ...a, state: 'running', cursor: null });
    await store.ensureJobs([a, b]);
    const jobs = await store.list(job.entityRef);
    expect(jobs.map(j => [j.scope, j.state])).toEqual([
      ['acme/ledger', 'pending'],
      ['acme/payments', 'running'],
    ]);
  });

  it('gives a lease to one owner at a time, and again once it ran out', async () => {
    const store = await createStore();
    await store.ensureJobs([a]);
    const opts = { now: 1000, leaseMs: 100, limit: 5 };
    expect(await store.claim({ ...opts, owner: 'r1' })).toHaveLength(1);
    expect(await store.claim({ ...opts, owner: 'r2' })).toHaveLength(0);
    expect(await store.update(a, 'r2', { items: 5 }, 2000)).toBe(false);
    expect(await store.update(a, 'r1', { cursor: 'p2', items: 5 }, 1500)).toBe(
      true,
    );
    expect(await store.claim({ ...opts, now: 1499, owner: 'r2' })).toEqual([]);
    const [taken] = await store.claim({ ...opts, now: 1501, owner: 'r2' });
    expect(taken).toMatchObject({ cursor: 'p2', items: 5, state: 'running' });
    // The first holder lost it: its writes are refused.
    expect(await store.finish(a, 'r1', { state: 'done' })).toBe(false);
    expect(
      await store.finish(a, 'r2', { state: 'done', nextRunAt: 9000 }),
    ).toBe(true);
  });

  it('gives each job to one of two concurrent claims', async () => {
    const store = await createStore();
    await store.ensureJobs([a, b]);
    const claim = (owner: string) =>
      store.claim({ owner, now: 1000, leaseMs: 100, limit: 5 });
    const [one, two] = await Promise.all([claim('r1'), claim('r2')]);
    const scopes = [...one, ...two].map(j => j.scope).sort();
    expect(scopes).toEqual(['acme/ledger', 'acme/payments']);
  });

  it('runs done jobs again when their next run is due, never failed ones', async () => {
    const store = await createStore();
    await store.ensureJobs([a, b]);
    await store.claim({ owner: 'r1', now: 1, leaseMs: 10, limit: 5 });
    await store.finish(a, 'r1', { state: 'done', nextRunAt: 500 });
    await store.finish(b, 'r1', { state: 'failed', error: '401' });
    const opts = { owner: 'r2', leaseMs: 10, limit: 5 };
    expect(await store.claim({ ...opts, now: 499 })).toEqual([]);
    expect(
      (await store.claim({ ...opts, now: 500 })).map(j => j.scope),
    ).toEqual(['acme/payments']);
  });

  it('re-queues from scratch; a holder then finds its job gone', async () => {
    const store = await createStore();
    await store.ensureJobs([a]);
    await store.claim({ owner: 'r1', now: 1, leaseMs: 1000, limit: 5 });
    await store.update(a, 'r1', { cursor: 'p3', items: 30, since: 7 }, 1000);
    await store.requeue([a, b]);
    expect(await store.update(a, 'r1', { cursor: 'p4' }, 1000)).toBe(false);
    const [ra, rb] = [...(await store.list())].sort((x, y) =>
      x.scope < y.scope ? 1 : -1,
    );
    expect(ra).toMatchObject({ state: 'pending', cursor: null, items: 0 });
    expect(ra.since).toBeNull();
    expect(rb).toMatchObject({ scope: 'acme/ledger', state: 'pending' });
    // Still leased to r1 until it lets go.
    expect(
      await store.claim({ owner: 'r2', now: 2, leaseMs: 10, limit: 5 }),
    ).toHaveLength(1);
    await store.release(a, 'r1');
    expect(
      await store.claim({ owner: 'r2', now: 3, leaseMs: 10, limit: 5 }),
    ).toHaveLength(1);
  });
});
