import {
  checkout,
  mobile,
  PROFILE_CONFIG,
  teamCheckout,
} from '../__testUtils__/profileFixtures';
import {
  databases,
  group,
  payments,
  startValueStream,
} from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

const HOUR = 3600_000;
let n = 0;
/** Events `hoursAgo` before now (alerts read the clock). */
const ev = (type: string, hoursAgo: number, data: object, extra = {}) => ({
  id: `pf${++n}`,
  source: 'jira',
  type,
  occurredAt: new Date(Date.now() - hoursAgo * HOUR).toISOString(),
  data,
  ...extra,
});
const created = (key: string) =>
  ev('work_item.created', 10, { key, title: key, itemType: 'feature' });
/** A tracker status without `stage`: the item's profile maps it. */
const status = (key: string, to: string, hoursAgo = 5) =>
  ev('work_item.status_changed', hoursAgo, { key, from: 'To Do', to });

const EVENTS = [
  ...['CHK-1', 'CHK-2', 'CHK-3', 'PAY-1', 'PAY-2', 'MOB-1'].map(created),
  status('CHK-1', 'In Dev'),
  status('CHK-3', 'In Dev'),
  // A commit naming CHK-2 in checkout's repository: first_commit, which Dev claims.
  ev(
    'commit.pushed',
    4,
    { sha: 'c0ffee01', message: 'CHK-2 start', branch: 'feature/chk-2' },
    { source: 'github', repository: 'acme/checkout' },
  ),
  status('PAY-1', 'In Progress'),
  status('PAY-2', 'In Progress'),
  status('MOB-1', 'In Dev'),
  // Blocked 3 h: over product-flow's 2 h, under the default 24 h.
  ev('work_item.blocked', 3, { key: 'CHK-3', reason: 'waiting on design' }),
  ev('work_item.blocked', 3, { key: 'PAY-2', reason: 'waiting on design' }),
];

const metricsOf = (name: string) =>
  `/entities/component/default/${name}/metrics`;

describe.each(databases.eachSupportedId())('profiles on %p', databaseId => {
  it("shows each team's services with their own stages, WIP limits and alerts", async () => {
    const vs = await startValueStream(databaseId, {
      config: PROFILE_CONFIG,
      entities: [payments, group, checkout, teamCheckout, mobile],
    });
    try {
      expect((await vs.post('/events', EVENTS)).status).toBe(202);

      const chk = await vs.get(metricsOf('checkout'));
      expect(chk.status).toBe(200);
      expect(chk.body.profiles).toEqual(['product-flow']);
      expect(chk.body.stagesByCategory).toBeUndefined();
      expect(
        chk.body.stages.map((s: any) => [
          s.name,
          s.category,
          s.wip,
          s.wipLimit,
        ]),
      ).toEqual([
        ['Backlog', 'queue', 0, null],
        // CHK-1 and CHK-3 by their status, CHK-2 by its commit; limit 2 of the profile.
        ['Dev', 'active', 3, 2],
        ['Review', 'wait', 0, null],
        ['QA', 'active', 0, null],
        ['Done', 'done', null, null],
      ]);
      expect((await vs.get('/work-items/CHK-2')).body.stage).toBe('Dev');

      const pay = await vs.get(metricsOf('payments'));
      expect(pay.body.profiles).toEqual(['default']);
      expect(pay.body.stages.map((s: any) => s.name)).toEqual([
        'Backlog',
        'In Progress',
        'Code Review',
        'Build',
        'Test',
        'Deploy Staging',
        'Validation',
        'Deploy Production',
        'Monitoring',
        'Done',
      ]);
      expect(
        pay.body.stages.find((s: any) => s.name === 'In Progress').wip,
      ).toBe(2);

      // The profile's 2 h blocked threshold opens an alert; the default 24 h does not.
      let alerts: any[] = [];
      for (let i = 0; i < 100 && !alerts.length; i++) {
        alerts = (await vs.get('/entities/component/default/checkout/alerts'))
          .body.items;
        if (!alerts.length) await new Promise(r => setTimeout(r, 50));
      }
      expect(
        alerts
          .filter(a => a.rule === 'item_blocked')
          .map(a => [a.rule, a.workItemKey]),
      ).toEqual([['item_blocked', 'CHK-3']]);
      const payAlerts = await vs.get(
        '/entities/component/default/payments/alerts',
      );
      expect(payAlerts.body.items).toEqual([]);
    } finally {
      await vs.backend.stop();
    }
  });

  it('rolls a group of services on different profiles up by stage category', async () => {
    const vs = await startValueStream(databaseId, {
      config: PROFILE_CONFIG,
      entities: [payments, group, checkout, teamCheckout, mobile],
    });
    try {
      await vs.post('/events', EVENTS);
      // team-pay owns payments (default) and mobile (product-flow by annotation).
      const r = await vs.get('/groups/default/team-pay/metrics');
      expect(r.status).toBe(200);
      expect(r.body.entityRefs).toEqual([
        'component:default/mobile',
        'component:default/payments',
      ]);
      expect(r.body.profiles).toEqual(['default', 'product-flow']);
      expect(r.body.stagesByCategory).toBe(true);
      // Active: PAY-1 and PAY-2 in In Progress, MOB-1 in Dev. Queue: nothing left in Backlog.
      expect(r.body.stages.map((s: any) => [s.name, s.wip])).toEqual([
        ['Queue', 0],
        ['Active', 3],
        ['Wait', 0],
        ['Done', null],
      ]);
      // team-checkout's one service keeps its profile's stages.
      const t = await vs.get('/groups/default/team-checkout/metrics');
      expect(t.body.profiles).toEqual(['product-flow']);
      expect(t.body.stages.map((s: any) => s.name)).toEqual([
        'Backlog',
        'Dev',
        'Review',
        'QA',
        'Done',
      ]);
    } finally {
      await vs.backend.stop();
    }
  });
});
