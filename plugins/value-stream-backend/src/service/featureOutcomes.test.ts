import { mockCredentials } from '@backstage/backend-test-utils';
import {
  databases,
  group,
  payments,
  startValueStream,
} from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

const DAY = 86_400_000;
const JANUARY =
  '/entities/component/default/payments/value?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z';
const repo = { repository: 'acme/payments' };
let n = 0;
const at = (t: string) => (t.includes('T') ? t : `${t}T10:00:00Z`);
const ev = (source: string, type: string, t: string, data: object) => ({
  id: `fo${++n}`,
  source,
  type,
  occurredAt: at(t),
  ...(source === 'github' || source === 'argocd' ? repo : {}),
  ...(source === 'survey' ? { entityRef: 'component:default/payments' } : {}),
  data,
});
const created = (key: string, itemType: string, t: string, value?: number) =>
  ev('jira', 'work_item.created', t, {
    key,
    title: `${key} title`,
    itemType,
    ...(value ? { value } : {}),
  });
const commit = (sha: string, message: string, t: string) =>
  ev('github', 'commit.pushed', t, {
    sha,
    message,
    branch: 'main',
    defaultBranch: 'main',
  });
const deploy = (
  id: string,
  t: string,
  commits: string[],
  environment = 'production',
) =>
  ev('argocd', 'deployment.finished', t, {
    deploymentId: id,
    environment,
    service: 'payments',
    commitSha: commits[commits.length - 1],
    commits,
    status: 'success',
  });
const usage = (key: string, count: number, from: string, to: string) =>
  ev('survey', 'usage.reported', from, {
    feature: key,
    count,
    from: at(from),
    to: at(to),
  });
const answer = (key: string, id: string, score: number, t: string) =>
  ev('survey', 'feedback.submitted', t, {
    feedbackId: id,
    workItemKey: key,
    score,
  });
const ticket = (key: string, id: string, what: string, t: string) =>
  ev('helpdesk', `support_ticket.${what}`, t, {
    ticketId: id,
    workItemKey: key,
  });
const incident = (id: string, what: string, t: string, data: object = {}) =>
  ev('pagerduty', `incident.${what}`, t, {
    incidentId: id,
    service: 'PPAY',
    ...data,
  });

