import { databases, startValueStream } from '../__testUtils__/testBackend';

jest.setTimeout(120_000);
const METRICS =
  '/entities/component/default/payments/metrics?from=2026-01-01T00:00:00Z&to=2026-01-08T00:00:00Z';
let n = 0;
const ev = (type: string, at: string, data: object) => ({
  id: `bt${++n}`,
  source: 'jira',
  type,
  occurredAt: `2026-01-${at}Z`,
  data,
});
const item = (key: string) =>
  ev('work_item.created', '01T10:00:00', {
    key,
    title: key,
    itemType: 'feature',
  });
const move = (key: string, at: string, to: string) =>
  ev('work_item.status_changed', at, { key, from: 'x', to, stage: to });

// PAY-1 (started 02 10:00, done 06 10:00): blocked 03 10:00 → 04 16:00 on a team's API,
// 30 h of dependency. PAY-2 (started 02 10:00, done 05 22:00): "staging down" 01 12:00 →
// 02 14:00, of which 4 h after its start, then again from 05 10:00, still blocked at Done:
// 12 h; 16 h of environment. PAY-3 is blocked but not done: not counted.
const EVENTS = [
  item('PAY-1'),
  item('PAY-2'),
  item('PAY-3'),
  move('PAY-1', '02T10:00:00', 'In Progress'),
  ev('work_item.blocked', '03T10:00:00', {
    key: 'PAY-1',
    reason: 'waiting on payments team API',
  }),
  ev('work_item.unblocked', '04T16:00:00', { key: 'PAY-1' }),
  move('PAY-1', '06T10:00:00', 'Done'),
  ev('work_item.blocked', '01T12:00:00', {
    key: 'PAY-2',
    reason: 'staging down',
  }),
  move('PAY-2', '02T10:00:00', 'In Progress'),
  ev('work_item.unblocked', '02T14:00:00', { key: 'PAY-2' }),
  ev('work_item.blocked', '05T10:00:00', {
    key: 'PAY-2',
    reason: 'staging down',
  }),
  move('PAY-2', '05T22:00:00', 'Done'),
  move('PAY-3', '02T10:00:00', 'In Progress'),
  ev('work_item.blocked', '03T10:00:00', {
    key: 'PAY-3',
    reason: 'spec unclear',
  }),
];
const H = 3600;

describe.each(databases.eachSupportedId())(
  'flow.blockedTime on %p',
  databaseId => {
    const blockedOf = async (config: object = {}) => {
      const vs = await startValueStream(databaseId, { config });
      try {
        const posted = await vs.post('/events', { events: EVENTS });
        expect(posted.status).toBe(202);
        const r = await vs.get(METRICS);
        expect(r.status).toBe(200);
        expect(r.body.flow.throughput.total).toBe(2);
        return r.body.flow.blockedTime;
      } finally {
        await vs.backend.stop();
      }
    };

    it('sums the done items blocked time per reason category', async () => {
      expect(await blockedOf()).toEqual({
        total: 46 * H,
        byReason: { dependency: 30 * H, environment: 16 * H },
      });
    });

    it('blocks and unblocks on GitHub labels, the suffix being the reason', async () => {
      const gh = (type: string, at: string, data: object) => ({
        ...ev(type, at, { key: 'acme/payments#7', ...data }),
        source: 'github',
        repository: 'acme/payments',
      });
      const vs = await startValueStream(databaseId);
      try {
        const posted = await vs.post('/events', {
          events: [
            gh('work_item.created', '01T10:00:00', {
              title: 'SDK',
              itemType: 'feature',
              labels: ['enhancement'],
            }),
            gh('work_item.status_changed', '02T10:00:00', {
              from: 'open',
              to: 'In Progress',
              stage: 'In Progress',
            }),
            // 03 10:00 → 03 20:00 labelled: 10 h of `external`.
            gh('work_item.updated', '03T10:00:00', {
              labels: ['enhancement', 'blocked:vendor SDK late'],
            }),
            gh('work_item.updated', '03T20:00:00', { labels: ['enhancement'] }),
            gh('work_item.status_changed', '04T10:00:00', {
              from: 'open',
              to: 'closed',
              stage: 'Done',
            }),
          ],
        });
        expect(posted.status).toBe(202);
        const r = await vs.get(METRICS);
        expect(r.body.flow.blockedTime).toEqual({
          total: 10 * H,
          byReason: { external: 10 * H },
        });
      } finally {
        await vs.backend.stop();
      }
    });

    it('follows valueStream.blockedReasons', async () => {
      expect(
        await blockedOf({ blockedReasons: { platform: ['staging', 'api'] } }),
      ).toEqual({ total: 46 * H, byReason: { platform: 46 * H } });
    });
  },
);
