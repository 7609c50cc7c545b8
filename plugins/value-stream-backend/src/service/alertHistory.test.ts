import { databases, startValueStream } from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

const HISTORY = '/entities/component/default/payments/alerts/history';
const t = (s: string) => Date.parse(`2026-11-${s}Z`);

/** Rows as the alert task writes them (detected and resolved times in epoch ms). */
const row = (
  id: string,
  entityRef: string,
  detectedAt: string,
  resolvedAt: string | null,
) => ({
  id,
  rule: 'item_stuck',
  entity_ref: entityRef,
  subject: `PAY-${id}`,
  severity: 'warning',
  stage: 'Code Review',
  work_item_key: `PAY-${id}`,
  message: `PAY-${id} stuck`,
  detected_at: t(detectedAt),
  resolved_at: resolvedAt ? t(resolvedAt) : null,
  notified: true,
});

describe.each(databases.eachSupportedId())(
  'GET …/alerts/history on %p',
  databaseId => {
    it('gives the alerts resolved in the window with their time to resolve, and per week the alerts opened and resolved', async () => {
      const vs = await startValueStream(databaseId);
      try {
        await vs
          .knex('vs_alerts')
          .insert([
            row(
              '1',
              'component:default/payments',
              '04T10:00:00.000',
              '04T12:00:00.000',
            ),
            row(
              '2',
              'component:default/payments',
              '01T00:00:00.000',
              '05T00:00:00.000',
            ),
            row('3', 'component:default/payments', '10T00:00:00.000', null),
            row(
              '4',
              'component:default/payments',
              '20T00:00:00.000',
              '20T01:00:00.000',
            ),
            row(
              '5',
              'component:default/other',
              '05T00:00:00.000',
              '05T01:00:00.000',
            ),
          ]);
        const res = await vs.get(
          `${HISTORY}?from=2026-11-04T00:00:00.000Z&to=2026-11-16T00:00:00.000Z`,
        );
        expect(res.status).toBe(200);
        expect(res.body.window).toEqual({
          from: '2026-11-04T00:00:00.000Z',
          to: '2026-11-16T00:00:00.000Z',
        });
        // Detected in the window: 1 and 3 (2 before it, 4 after it, 5 another entity's).
        expect(res.body.opened).toBe(2);
        expect(
          res.body.items.map((a: any) => [a.id, a.resolvedAt, a.timeToResolve]),
        ).toEqual([
          ['2', '2026-11-05T00:00:00.000Z', 4 * 86400],
          ['1', '2026-11-04T12:00:00.000Z', 7200],
        ]);
        expect(res.body.items[0]).toEqual(
          expect.objectContaining({
            rule: 'item_stuck',
            stage: 'Code Review',
            workItemKey: 'PAY-2',
            detectedAt: '2026-11-01T00:00:00.000Z',
          }),
        );
        expect(res.body.timeToResolve).toEqual({
          count: 2,
          p50: (7200 + 345600) / 2,
          p85: expect.closeTo(294840, 6), // 7200 + 0.85 × 338400
          p95: expect.closeTo(328680, 6), // 7200 + 0.95 × 338400
          mean: (7200 + 345600) / 2,
        });
        expect(res.body.weeks).toEqual([
          {
            weekStart: '2026-11-02T00:00:00.000Z',
            opened: 1,
            resolved: 2,
            timeToResolveP50: (7200 + 345600) / 2,
          },
          {
            weekStart: '2026-11-09T00:00:00.000Z',
            opened: 1,
            resolved: 0,
            timeToResolveP50: null,
          },
        ]);
      } finally {
        await vs.backend.stop();
      }
    });

    it("replays the history at an entity's first evaluation: an item blocked for 3 days last week is a resolved alert", async () => {
      const vs = await startValueStream(databaseId);
      try {
        const DAY = 86_400_000;
        const day0 = Math.floor(Date.now() / DAY) * DAY; // 00:00 UTC today
        const at = (ms: number) => new Date(ms).toISOString();
        const ev = (id: string, type: string, ms: number, data: object) => ({
          id,
          source: 'jira',
          type,
          occurredAt: at(ms),
          data,
        });
        // Blocked from 8 days ago + 1 h to 5 days ago + 1 h. At the daily steps: 23 h at
        // −7 d, 47 h at −6 d (opens), still blocked at −5 d, unblocked at −4 d (resolves).
        const events = [
          ev('r1', 'work_item.created', day0 - 10 * DAY, {
            key: 'PAY-7',
            title: 'Refunds',
            itemType: 'feature',
          }),
          ev('r2', 'work_item.status_changed', day0 - 9 * DAY, {
            key: 'PAY-7',
            to: 'In Progress',
          }),
          ev('r3', 'work_item.blocked', day0 - 8 * DAY + 3_600_000, {
            key: 'PAY-7',
          }),
          ev('r4', 'work_item.unblocked', day0 - 5 * DAY + 3_600_000, {
            key: 'PAY-7',
          }),
        ];
        expect((await vs.post('/events', { events })).status).toBe(202);
        const res = await vs.get(HISTORY);
        expect(res.status).toBe(200);
        const blocked = res.body.items.filter(
          (a: any) => a.rule === 'item_blocked',
        );
        expect(
          blocked.map((a: any) => [
            a.workItemKey,
            a.detectedAt,
            a.resolvedAt,
            a.timeToResolve,
          ]),
        ).toEqual([
          ['PAY-7', at(day0 - 6 * DAY), at(day0 - 4 * DAY), 2 * 86400],
        ]);
        // Replayed alerts are resolved: none of them is open.
        const open = await vs.get(
          '/entities/component/default/payments/alerts?status=open',
        );
        expect(
          open.body.items.filter((a: any) => a.rule === 'item_blocked'),
        ).toEqual([]);
      } finally {
        await vs.backend.stop();
      }
    });

    it('answers 400 naming the field for a bad window', async () => {
      const vs = await startValueStream(databaseId);
      try {
        const bad = await vs.get(`${HISTORY}?from=yesterday`);
        expect(bad.status).toBe(400);
        expect(bad.body.error.message).toMatch(/from/);
        const reversed = await vs.get(
          `${HISTORY}?from=2026-11-05T00:00:00.000Z&to=2026-11-04T00:00:00.000Z`,
        );
        expect(reversed.status).toBe(400);
        expect(reversed.body.error.message).toMatch(/from: must be before to/);
      } finally {
        await vs.backend.stop();
      }
    });

    it('answers 404 for an entity the catalog does not have', async () => {
      const vs = await startValueStream(databaseId);
      try {
        const res = await vs.get(
          '/entities/component/default/nowhere/alerts/history',
        );
        expect(res.status).toBe(404);
      } finally {
        await vs.backend.stop();
      }
    });
  },
);
