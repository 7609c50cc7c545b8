import fc from 'fast-check';
import type { TestDatabaseId } from '@backstage/backend-test-utils';
import { SCENARIO, WINDOW } from '../__testUtils__/scenario';
import { databases, startValueStream } from '../__testUtils__/testBackend';

jest.setTimeout(600_000);

const ENTITY = '/entities/component/default/payments';
const KEYS = ['PAY-1', 'PAY-2', 'PAY-3'];
type Event = (typeof SCENARIO)[number];

/** The read API's view of the scenario, minus what grows with the clock. */
async function snapshot(vs: Awaited<ReturnType<typeof startValueStream>>) {
  const items = [];
  for (const key of KEYS) {
    const { status, body } = await vs.get(`/work-items/${key}`);
    expect(status).toBe(200);
    const last = body.transitions.length - 1;
    items.push({
      ...body,
      transitions: body.transitions.map((t: any, i: number) =>
        i === last ? { ...t, seconds: 'now' } : t,
      ),
      timeInStage: { ...body.timeInStage, [body.stage]: 'now' },
    });
  }
  const metrics = await vs.get(`${ENTITY}/metrics?${WINDOW}`);
  const list = await vs.get(`${ENTITY}/work-items?state=all`);
  const timeseries = await vs.get(`${ENTITY}/timeseries?metric=cfd&${WINDOW}`);
  return {
    items,
    metrics: metrics.body,
    list: list.body,
    timeseries: timeseries.body,
  };
}

/** A permutation of the scenario, some events repeated, cut into batches. */
const arrivals = fc
  .record({
    order: fc.shuffledSubarray(SCENARIO, {
      minLength: SCENARIO.length,
      maxLength: SCENARIO.length,
    }),
    repeats: fc.array(
      fc.record({ event: fc.constantFrom(...SCENARIO), at: fc.nat() }),
      { maxLength: 6 },
    ),
    cuts: fc.array(fc.nat(), { maxLength: 6 }),
    parallel: fc.boolean(),
  })
  .map(({ order, repeats, cuts, parallel }) => {
    const sequence: Event[] = [...order];
    for (const r of repeats)
      sequence.splice(r.at % (sequence.length + 1), 0, r.event);
    const points = [...new Set(cuts.map(c => c % sequence.length))]
      .filter(c => c > 0)
      .sort((a, b) => a - b);
    const batches = [0, ...points].map((from, i) =>
      sequence.slice(from, [...points, sequence.length][i]),
    );
    return { batches, repeats: repeats.length, parallel };
  });

function checkArrivalOrder(id: TestDatabaseId, numRuns: number) {
  let expected: Awaited<ReturnType<typeof snapshot>>;
  beforeAll(async () => {
    const vs = await startValueStream(id);
    try {
      expect((await vs.post('/events', SCENARIO)).status).toBe(202);
      expected = await snapshot(vs);
      // The baseline is the hand-checked scenario (service/scenario.test.ts).
      expect(expected.items.map(i => i.stage)).toEqual([
        'Done',
        'Done',
        'Backlog',
      ]);
      expect(expected.metrics.dora.deploymentFrequency.count).toBe(1);
    } finally {
      await vs.backend.stop();
    }
  });

  it('gives the same journeys and metrics for any arrival order', async () => {
    await fc.assert(
      fc.asyncProperty(arrivals, async ({ batches, repeats, parallel }) => {
        const vs = await startValueStream(id);
        try {
          const post = (batch: Event[]) => vs.post('/events', batch);
          const responses = parallel
            ? await Promise.all(batches.map(post))
            : await batches.reduce(
                async (acc, b) => [...(await acc), await post(b)],
                Promise.resolve([] as Awaited<ReturnType<typeof post>>[]),
              );
          const total = { accepted: 0, duplicates: 0, ignored: 0 };
          for (const r of responses) {
            expect(r.status).toBe(202);
            total.accepted += r.body.accepted;
            total.duplicates += r.body.duplicates;
            total.ignored += r.body.ignored;
          }
          expect(total).toEqual({
            accepted: SCENARIO.length,
            duplicates: repeats,
            ignored: 0,
          });
          expect(await snapshot(vs)).toEqual(expected);
        } finally {
          await vs.backend.stop();
        }
      }),
      { numRuns },
    );
  });
}

describe.each(databases.eachSupportedId())('arrival order on %p', id => {
  checkArrivalOrder(id, id === 'SQLITE_3' ? 15 : 3);
});

