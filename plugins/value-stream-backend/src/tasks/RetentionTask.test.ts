import { mockServices } from '@backstage/backend-test-utils';
import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { createDirectValueStream } from '../__testUtils__/directValueStream';
import { databases, group, payments } from '../__testUtils__/testBackend';
import { readRetentionDays, RetentionTask } from './RetentionTask';

jest.setTimeout(120_000);

// now = 2026-03-01, 30 days: the limit is 2026-01-30T00:00:00Z.
const NOW = Date.parse('2026-03-01T00:00:00Z');
const LIMIT = Date.parse('2026-01-30T00:00:00Z');
const REF = 'component:default/payments';

let n = 0;
const ev = (
  source: string,
  type: string,
  at: string | number,
  data: object,
): CanonicalEvent => ({
  id: `rt${++n}`,
  source,
  type,
  occurredAt: typeof at === 'number' ? new Date(at).toISOString() : at,
  ...(source === 'github' || source === 'argocd'
    ? { repository: 'acme/payments' }
    : {}),
  data: data as Record<string, unknown>,
});
const created = (key: string) =>
  ev('jira', 'work_item.created', '2026-01-01T09:00:00Z', {
    key,
    title: key,
    itemType: 'feature',
  });
const done = (key: string, at: string | number) =>
  ev('jira', 'work_item.status_changed', at, { key, from: 'x', to: 'Done' });
const commit = (sha: string, at: string, message: string) =>
  ev('github', 'commit.pushed', at, {
    sha,
    message,
    branch: 'main',
    defaultBranch: 'main',
  });
const deployment = (id: string, at: string, commits: string[]) =>
  ev('argocd', 'deployment.finished', at, {
    deploymentId: id,
    environment: 'production',
    service: 'payments',
    commitSha: commits[commits.length - 1],
    commits,
    status: 'success',
  });

// PAY-1's last event is one second before the limit: it goes, with its commit a1 and the
// deployment that shipped only a1. PAY-2's is one second inside: it stays. PAY-3 was done
// inside the window and shipped by d-new; PAY-4 is open. b7 is an old commit naming no item;
// the test run is of a type no rule uses (kept raw, no subject).
const HISTORY = [
  created('PAY-1'),
  created('PAY-2'),
  created('PAY-3'),
  created('PAY-4'),
  commit('a1000000', '2026-01-02T10:00:00Z', 'PAY-1 first'),
  commit('b7000000', '2026-01-05T10:00:00Z', 'tidy'),
  deployment('d-old', '2026-01-03T10:00:00Z', ['a1000000']),
  ev('ci', 'test.finished', '2026-01-10T10:00:00Z', {
    runId: 'r1',
    commitSha: 'b7000000',
    status: 'success',
  }),
  done('PAY-1', LIMIT - 1000),
  done('PAY-2', LIMIT + 1000),
  commit('c3000000', '2026-02-01T10:00:00Z', 'PAY-3 change'),
  deployment('d-new', '2026-02-05T10:00:00Z', ['c3000000']),
  done('PAY-3', '2026-02-06T10:00:00Z'),
];

const windows = [
  { from: LIMIT, to: NOW },
  { from: Date.parse('2026-02-01T00:00:00Z'), to: NOW },
];

describe('readRetentionDays', () => {
  it('is off when unset and names the key when wrong', () => {
    const config = (days?: unknown) =>
      mockServices.rootConfig({
        data:
          days === undefined ? {} : { valueStream: { retention: { days } } },
      });
    expect(readRetentionDays(config())).toBeUndefined();
    expect(readRetentionDays(config(90))).toBe(90);
    expect(() => readRetentionDays(config(0))).toThrow(
      /valueStream\.retention\.days must be a whole number/,
    );
    expect(() => readRetentionDays(config(1.5))).toThrow(
      /valueStream\.retention\.days/,
    );
  });
});