// PAY-2 (a feature) shipped 2025-12-20 and was used 1,000 times in its window: the
// baseline of PAY-1. PAY-1 (value 40) ships with d1 on 2026-01-03 12:00; its window is
// [01-03 12:00, 01-10 12:00), 10,080 minutes:
// - usage 120 (half of 240 on 01-03) + 650 (6.5 of the 7 days of 700) = 770; u = 0.77
// - answers 10, 9, 3, 8 in the window (0 on 01-12 is after it): NPS (2 − 1) ÷ 4 = 25
// - i1 (sev3, names d1) 60 min; i2 ("low", no deployment: d1 finished 21 h before) 30 min;
//   i3 on 01-20 falls to no deployment. uptime 1 − 90 ÷ 10,080; p = 0.25 + 0.1
// - tickets T-1 (opened 01-06, resolved 01-07), T-2 (opened 01-09): 2 opened, 1 resolved
// A defect (PAY-4) shipped in January and a feature only on staging (PAY-5) are no features
// with outcomes.
const JANUARY_EVENTS = [
  created('PAY-2', 'feature', '2025-12-15'),
  commit('b1000000', 'PAY-2 export', '2025-12-19'),
  deploy('d0', '2025-12-20T12:00:00Z', ['b1000000']),
  usage('PAY-2', 1000, '2025-12-21T00:00:00Z', '2025-12-22T00:00:00Z'),
  created('PAY-1', 'feature', '2026-01-01', 40),
  commit('a1000000', 'PAY-1 add search', '2026-01-02'),
  deploy('d1', '2026-01-03T12:00:00Z', ['a1000000']),
  ev('jira', 'work_item.status_changed', '2026-01-10', {
    key: 'PAY-1',
    to: 'Done',
  }),
  usage('PAY-1', 240, '2026-01-03T00:00:00Z', '2026-01-04T00:00:00Z'),
  usage('PAY-1', 700, '2026-01-04T00:00:00Z', '2026-01-11T00:00:00Z'),
  answer('PAY-1', 'fb1', 10, '2026-01-05'),
  answer('PAY-1', 'fb2', 9, '2026-01-06'),
  answer('PAY-1', 'fb3', 3, '2026-01-07'),
  answer('PAY-1', 'fb4', 8, '2026-01-08'),
  answer('PAY-1', 'fb5', 0, '2026-01-12'),
  incident('i1', 'opened', '2026-01-05T10:00:00Z', {
    severity: 'sev3',
    deploymentId: 'd1',
  }),
  incident('i1', 'resolved', '2026-01-05T11:00:00Z'),
  incident('i2', 'opened', '2026-01-04T09:00:00Z', { severity: 'low' }),
  incident('i2', 'resolved', '2026-01-04T09:30:00Z'),
  incident('i3', 'opened', '2026-01-20T09:00:00Z', { severity: 'sev1' }),
  incident('i3', 'resolved', '2026-01-20T10:00:00Z'),
  ticket('PAY-1', 'T-1', 'opened', '2026-01-06'),
  ticket('PAY-1', 'T-1', 'resolved', '2026-01-07'),
  ticket('PAY-1', 'T-2', 'opened', '2026-01-09'),
  created('PAY-4', 'defect', '2026-01-01'),
  commit('c4000000', 'PAY-4 fix rounding', '2026-01-14'),
  deploy('d4', '2026-01-15T12:00:00Z', ['c4000000']),
  created('PAY-5', 'feature', '2026-01-01'),
  commit('c5000000', 'PAY-5 refunds', '2026-01-16'),
  deploy('s5', '2026-01-17T12:00:00Z', ['c5000000'], 'staging'),
];

const PAY1_UPTIME = 1 - 90 / 10_080;
const PAY1 = {
  key: 'PAY-1',
  title: 'PAY-1 title',
  value: 40,
  deployedAt: '2026-01-03T12:00:00.000Z',
  windowEndsAt: '2026-01-10T12:00:00.000Z',
  usage: 770,
  baseline: 1000,
  nps: 25,
  responses: 4,
  uptime: PAY1_UPTIME,
  incidents: { count: 2, minutes: 90, bySeverity: { sev3: 1, low: 1 } },
  tickets: { opened: 2, resolved: 1 },
  successScore: 100 * 0.77 * 0.625 * PAY1_UPTIME - 100 * 0.35,
};

/** PAY-3 shipped two days ago: its window has not ended, so it has no score yet. */
function recentEvents(now: number) {
  const t = (ms: number) => new Date(ms).toISOString();
  const deployedAt = now - 2 * DAY;
  return {
    deployedAt,
    events: [
      created('PAY-3', 'feature', t(now - 5 * DAY)),
      commit('a3000000', 'PAY-3 saved cards', t(now - 3 * DAY)),
      deploy('d3', t(deployedAt), ['a3000000']),
      usage('PAY-3', 50, t(deployedAt + 3_600_000), t(deployedAt + 7_200_000)),
      answer('PAY-3', 'fb9', 10, t(deployedAt + DAY)),
    ],
  };
}