// done.mode delivered (DESIGN §17): PAY-1, closed 06 00:00, deployed 05 01:00, enters Done
// at 06 01:00 after 24 h of observation whatever the order; PAY-2 has no change (Done at
// its close, 05 00:00).
describe.each(databases.eachSupportedId())(
  'arrival order with delivered Done on %p',
  id => {
    const config = { done: { mode: 'delivered', observationHours: 24 } };
    it('gives the same journeys and metrics for any arrival order', async () => {
      const base = await startValueStream(id, { config });
      let expected: Awaited<ReturnType<typeof snapshot>>;
      try {
        await base.post('/events', SCENARIO);
        expected = await snapshot(base);
      } finally {
        await base.backend.stop();
      }
      expect(expected.items.map(i => [i.stage, i.doneAt])).toEqual([
        ['Done', '2026-01-06T01:00:00.000Z'],
        ['Done', '2026-01-05T00:00:00.000Z'],
        ['Backlog', null],
      ]);
      await fc.assert(
        fc.asyncProperty(arrivals, async ({ batches, parallel }) => {
          const vs = await startValueStream(id, { config });
          try {
            const post = (batch: Event[]) => vs.post('/events', batch);
            if (parallel) await Promise.all(batches.map(post));
            else for (const b of batches) await post(b);
            expect(await snapshot(vs)).toEqual(expected);
          } finally {
            await vs.backend.stop();
          }
        }),
        { numRuns: id === 'SQLITE_3' ? 8 : 2 },
      );
    });
  },
);

// A team profile (DESIGN §13): payments' owner follows `scenario-flow`, whose stages claim
// the evidence roles under other names, map "In Progress" to Dev and deliver Done as above
// (PAY-1 Done at 06 01:00, PAY-2 at its close 05 00:00), whatever the order.
describe.each(databases.eachSupportedId())(
  'arrival order under a team profile on %p',
  id => {
    const config = {
      profiles: {
        'scenario-flow': {
          stages: [
            { name: 'Backlog', category: 'queue' },
            { name: 'Dev', category: 'active', roles: ['first_commit'] },
            { name: 'Review', category: 'wait', roles: ['pr_opened'] },
            {
              name: 'QA',
              category: 'active',
              roles: ['pr_merged', 'build_started', 'build_succeeded'],
            },
            {
              name: 'Release',
              category: 'active',
              roles: [
                'staging_deploy_started',
                'staging_deploy_succeeded',
                'production_deploy_started',
                'production_deploy_succeeded',
              ],
            },
            { name: 'Done', category: 'done' },
          ],
          statusMapping: { 'In Progress': 'Dev' },
          wipLimits: { Dev: 1 },
          done: { mode: 'delivered', observationHours: 24 },
        },
      },
      profileByOwner: { 'group:default/team-pay': 'scenario-flow' },
    };
    it('gives the same journeys and metrics for any arrival order', async () => {
      const base = await startValueStream(id, { config });
      let expected: Awaited<ReturnType<typeof snapshot>>;
      try {
        await base.post('/events', SCENARIO);
        expected = await snapshot(base);
      } finally {
        await base.backend.stop();
      }
      expect(expected.items.map(i => [i.stage, i.doneAt])).toEqual([
        ['Done', '2026-01-06T01:00:00.000Z'],
        ['Done', '2026-01-05T00:00:00.000Z'],
        ['Backlog', null],
      ]);
      expect(expected.metrics.profiles).toEqual(['scenario-flow']);
      expect(expected.metrics.stages.map((s: any) => s.name)).toEqual([
        'Backlog',
        'Dev',
        'Review',
        'QA',
        'Release',
        'Done',
      ]);
      // PAY-1 went Dev (02 00:00, "In Progress") → Review → QA → Release → Done.
      expect(expected.items[0].transitions.map((t: any) => t.stage)).toEqual([
        'Backlog',
        'Dev',
        'Review',
        'QA',
        'Release',
        'Done',
      ]);
      await fc.assert(
        fc.asyncProperty(arrivals, async ({ batches, parallel }) => {
          const vs = await startValueStream(id, { config });
          try {
            const post = (batch: Event[]) => vs.post('/events', batch);
            if (parallel) await Promise.all(batches.map(post));
            else for (const b of batches) await post(b);
            expect(await snapshot(vs)).toEqual(expected);
          } finally {
            await vs.backend.stop();
          }
        }),
        { numRuns: id === 'SQLITE_3' ? 8 : 2 },
      );
    });
  },
);
