import { databases, startValueStream } from '../__testUtils__/testBackend';
import { DAY, HOUR, SCENARIO, WINDOW } from '../__testUtils__/scenario';

jest.setTimeout(120_000);
const ENTITY = '/entities/component/default/payments';

describe.each(databases.eachSupportedId())(
  'value stream scenario on %p',
  databaseId => {
    let vs: Awaited<ReturnType<typeof startValueStream>>;
    let ingested: any;
    beforeAll(async () => {
      vs = await startValueStream(databaseId);
      ingested = await vs.post('/events', { events: SCENARIO });
    });
    afterAll(async () => {
      await vs.backend.stop();
    });

    it('accepts the whole history', () => {
      const r = ingested;
      expect(r.status).toBe(202);
      expect(r.body).toEqual({
        accepted: SCENARIO.length,
        duplicates: 0,
        ignored: 0,
      });
    });

    it('builds PAY-1 journey through every automatic stage', async () => {
      const r = await vs.get('/work-items/PAY-1');
      expect(r.status).toBe(200);
      expect(r.body.transitions.map((t: any) => [t.stage, t.seconds])).toEqual([
        ['Backlog', DAY],
        ['In Progress', DAY],
        ['Code Review', DAY],
        ['Build', 2 * HOUR],
        ['Test', 22 * HOUR],
        ['Deploy Production', HOUR],
        ['Monitoring', 23 * HOUR],
        ['Done', expect.any(Number)],
      ]);
      expect(r.body).toMatchObject({
        key: 'PAY-1',
        stage: 'Done',
        doneAt: '2026-01-06T00:00:00.000Z',
        startedAt: '2026-01-02T00:00:00.000Z',
        cycleTime: 4 * DAY,
        activeTime: DAY + 2 * HOUR + 22 * HOUR + HOUR + 23 * HOUR,
        waitTime: DAY,
        leadTimeForChanges: 2 * DAY + 19 * HOUR,
        entityRefs: ['component:default/payments'],
      });
      expect(r.body.links.commits.map((c: any) => c.sha).sort()).toEqual([
        '63310000',
        '63320000',
        '6d310000',
      ]);
      expect(r.body.links.pullRequests).toEqual([
        expect.objectContaining({
          number: 10,
          state: 'merged',
          repository: 'acme/payments',
        }),
      ]);
      expect(r.body.links.builds).toEqual([
        {
          buildId: 'b1',
          status: 'success',
          finishedAt: '2026-01-04T02:00:00.000Z',
        },
      ]);
      expect(r.body.links.deployments).toEqual([
        {
          deploymentId: 'd1',
          environment: 'production',
          status: 'success',
          finishedAt: '2026-01-05T01:00:00.000Z',
        },
      ]);
      expect(r.body.links.incidents.map((i: any) => i.incidentId)).toEqual([
        'i1',
      ]);
    });

    it('counts blocked time as wait', async () => {
      const r = await vs.get('/work-items/PAY-2');
      expect(r.body).toMatchObject({
        cycleTime: 2 * DAY,
        activeTime: DAY,
        waitTime: DAY,
        blockedTime: DAY,
        blocked: false,
      });
    });

    it('never turns UTF-8 or SHA-256 into work items', async () => {
      const links = await vs.knex('vs_item_links').select('item_key');
      expect([...new Set(links.map(l => l.item_key))].sort()).toEqual([
        'PAY-1',
      ]);
    });

    it('computes flow and DORA metrics', async () => {
      const r = await vs.get(`${ENTITY}/metrics?${WINDOW}`);
      expect(r.status).toBe(200);
      const { flow, dora } = r.body;
      expect(flow.throughput).toEqual({
        total: 2,
        perWeek: 2,
        byType: { feature: 1, defect: 1, risk: 0, debt: 0 },
      });
      expect(flow.cycleTime.p50).toBeCloseTo(3 * DAY);
      expect(flow.cycleTime.p85).toBeCloseTo(2 * DAY + 0.85 * 2 * DAY);
      expect(flow.cycleTime.mean).toBeCloseTo(3 * DAY);
      expect(flow.leadTime.mean).toBeCloseTo(4 * DAY);
      expect(flow.efficiency).toBeCloseTo((3 * DAY + DAY) / (6 * DAY));
      expect(flow.load).toBe(0);
      // PAY-2 blocked "vendor" 03 12:00 → 04 12:00: one day of `external`.
      expect(flow.blockedTime).toEqual({
        total: DAY,
        byReason: { external: DAY },
      });
      expect(flow.distribution).toEqual({
        feature: 0.5,
        defect: 0.5,
        risk: 0,
        debt: 0,
      });
      expect(dora.deploymentFrequency).toMatchObject({ count: 1, perWeek: 1 });
      expect(dora.leadTimeForChanges).toMatchObject({
        count: 1,
        p50: 2 * DAY + 19 * HOUR,
      });
      expect(dora.changeFailureRate).toMatchObject({
        failed: 1,
        total: 1,
        rate: 1,
      });
      expect(dora.recoveryTime).toMatchObject({
        count: 1,
        p50: 2 * HOUR,
        mean: 2 * HOUR,
      });
      // d1 ships PAY-1, a feature, from a PR without a hotfix/ branch
      expect(dora.reworkRate).toEqual({ rework: 0, total: 1, rate: 0 });
      // PR #10: first commit 2 Jan 06:00, opened 3 Jan 00:00, reviewed 06:00, merged 4 Jan
      // 00:00, deployed 5 Jan 01:00.
      const one = (seconds: number) => ({
        count: 1,
        p50: seconds,
        p85: seconds,
        mean: seconds,
      });
      expect(dora.leadTimeBreakdown).toEqual({
        coding: one(18 * HOUR),
        pickup: one(6 * HOUR),
        review: one(18 * HOUR),
        deploy: one(25 * HOUR),
      });
      const mean = Object.fromEntries(
        r.body.stages.map((s: any) => [s.name, s.meanTimeInStage]),
      );
      expect(mean).toEqual({
        Backlog: DAY,
        'In Progress': 1.5 * DAY,
        'Code Review': DAY,
        Build: 2 * HOUR,
        Test: 22 * HOUR,
        'Deploy Staging': null,
        Validation: null,
        'Deploy Production': HOUR,
        Monitoring: 23 * HOUR,
        Done: null,
      });
      const backlog = r.body.stages.find((s: any) => s.name === 'Backlog');
      expect(backlog.wip).toBe(1);
      expect(r.body.stages.find((s: any) => s.name === 'Done').wip).toBeNull();
    });

    it('lists work items with cursor paging', async () => {
      const all = await vs.get(`${ENTITY}/work-items?state=all&limit=2`);
      expect(all.body.items.map((i: any) => i.key)).toEqual(['PAY-3', 'PAY-2']);
      const next = await vs.get(
        `${ENTITY}/work-items?state=all&limit=2&cursor=${all.body.nextCursor}`,
      );
      expect(next.body).toEqual({
        items: [expect.objectContaining({ key: 'PAY-1' })],
        nextCursor: null,
      });
      const open = await vs.get(`${ENTITY}/work-items`);
      expect(open.body.items).toEqual([
        expect.objectContaining({
          key: 'PAY-3',
          stage: 'Backlog',
          startedAt: null,
          activeTime: null,
          waitTime: null,
        }),
      ]);
    });

    it('treats a repeat as a duplicate', async () => {
      const r = await vs.post('/events', SCENARIO.slice(0, 3));
      expect(r.body).toEqual({ accepted: 0, duplicates: 3, ignored: 0 });
    });

    it('gives the same journeys whatever the arrival order', async () => {
      const other = await startValueStream(databaseId);
      try {
        for (const e of [...SCENARIO].reverse()) {
          expect((await other.post('/events', [e])).status).toBe(202);
        }
        for (const key of ['PAY-1', 'PAY-2', 'PAY-3']) {
          const a = await vs.get(`/work-items/${key}`);
          const b = await other.get(`/work-items/${key}`);
          expect({
            ...b.body,
            transitions: b.body.transitions.slice(0, -1),
          }).toEqual({
            ...a.body,
            transitions: a.body.transitions.slice(0, -1),
          });
        }
      } finally {
        await other.backend.stop();
      }
    });
  },
);
