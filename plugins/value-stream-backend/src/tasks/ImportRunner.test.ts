import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Knex } from 'knex';
import { createValueStream } from '../createValueStream';
import { ImportRunner } from './ImportRunner';
import { fakeImporter } from '../__testUtils__/fakeImporter';
import { mockDeps } from '../__testUtils__/mockDeps';
import { component, databases, payments } from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

const T0 = Date.parse('2026-03-01T00:00:00Z');

/** The plugin's pieces on `knex` with one importer and a clock the test moves. */
async function start(
  knex: Knex,
  importer: ReturnType<typeof fakeImporter>['importer'],
  clock: { now: number },
  entities = [payments],
  config: object = {},
) {
  const vs = await createValueStream(
    mockDeps(knex, {
      config: mockServices.rootConfig({
        data: {
          valueStream: {
            notifications: { enabled: false },
            // No alert passes behind the test's back (the database closes after it).
            alerts: { enabled: false },
            ...config,
          },
        },
      }),
      catalog: catalogServiceMock({ entities }),
      importers: new Map([[importer.source, importer]]),
      now: () => clock.now,
    }),
  );
  return vs;
}

describe.each(databases.eachSupportedId())('ImportRunner on %p', id => {
  it('retries a transient error after a backoff, from the stored cursor, then finishes', async () => {
    const knex = await databases.init(id);
    const clock = { now: T0 };
    let failures = 0;
    const fake = fakeImporter({
      pages: 3,
      hooks: {
        beforePage: async p => {
          if (p === 1 && failures++ === 0) throw new Error('502 Bad Gateway');
        },
      },
    });
    const vs = await start(knex, fake.importer, clock);
    await vs.index.refresh(); // the entity appears: its job is created and run
    await vs.importRunner.idle();
    let [job] = await vs.store.imports.list();
    expect(job).toMatchObject({
      state: 'pending',
      cursor: '1',
      items: 1,
      attempts: 1,
      error: '502 Bad Gateway (retrying)',
      nextRunAt: T0 + 10_000,
    });
    // Not before its time.
    clock.now = T0 + 9_999;
    await vs.importRunner.tick();
    await vs.importRunner.idle();
    expect(fake.runs).toHaveLength(1);

    clock.now = T0 + 10_000;
    await vs.importRunner.tick();
    await vs.importRunner.idle();
    [job] = await vs.store.imports.list();
    expect(fake.runs.map(r => r.cursor)).toEqual([null, '1']);
    // The resumed run reads from where the first began.
    expect(fake.runs[1].since).toEqual(fake.runs[0].since);
    expect(job).toMatchObject({
      state: 'done',
      cursor: null,
      items: 3,
      events: 6,
      error: null,
      attempts: 0,
      startedAt: T0,
      lastSuccessStartedAt: T0,
      nextRunAt: T0 + 10_000 + 60 * 60_000,
    });
    await vs.importRunner.stop();
  });

  it('reconciles a done job when its next run is due, from its last start minus the overlap', async () => {
    const knex = await databases.init(id);
    const clock = { now: T0 };
    const fake = fakeImporter({ pages: 2 });
    const vs = await start(knex, fake.importer, clock, [payments], {
      import: { reconcileMinutes: 30, historyDays: 10 },
    });
    await vs.index.refresh();
    await vs.importRunner.idle();
    expect(fake.runs[0].since.getTime()).toBe(T0 - 10 * 86_400_000);
    clock.now = T0 + 29 * 60_000;
    await vs.importRunner.tick();
    await vs.importRunner.idle();
    expect(fake.runs).toHaveLength(1);
    clock.now = T0 + 30 * 60_000;
    await vs.importRunner.tick();
    await vs.importRunner.idle();
    expect(fake.runs).toHaveLength(2);
    expect(fake.runs[1]).toMatchObject({ cursor: null });
    expect(fake.runs[1].since.getTime()).toBe(T0 - 3_600_000);
    const [job] = await vs.store.imports.list();
    // Every event was a repeat.
    expect(job).toMatchObject({ state: 'done', items: 2, events: 0 });
    await vs.importRunner.stop();
  });

  it('runs a job on one runner at a time, two runners on one database, at most concurrency each', async () => {
    const knex = await databases.init(id);
    const clock = { now: T0 };
    const entities = ['A', 'B', 'C', 'D', 'E'].map(k =>
      component(`svc-${k.toLowerCase()}`, { 'jira/project-key': k }),
    );
    const concurrent = { now: 0, max: 0 };
    const fake = fakeImporter({
      pages: 3,
      hooks: {
        beforePage: async () => {
          concurrent.now++;
          concurrent.max = Math.max(concurrent.max, concurrent.now);
          await new Promise(r => setTimeout(r, 15));
          concurrent.now--;
        },
      },
    });
    const one = await start(knex, fake.importer, clock, entities);
    const two = await start(knex, fake.importer, clock, entities);
    await Promise.all([one.index.refresh(), two.index.refresh()]);
    for (let i = 0; i < 20; i++) {
      await Promise.all([one.importRunner.tick(), two.importRunner.tick()]);
      await new Promise(r => setTimeout(r, 5));
    }
    await Promise.all([one.importRunner.idle(), two.importRunner.idle()]);
    const jobs = await one.store.imports.list();
    expect(jobs.map(j => [j.scope, j.state, j.items])).toEqual(
      ['A', 'B', 'C', 'D', 'E'].map(k => [k, 'done', 3]),
    );
    // Each job ran once, never beside itself, and at most 2 + 2 jobs at once.
    expect(fake.runs.map(r => r.scope).sort()).toEqual([
      'A',
      'B',
      'C',
      'D',
      'E',
    ]);
    expect(fake.maxActive()).toBe(1);
    expect(concurrent.max).toBeLessThanOrEqual(4);
    expect(concurrent.max).toBeGreaterThan(1);
    const [{ n }] = await knex('vs_events').count({ n: '*' });
    expect(Number(n)).toBe(5 * 3 * 2);
    await Promise.all([one.importRunner.stop(), two.importRunner.stop()]);
  });

  it('takes over the job of a runner that stopped renewing its lease (a kill), from its cursor', async () => {
    const knex = await databases.init(id);
    const clock = { now: T0 };
    let unblock = () => {};
    const blocked = new Promise<void>(r => (unblock = r));
    const hung = fakeImporter({
      pages: 4,
      hooks: { beforePage: async p => (p === 2 ? blocked : undefined) },
    });
    const vs = await start(knex, hung.importer, clock);
    await vs.index.refresh();
    while ((await vs.store.imports.list())[0]?.cursor !== '2')
      await new Promise(r => setTimeout(r, 10));

    // Another replica, after the lease (60 s) ran out without a renewal.
    const healthy = fakeImporter({ pages: 4 });
    const other = new ImportRunner({
      store: vs.store.imports,
      importers: new Map([['fake', healthy.importer]]),
      ingest: vs.ingest,
      config: {
        enabled: true,
        historyDays: 90,
        reconcileMinutes: 60,
        concurrency: 2,
      },
      scheduler: mockServices.scheduler.mock(),
      logger: mockServices.logger.mock(),
      now: () => clock.now,
    });
    clock.now = T0 + 59_999;
    await other.tick();
    await other.idle();
    expect(healthy.runs).toEqual([]);
    clock.now = T0 + 60_001;
    await other.tick();
    await other.idle();
    expect(healthy.runs.map(r => r.cursor)).toEqual(['2']);
    expect((await vs.store.imports.list())[0]).toMatchObject({
      state: 'done',
      items: 4,
      events: 8,
    });

    // The first runner wakes up: its write is refused and it changes nothing.
    unblock();
    await vs.importRunner.idle();
    expect((await vs.store.imports.list())[0]).toMatchObject({
      state: 'done',
      items: 4,
      events: 8,
      cursor: null,
    });
    const [{ n }] = await knex('vs_events').count({ n: '*' });
    expect(Number(n)).toBe(8);
  });

  it('repeats, without doubling, a page whose events were stored but whose cursor was not (a crash in between)', async () => {
    const knex = await databases.init(id);
    const clock = { now: T0 };
    const idle = fakeImporter({ pages: 4 });
    // The plugin's own runner gets no turn: the job is left for the runner below.
    const vs = await start(knex, idle.importer, clock);
    await vs.importRunner.stop();
    const fake = fakeImporter({ pages: 4 });
    let crashed = false;
    // The store dies right after page 1's events were accepted, before its cursor is kept.
    const store = new Proxy(vs.store.imports, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (prop !== 'update' || typeof value !== 'function') return value;
        return async (...args: any[]) => {
          if (!crashed && args[2]?.cursor === '2') {
            crashed = true;
            throw new Error('connection lost');
          }
          return value.apply(target, args);
        };
      },
    });
    const runner = new ImportRunner({
      store,
      importers: new Map([['fake', fake.importer]]),
      ingest: vs.ingest,
      config: {
        enabled: true,
        historyDays: 90,
        reconcileMinutes: 60,
        concurrency: 2,
      },
      scheduler: mockServices.scheduler.mock(),
      logger: mockServices.logger.mock(),
      now: () => clock.now,
    });
    await vs.index.refresh();
    await runner.tick();
    await runner.idle();
    expect(crashed).toBe(true);
    clock.now += 3_600_000; // past any backoff and lease
    await runner.tick();
    await runner.idle();
    // the second run starts at page 1 again: its events are repeats, not new rows
    expect(fake.runs.map(r => r.cursor)).toEqual([null, '1']);
    expect((await vs.store.imports.list())[0]).toMatchObject({ state: 'done' });
    const [{ n }] = await knex('vs_events').count({ n: '*' });
    expect(Number(n)).toBe(8);
    await vs.ingest.settled(); // correlation runs behind the accept
    const keys = await knex('vs_work_items').orderBy('key').pluck('key');
    expect(keys).toEqual(['PAY-1', 'PAY-2', 'PAY-3', 'PAY-4']);
  });

  it('creates no jobs when import is turned off', async () => {
    const knex = await databases.init(id);
    const fake = fakeImporter();
    const vs = await start(knex, fake.importer, { now: T0 }, [payments], {
      import: { enabled: false },
    });
    await vs.index.refresh();
    await vs.importRunner.tick();
    await vs.importRunner.idle();
    expect(await vs.store.imports.list()).toEqual([]);
    expect(fake.runs).toEqual([]);
  });
});