describe.each(databases.eachSupportedId())('retention on %p', id => {
  it('deletes what is older than the limit, keeps what live items need, leaves windows inside unchanged; a repeat is a no-op', async () => {
    const vs = await createDirectValueStream(id, [payments, group]);
    await vs.ingest.ingest(HISTORY);
    await vs.ingest.settled();
    const before = await Promise.all(
      windows.map(w => vs.metrics.metrics(REF, [REF], w)),
    );
    expect(before[0].flow.throughput.total).toBe(2);

    const scheduler = mockServices.scheduler.mock();
    const task = new RetentionTask({
      config: mockServices.rootConfig({
        data: { valueStream: { retention: { days: 30 } } },
      }),
      scheduler,
      logger: mockServices.logger.mock(),
      store: vs.store,
      now: () => NOW,
      batchSize: 2,
    });
    await task.start();
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'value-stream-retention',
        scope: 'global',
      }),
    );

    const first = await task.run();
    expect(first.items).toBe(1);
    expect(first.rows).toBeGreaterThan(0);

    const keys = (
      await vs.knex('vs_work_items').select('key').orderBy('key')
    ).map(r => r.key);
    expect(keys).toEqual(['PAY-2', 'PAY-3', 'PAY-4']);
    const count = async (table: string, column: string, value: string) =>
      Number(
        (await vs.knex(table).where(column, value).count({ n: '*' }))[0].n,
      );
    for (const table of [
      'vs_item_entities',
      'vs_stage_intervals',
      'vs_item_links',
    ])
      expect(await count(table, 'item_key', 'PAY-1')).toBe(0);
    expect(
      await count('vs_stage_intervals', 'item_key', 'PAY-2'),
    ).toBeGreaterThan(0);
    expect(
      (await vs.knex('vs_commits').select('sha').orderBy('sha')).map(
        r => r.sha,
      ),
    ).toEqual(['c3000000']);
    expect(
      (await vs.knex('vs_deployments').select('deployment_id')).map(
        r => r.deployment_id,
      ),
    ).toEqual(['d-new']);
    const events = await vs.knex('vs_events').select('id', 'subject');
    const subjects = new Set(events.map(e => e.subject));
    expect(subjects.has('item:PAY-1')).toBe(false);
    expect(subjects.has('commit:a1000000')).toBe(false);
    expect(subjects.has('commit:b7000000')).toBe(false);
    expect(subjects.has('deployment:d-old')).toBe(false);
    expect(events.some(e => e.subject === null)).toBe(false);
    expect(subjects.has('item:PAY-2')).toBe(true);
    expect(subjects.has('item:PAY-4')).toBe(true);
    expect(subjects.has('deployment:d-new')).toBe(true);
    // 13 events: PAY-1's two, a1, b7, d-old and the test run went.
    expect(events).toHaveLength(7);

    const after = await Promise.all(
      windows.map(w => vs.metrics.metrics(REF, [REF], w)),
    );
    expect(after).toEqual(before);

    expect(await task.run()).toEqual({ items: 0, rows: 0 });
  });

  it('lets ingest go on during a pass', async () => {
    const vs = await createDirectValueStream(id, [payments, group]);
    await vs.ingest.ingest(HISTORY);
    await vs.ingest.settled();
    const task = new RetentionTask({
      config: mockServices.rootConfig({
        data: { valueStream: { retention: { days: 30 } } },
      }),
      scheduler: mockServices.scheduler.mock(),
      logger: mockServices.logger.mock(),
      store: vs.store,
      now: () => NOW,
      batchSize: 1,
    });
    const [pass] = await Promise.all([
      task.run(),
      vs.ingest.ingest([created('PAY-5'), done('PAY-5', LIMIT + 5000)]),
    ]);
    await vs.ingest.settled();
    expect(pass.items).toBe(1);
    expect((await vs.store.workItem('PAY-5'))?.stage).toBe('Done');
    expect(await vs.store.workItem('PAY-1')).toBeFalsy();
  });

  it('does nothing when off', async () => {
    const vs = await createDirectValueStream(id, [payments, group]);
    await vs.ingest.ingest(HISTORY.slice(0, 2));
    const task = new RetentionTask({
      config: mockServices.rootConfig({ data: {} }),
      scheduler: mockServices.scheduler.mock(),
      logger: mockServices.logger.mock(),
      store: vs.store,
      now: () => NOW,
    });
    await task.start();
    expect(await task.run()).toEqual({ items: 0, rows: 0 });
  });
});
