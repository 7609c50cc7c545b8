import { mockServices } from '@backstage/backend-test-utils';
import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { createValueStream } from '../createValueStream';
import { mockDeps } from '../__testUtils__/mockDeps';
import { databases } from '../__testUtils__/testBackend';
import { DeliveredDoneTask } from './DeliveredDoneTask';

jest.setTimeout(60_000);

const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-10T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const jira = (id: string, type: string, at: number, data: object) => ({
  id,
  source: 'jira',
  type,
  occurredAt: iso(at),
  data,
});
const events = [
  jira('1', 'work_item.created', T0 - 48 * HOUR, {
    key: 'PAY-7',
    title: 'Retry refunds',
    itemType: 'feature',
  }),
  jira('2', 'work_item.status_changed', T0 - 47 * HOUR, {
    key: 'PAY-7',
    to: 'In Progress',
  }),
  {
    id: 'push',
    source: 'github',
    type: 'commit.pushed',
    occurredAt: iso(T0 - 30 * HOUR),
    repository: 'acme/payments',
    data: {
      sha: 'abc10000',
      message: 'PAY-7 retry refunds',
      branch: 'main',
      defaultBranch: 'main',
    },
  },
  {
    id: 'deploy',
    source: 'argocd',
    type: 'deployment.finished',
    occurredAt: iso(T0 - 6 * HOUR),
    repository: 'acme/payments',
    data: {
      deploymentId: 'prod-7',
      environment: 'production',
      commitSha: 'abc10000',
      status: 'success',
    },
  },
  // Closed an hour after the deployment: Done at deployment + 24 h = T0 + 18 h.
  jira('3', 'work_item.status_changed', T0 - 5 * HOUR, {
    key: 'PAY-7',
    to: 'Done',
  }),
  // No linked change: Done at the close.
  jira('4', 'work_item.created', T0 - 48 * HOUR, {
    key: 'PAY-8',
    title: 'Update the runbook',
    itemType: 'debt',
  }),
  jira('5', 'work_item.status_changed', T0 - 5 * HOUR, {
    key: 'PAY-8',
    to: 'Done',
  }),
];

describe.each(databases.eachSupportedId())(
  'delivered Done over time on %p',
  databaseId => {
    it('moves an observed item to Done at the end of its observation through the scheduled task', async () => {
      const knex = await databases.init(databaseId);
      let now = T0;
      const vs = await createValueStream(
        mockDeps(knex, {
          config: mockServices.rootConfig({
            data: {
              valueStream: {
                done: { mode: 'delivered', observationHours: 24 },
                notifications: { enabled: false },
              },
            },
          }),
          now: () => now,
        }),
      );
      await vs.index.refresh();
      await vs.ingest.ingest(events as CanonicalEvent[]);

      expect(await vs.store.workItem('PAY-8')).toMatchObject({
        stage: 'Done',
        doneAt: T0 - 5 * HOUR,
        observationEndsAt: null,
      });
      expect(await vs.store.workItem('PAY-7')).toMatchObject({
        stage: 'Monitoring',
        stageEnteredAt: T0 - 6 * HOUR,
        doneAt: null,
        observationEndsAt: T0 + 18 * HOUR,
      });

      const scheduler = mockServices.scheduler.mock();
      const task = new DeliveredDoneTask({
        scheduler,
        logger: mockServices.logger.mock(),
        store: vs.store,
        correlator: vs.correlator,
        now: () => now,
      });
      await task.start();
      expect(scheduler.scheduleTask).toHaveBeenCalledWith(
        expect.objectContaining({
          id: 'value-stream-delivered-done',
          scope: 'global',
        }),
      );
      const fn = scheduler.scheduleTask.mock.calls[0][0]
        .fn as () => Promise<void>;

      // 17 h later nothing is due yet.
      now = T0 + 17 * HOUR;
      await fn();
      expect(await vs.store.itemsDueForDone(now, 10)).toEqual([]);
      expect((await vs.store.workItem('PAY-7'))?.stage).toBe('Monitoring');

      // The pass runs at 20 h; the item entered Done at 18 h exactly, not when the pass ran.
      now = T0 + 20 * HOUR;
      expect(await vs.store.itemsDueForDone(now, 10)).toEqual(['PAY-7']);
      await fn();
      expect(await vs.store.workItem('PAY-7')).toMatchObject({
        stage: 'Done',
        stageEnteredAt: T0 + 18 * HOUR,
        doneAt: T0 + 18 * HOUR,
        // created at T0 − 48 h
        leadTime: 66 * 3600,
        observationEndsAt: null,
      });
      expect(await vs.store.itemsDueForDone(now, 10)).toEqual([]);
      // Nothing more to do on the next pass.
      expect(await task.run()).toEqual({ items: 0 });
    });
  },
);
