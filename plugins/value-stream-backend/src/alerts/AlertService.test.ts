import { mockServices } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { createValueStream } from '../createValueStream';
import { mockDeps } from '../__testUtils__/mockDeps';
import { databases } from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

/** The plugin's pieces on `knex` with the payments entity and a clock of the test's. */
const startAlerts = (knex: Knex, now: () => number, valueStream = {}) =>
  createValueStream(
    mockDeps(knex, {
      config: mockServices.rootConfig({ data: { valueStream } }),
      now,
    }),
  );

const HOUR = 3_600_000;
const ENTITY = 'component:default/payments';
const T0 = Date.parse('2026-03-10T00:00:00Z');
const ev = (id: string, type: string, at: number, data: object) => ({
  id,
  source: 'jira',
  type,
  occurredAt: new Date(at).toISOString(),
  data: { key: 'PAY-7', ...data },
});

describe.each(databases.eachSupportedId())('alerts on %p', databaseId => {
  it('raises item_blocked when 24 h pass with no new event, once, and resolves it on unblock', async () => {
    const knex = await databases.init(databaseId);
    let now = T0;
    const vs = await startAlerts(knex, () => now);
    await vs.index.refresh();
    const notify = jest.fn(async () => {});
    vs.alerts.setNotifier(notify);

    await vs.ingest.ingest([
      ev('1', 'work_item.created', T0 - 48 * HOUR, {
        title: 'Retry',
        itemType: 'feature',
      }),
      ev('2', 'work_item.status_changed', T0 - 47 * HOUR, {
        to: 'In Progress',
      }),
      ev('3', 'work_item.blocked', T0 - 23 * HOUR, { reason: 'vendor' }),
    ]);
    await vs.alerts.flush();
    expect(await vs.alerts.list([ENTITY], 'open')).toEqual([]);

    // The scheduled pass, 2 h later: blocked for 25 h now, no new event needed.
    now = T0 + 2 * HOUR;
    expect(await vs.alerts.evaluateAll()).toEqual({
      entities: 1,
      opened: 1,
      resolved: 0,
    });
    const [alert] = await vs.alerts.list([ENTITY], 'open');
    expect(alert).toMatchObject({
      rule: 'item_blocked',
      workItemKey: 'PAY-7',
      stage: 'In Progress',
      detectedAt: new Date(now).toISOString(),
      resolvedAt: null,
    });
    expect(alert.message).toContain('PAY-7');

    // Re-evaluating keeps one open alert and notifies once.
    now += 60_000;
    await vs.alerts.evaluateAll();
    expect(await vs.alerts.list([ENTITY], 'open')).toHaveLength(1);
    expect(notify).toHaveBeenCalledTimes(1);

    // The stage status reflects the open item alert.
    const metrics = await vs.metrics.metrics(ENTITY, [ENTITY], {
      from: now - 30 * 24 * HOUR,
      to: now,
    });
    // A window ending now counts the current stages: PAY-7 is in In Progress.
    expect(metrics.flow.load).toBe(1);
    expect(metrics.stages.find(s => s.name === 'In Progress')?.status).toBe(
      'warning',
    );

    await vs.ingest.ingest([ev('4', 'work_item.unblocked', now, {})]);
    await vs.alerts.flush();
    expect(await vs.alerts.list([ENTITY], 'open')).toEqual([]);
    expect(await vs.alerts.list([ENTITY], 'resolved')).toEqual([
      expect.objectContaining({
        rule: 'item_blocked',
        resolvedAt: new Date(now).toISOString(),
      }),
    ]);
  });

  it('records alerts of a backfilled history without notifying owners', async () => {
    const knex = await databases.init(databaseId);
    const vs = await startAlerts(knex, () => T0);
    await vs.index.refresh();
    const notify = jest.fn(async () => {});
    vs.alerts.setNotifier(notify);
    await vs.ingest.ingest([
      ev('1', 'work_item.created', T0 - 10 * 24 * HOUR, {
        title: 'Old',
        itemType: 'feature',
      }),
      ev('2', 'work_item.status_changed', T0 - 9 * 24 * HOUR, {
        to: 'In Progress',
      }),
      ev('3', 'work_item.blocked', T0 - 5 * 24 * HOUR, {}),
    ]);
    await vs.alerts.flush();
    expect(await vs.alerts.list([ENTITY], 'open')).toEqual([
      expect.objectContaining({ rule: 'item_blocked', workItemKey: 'PAY-7' }),
    ]);
    expect(notify).not.toHaveBeenCalled();
  });

  it('the scheduled pass evaluates only due entities and catches a crossing within one pass', async () => {
    const knex = await databases.init(databaseId);
    let now = T0;
    // A week's refresh, so the due times below are the thresholds' own.
    const vs = await startAlerts(knex, () => now, {
      alerts: { refreshMinutes: 7 * 24 * 60 },
    });
    await vs.index.refresh();
    await vs.ingest.ingest([
      ev('1', 'work_item.created', T0 - 48 * HOUR, {
        title: 'Retry',
        itemType: 'feature',
      }),
      ev('2', 'work_item.status_changed', T0 - 47 * HOUR, {
        to: 'In Progress',
      }),
      ev('3', 'work_item.blocked', T0 - 23 * HOUR, { reason: 'vendor' }),
    ]);
    await vs.alerts.flush();
    // Evaluated after the ingest: due again when the block reaches 24 h (T0 + 1 h).
    const [row] = await knex('vs_alert_schedule').where({ entity_ref: ENTITY });
    expect(Number(row.due_at)).toBe(T0 + HOUR);

    now = T0 + 30 * 60_000;
    expect(await vs.alerts.evaluateDue()).toEqual({
      entities: 0,
      opened: 0,
      resolved: 0,
    });
    // The first pass after the crossing (passes run every minute) opens the alert.
    now = T0 + HOUR + 40_000;
    expect(await vs.alerts.evaluateDue()).toEqual({
      entities: 1,
      opened: 1,
      resolved: 0,
    });
    // Next due: the next 00:00 UTC (wip_spike's daily samples move), just before the block
    // reaches 48 h at T0 + 25 h and the alert turns critical.
    const [next] = await knex('vs_alert_schedule').where({
      entity_ref: ENTITY,
    });
    expect(Number(next.due_at)).toBe(T0 + 24 * HOUR);

    // A threshold change makes every entity due at the next pass.
    await vs.alerts.resetSchedule();
    now += 60_000;
    expect((await vs.alerts.evaluateDue()).entities).toBe(1);
  });

  it('evaluates cycle_time_outlier over the configured lookback, beyond 90 days', async () => {
    const knex = await databases.init(databaseId);
    const DAY = 24 * HOUR;
    const vs = await startAlerts(knex, () => T0, {
      alerts: { thresholds: { outlierLookbackDays: 180 } },
    });
    await vs.index.refresh();
    const item = (key: string, start: number, done: number) => [
      ev(`${key}-1`, 'work_item.created', start - DAY, {
        key,
        title: key,
        itemType: 'feature',
      }),
      ev(`${key}-2`, 'work_item.status_changed', start, {
        key,
        to: 'In Progress',
      }),
      ev(`${key}-3`, 'work_item.status_changed', done, { key, to: 'Done' }),
    ];
    // Five items of one day each, done 120 days ago: the mean is theirs too, so the
    // three-day item done yesterday is over 2 × the mean (8 days / 6 items).
    await vs.ingest.ingest([
      ...[1, 2, 3, 4, 5].flatMap(n =>
        item(`PAY-${n}`, T0 - 121 * DAY, T0 - 120 * DAY),
      ),
      ...item('PAY-6', T0 - 4 * DAY, T0 - DAY),
    ]);
    await vs.alerts.flush();
    // Read over 90 days only, the mean would be PAY-6's own three days: no outlier.
    expect(await vs.alerts.list([ENTITY], 'open')).toContainEqual(
      expect.objectContaining({
        rule: 'cycle_time_outlier',
        workItemKey: 'PAY-6',
      }),
    );
  });
});