describe.each(databases.eachSupportedId())('GET …/value on %p', id => {
  const answers = async (events: object[], path: string) => {
    const vs = await startValueStream(id);
    try {
      expect((await vs.post('/events', { events })).status).toBe(202);
      const r = await vs.get(path);
      expect(r.status).toBe(200);
      return r.body;
    } finally {
      await vs.backend.stop();
    }
  };

  it('answers a shipped feature with usage, NPS, uptime, incidents, tickets and its score', async () => {
    const body = await answers(JANUARY_EVENTS, JANUARY);
    expect(body.entityRef).toBe('component:default/payments');
    expect(body.window).toEqual({
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-02-01T00:00:00.000Z',
    });
    expect(body.value).toMatchObject({ delivered: 40, valued: 1 });
    expect(body.features).toHaveLength(1);
    const [pay1] = body.features;
    const { successScore, uptime, ...exact } = PAY1;
    expect(pay1).toMatchObject(exact);
    expect(pay1.uptime).toBeCloseTo(uptime, 12);
    expect(pay1.successScore).toBeCloseTo(successScore, 10);
    expect(pay1.successScore).toBeCloseTo(12.695, 3);
  });

  it('gives a feature whose window has not ended no score yet', async () => {
    const now = Date.now();
    const { deployedAt, events } = recentEvents(now);
    const body = await answers(
      events,
      '/entities/component/default/payments/value',
    );
    expect(body.features).toEqual([
      {
        key: 'PAY-3',
        title: 'PAY-3 title',
        value: null,
        deployedAt: new Date(deployedAt).toISOString(),
        windowEndsAt: new Date(deployedAt + 7 * DAY).toISOString(),
        usage: 50,
        baseline: null,
        nps: 100,
        responses: 1,
        uptime: 1,
        incidents: { count: 0, minutes: 0, bySeverity: {} },
        tickets: { opened: 0, resolved: 0 },
        successScore: null,
      },
    ]);
  });

  it('follows valueStream.feedback.windowDays', async () => {
    const vs = await startValueStream(id, {
      config: { feedback: { windowDays: 1 } },
    });
    try {
      await vs.post('/events', { events: JANUARY_EVENTS });
      const [pay1] = (await vs.get(JANUARY)).body.features;
      // [01-03 12:00, 01-04 12:00): 120 of 240, and 1 of 7 days of 700 is half in it (50)
      expect(pay1.windowEndsAt).toBe('2026-01-04T12:00:00.000Z');
      expect(pay1.usage).toBeCloseTo(170, 10);
      expect(pay1.nps).toBeNull();
      expect(pay1.incidents).toEqual({
        count: 1,
        minutes: 30,
        bySeverity: { low: 1 },
      });
    } finally {
      await vs.backend.stop();
    }
  });

  it('gives the same answer whatever the arrival order', async () => {
    const inOrder = await answers(JANUARY_EVENTS, JANUARY);
    const reversed = await answers([...JANUARY_EVENTS].reverse(), JANUARY);
    expect(reversed).toEqual(inOrder);
    // feedback before the work item and its deployment, in two batches
    const vs = await startValueStream(id);
    try {
      const feedbackFirst = [...JANUARY_EVENTS].sort(
        (a, b) => Number(b.source === 'survey') - Number(a.source === 'survey'),
      );
      await vs.post('/events', { events: feedbackFirst.slice(0, 10) });
      await vs.post('/events', { events: feedbackFirst.slice(10) });
      expect((await vs.get(JANUARY)).body).toEqual(inOrder);
    } finally {
      await vs.backend.stop();
    }
  });

  describe('errors', () => {
    let vs: Awaited<ReturnType<typeof startValueStream>>;
    beforeAll(async () => {
      vs = await startValueStream(id, { entities: [payments, group] });
    });
    afterAll(() => vs.backend.stop());

    it.each([
      ['from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'from'],
      ['from=yesterday', 'from'],
      ['to=2026-13-40T00:00:00Z', 'to'],
    ])('400 for ?%s naming %s', async (query, field) => {
      const r = await vs.get(
        `/entities/component/default/payments/value?${query}`,
      );
      expect(r.status).toBe(400);
      expect(r.body.error.message).toContain(field);
    });

    it('404 for an entity that does not exist', async () => {
      const r = await vs.get('/entities/component/default/nope/value');
      expect(r.status).toBe(404);
    });

    it('401 without credentials', async () => {
      const r = await vs.get('/entities/component/default/payments/value', {
        Authorization: mockCredentials.none.header(),
      });
      expect(r.status).toBe(401);
    });

    it('an entity with no features answers an empty list', async () => {
      const r = await vs.get('/entities/component/default/payments/value');
      expect(r.status).toBe(200);
      expect(r.body.features).toEqual([]);
      expect(r.body.value).toMatchObject({ delivered: 0, valuedShare: null });
    });
  });
});
