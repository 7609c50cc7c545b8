import { databases, startValueStream } from '../__testUtils__/testBackend';
import { SCENARIO } from '../__testUtils__/scenario';

jest.setTimeout(120_000);
const ENTITY = '/entities/component/default/payments';
const KEYS = ['PAY-1', 'PAY-2', 'PAY-3'];

describe.each(databases.eachSupportedId())(
  'per-stage wip of a past window on %p',
  databaseId => {
    let vs: Awaited<ReturnType<typeof startValueStream>>;
    beforeAll(async () => {
      vs = await startValueStream(databaseId);
      const posted = await vs.post('/events', { events: SCENARIO });
      if (posted.status !== 202)
        throw new Error(`POST /events answered ${posted.status}`);
    });
    afterAll(async () => {
      await vs.backend.stop();
    });

    const metrics = async (from: string, to: string) => {
      const r = await vs.get(`${ENTITY}/metrics?from=${from}&to=${to}`);
      expect(r.status).toBe(200);
      return r.body;
    };

    it('is 0 everywhere, like load, in a window before all events', async () => {
      const body = await metrics(
        '2025-12-01T00:00:00Z',
        '2025-12-08T00:00:00Z',
      );
      expect(body.flow.load).toBe(0);
      expect(body.stages.map((s: any) => s.wip)).toEqual([
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        null,
      ]);
    });

    it('describes the state at `to`, as the journeys do', async () => {
      const journeys = await Promise.all(
        KEYS.map(async k => (await vs.get(`/work-items/${k}`)).body),
      );
      for (const to of [
        '2026-01-02T12:00:00Z',
        '2026-01-03T12:00:00Z',
        '2026-01-04T12:00:00Z',
        '2026-01-05T12:00:00Z',
      ]) {
        const t = Date.parse(to);
        const expected: Record<string, number> = {};
        for (const j of journeys) {
          const visit = j.transitions.find(
            (x: any) =>
              Date.parse(x.enteredAt) < t &&
              (x.exitedAt === null || Date.parse(x.exitedAt) >= t),
          );
          if (visit) expected[visit.stage] = (expected[visit.stage] ?? 0) + 1;
        }
        const body = await metrics('2026-01-01T00:00:00Z', to);
        const wip = Object.fromEntries(
          body.stages
            .filter((s: any) => s.wip)
            .map((s: any) => [s.name, s.wip]),
        );
        delete expected.Done;
        expect({ to, wip }).toEqual({ to, wip: expected });
      }
    });
  },
);
