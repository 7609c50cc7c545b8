import { databases, startValueStream } from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

const WINDOW = 'from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z';
const ENTITY = '/entities/component/default/payments';
const S1 = {
  id: '1',
  name: 'Sprint 1',
  startAt: '2026-01-05T00:00:00Z',
  endAt: '2026-01-19T00:00:00Z',
};
const S2 = {
  id: '2',
  name: 'Sprint 2',
  startAt: '2026-01-19T00:00:00Z',
  endAt: '2026-02-02T00:00:00Z',
};

let n = 0;
const ev = (type: string, day: string, data: object) => ({
  id: `vi${++n}`,
  source: 'jira',
  type,
  occurredAt: `2026-01-${day}T10:00:00Z`,
  data,
});
const created = (key: string, day: string, value?: number) =>
  ev('work_item.created', day, {
    key,
    title: key,
    itemType: 'feature',
    ...(value ? { value } : {}),
  });
const to = (key: string, day: string, stage: string) =>
  ev('work_item.status_changed', day, { key, to: stage, stage });
const iteration = (key: string, day: string, it: object | null) =>
  ev('work_item.updated', day, { key, iteration: it });

// PAY-1 (50): planned in sprint 1, done on the 10th, reopened, done again on the 14th.
// PAY-2 (30): planned in sprint 1, not done there; moved to sprint 2 before its start, done on the 25th.
// PAY-3 (20): added to sprint 1 on the 8th, done on the 12th.
// PAY-4 (no value): planned in sprint 1, removed on the 6th, never done.
// PAY-5 (no value): in no iteration, done on the 4th.
const EVENTS = [
  created('PAY-1', '02', 50),
  created('PAY-2', '02', 30),
  created('PAY-4', '02'),
  created('PAY-5', '02'),
  iteration('PAY-1', '03', S1),
  iteration('PAY-2', '03', S1),
  iteration('PAY-4', '03', S1),
  to('PAY-5', '03', 'In Progress'),
  to('PAY-5', '04', 'Done'),
  to('PAY-1', '06', 'In Progress'),
  to('PAY-2', '06', 'In Progress'),
  iteration('PAY-4', '06', null),
  created('PAY-3', '07', 20),
  iteration('PAY-3', '08', S1),
  to('PAY-3', '09', 'In Progress'),
  to('PAY-1', '10', 'Done'),
  to('PAY-1', '11', 'In Progress'),
  to('PAY-3', '12', 'Done'),
  to('PAY-1', '14', 'Done'),
  iteration('PAY-2', '18', S2),
  to('PAY-2', '25', 'Done'),
];

const EXPECTED_ITERATIONS = [
  {
    ...S1,
    startAt: '2026-01-05T00:00:00.000Z',
    endAt: '2026-01-19T00:00:00.000Z',
    planned: { items: 3, value: 80 },
    delivered: { items: 2, value: 70 },
    added: { items: 1, value: 20 },
    carriedOver: { items: 2, value: 30 },
  },
  {
    ...S2,
    startAt: '2026-01-19T00:00:00.000Z',
    endAt: '2026-02-02T00:00:00.000Z',
    planned: { items: 1, value: 30 },
    delivered: { items: 1, value: 30 },
    added: { items: 0, value: 0 },
    carriedOver: { items: 0, value: 0 },
  },
];

// Done in January: PAY-1 (50, cycle 6th → 14th = 8 days, once), PAY-2 (30, 19 days),
// PAY-3 (20, 3 days) and PAY-5 (no value).
const EXPECTED_VALUE = {
  delivered: 100,
  velocity: (100 / 31) * 7,
  efficiency: 100 / 30,
  valuedShare: 3 / 4,
  valued: 3,
  unvalued: 1,
};

describe.each(databases.eachSupportedId())(
  'value metrics and iterations on %p',
  databaseId => {
    const read = async (events: object[]) => {
      const vs = await startValueStream(databaseId);
      try {
        expect((await vs.post('/events', { events })).status).toBe(202);
        const metrics = await vs.get(`${ENTITY}/metrics?${WINDOW}`);
        const group = await vs.get(
          `/groups/default/team-pay/metrics?${WINDOW}`,
        );
        const iterations = await vs.get(`${ENTITY}/iterations?${WINDOW}`);
        expect([metrics.status, group.status, iterations.status]).toEqual([
          200, 200, 200,
        ]);
        return {
          value: metrics.body.value,
          groupValue: group.body.value,
          iterations: iterations.body.items,
        };
      } finally {
        await vs.backend.stop();
      }
    };

    it('answers value metrics (entity and group) and planned/delivered/added/carried over per iteration', async () => {
      const r = await read(EVENTS);
      expect(r.value.delivered).toBe(EXPECTED_VALUE.delivered);
      expect(r.value.velocity).toBeCloseTo(EXPECTED_VALUE.velocity, 9);
      expect(r.value.efficiency).toBeCloseTo(EXPECTED_VALUE.efficiency, 9);
      expect(r.value).toMatchObject({
        valuedShare: 0.75,
        valued: 3,
        unvalued: 1,
      });
      expect(r.groupValue).toEqual(r.value);
      expect(r.iterations).toEqual(EXPECTED_ITERATIONS);
    });

    it('gives the same answer whatever the arrival order', async () => {
      const shuffled = [...EVENTS].reverse();
      const r = await read(shuffled);
      expect(r.iterations).toEqual(EXPECTED_ITERATIONS);
      expect(r.value.delivered).toBe(100);
      expect(r.value.unvalued).toBe(1);
    });

    it('refuses a bad iteration with a 400 naming the field, and a bad window', async () => {
      const vs = await startValueStream(databaseId);
      try {
        const bad = await vs.post('/events', {
          events: [
            iteration('PAY-9', '03', {
              id: '',
              name: 'x',
              startAt: 'soon',
              endAt: null,
            }),
          ],
        });
        expect(bad.status).toBe(400);
        expect(JSON.stringify(bad.body)).toContain('iteration');
        const window = await vs.get(
          `${ENTITY}/iterations?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z`,
        );
        expect(window.status).toBe(400);
        const none = await vs.get(`${ENTITY}/iterations?${WINDOW}`);
        expect(none.body).toEqual({ items: [] });
      } finally {
        await vs.backend.stop();
      }
    });
  },
);
