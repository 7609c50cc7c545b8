import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ImportFailedError } from '@valuestream/backstage-plugin-value-stream-node';
import type { Knex } from 'knex';
import { fakeImporter, pageEvents } from '../__testUtils__/fakeImporter';
import {
  component,
  databases,
  group,
  payments,
  startValueStream,
} from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

const ENTITY = '/entities/component/default/payments';
const DENIED = 'user:default/denied';
const DENIED_SERVICE = 'plugin:denied';
const checkout = component('checkout', { 'jira/project-key': 'CHK' });

type Vs = Awaited<ReturnType<typeof startValueStream>>;

/** Polls GET /import until every job is in `state` (10 s at most). */
async function waitForJobs(vs: Vs, state: string) {
  for (let i = 0; i < 200; i++) {
    const { body } = await vs.get('/import', vs.asService);
    if (body.jobs?.length && body.jobs.every((j: any) => j.state === state)) {
      await vs.settled();
      return body.jobs;
    }
    await new Promise(r => setTimeout(r, 50));
  }
  throw new Error(`import jobs not ${state} after 10 s`);
}

/** vs_events without the columns a delivery sets (seq, received_at). */
async function eventRows(knex: Knex) {
  return knex('vs_events')
    .select('source', 'id', 'type', 'occurred_at', 'subject', 'payload')
    .orderBy(['source', 'id']);
}

describe.each(databases.eachSupportedId())('history import on %p', id => {
  it('imports every page of a new entity: job done, events stored, counts right', async () => {
    const fake = fakeImporter({ pages: 4 });
    const vs = await startValueStream(id, { features: [fake.module] });
    try {
      const [job] = await waitForJobs(vs, 'done');
      expect(job).toMatchObject({
        entityRef: 'component:default/payments',
        source: 'fake',
        scope: 'PAY',
        state: 'done',
        items: 4,
        events: 8,
        total: 4,
      });
      expect(job.error).toBeUndefined();
      expect(Date.parse(job.nextRunAt)).toBeGreaterThan(
        Date.now() + 59 * 60_000,
      );
      expect(await eventRows(vs.knex)).toHaveLength(8);
      // A first run reads historyDays (90) back.
      const since = fake.runs[0].since.getTime();
      expect(Math.abs(Date.now() - 90 * 86_400_000 - since)).toBeLessThan(
        60_000,
      );
      const item = await vs.get('/work-items/PAY-3');
      expect(item.body).toMatchObject({ key: 'PAY-3', stage: 'In Progress' });
      const entity = await vs.get(`${ENTITY}/import`);
      expect(entity.body).toEqual({
        entityRef: 'component:default/payments',
        jobs: [expect.objectContaining({ scope: 'PAY', state: 'done' })],
      });
    } finally {
      await vs.backend.stop();
    }
  });

  it('counts events already received by POST /events as duplicates, not twice', async () => {
    const knex = await databases.init(id);
    const first = await startValueStream(id, { knex });
    const sent = [...pageEvents('PAY', 0), ...pageEvents('PAY', 2)];
    expect((await first.post('/events', sent)).body).toMatchObject({
      accepted: 4,
    });
    await first.backend.stop();
    const vs = await startValueStream(id, {
      knex,
      features: [fakeImporter({ pages: 4 }).module],
    });
    try {
      const [job] = await waitForJobs(vs, 'done');
      expect(job).toMatchObject({ items: 4, events: 4 });
      expect(await eventRows(knex)).toHaveLength(8);
    } finally {
      await vs.backend.stop();
    }
  });

  it('resumes from the cursor after a stop mid-import, with the same events as one run', async () => {
    // Uninterrupted, on a database of its own.
    const whole = await startValueStream(id, {
      features: [fakeImporter({ pages: 5 }).module],
    });
    await waitForJobs(whole, 'done');
    const expected = await eventRows(whole.knex);
    await whole.backend.stop();

    const knex = await databases.init(id);
    let reached: () => void;
    const atPage2 = new Promise<void>(r => (reached = r));
    const stalled = fakeImporter({
      pages: 5,
      hooks: {
        beforePage: async (p, ctx) => {
          if (p < 2) return;
          reached();
          await new Promise(r => ctx.signal.addEventListener('abort', r));
        },
      },
    });
    const first = await startValueStream(id, {
      knex,
      features: [stalled.module],
    });
    await atPage2;
    await first.backend.stop();
    const stopped = await knex('vs_import_jobs').first();
    expect(stopped).toMatchObject({
      state: 'running',
      cursor: '2',
      lease_owner: null,
    });
    expect(await eventRows(knex)).toHaveLength(4);

    const resumed = fakeImporter({ pages: 5 });
    const second = await startValueStream(id, {
      knex,
      features: [resumed.module],
    });
    try {
      const [job] = await waitForJobs(second, 'done');
      expect(resumed.runs.map(r => r.cursor)).toEqual(['2']);
      expect(job).toMatchObject({ items: 5, events: 10 });
      expect(await eventRows(knex)).toEqual(expected);
    } finally {
      await second.backend.stop();
    }
  });

  it('fails a job on ImportFailedError, with its message in GET …/import', async () => {
    const message =
      'integrations.fake (fake.example): 401 Bad credentials; the token needs the read scope';
    const fake = fakeImporter({
      hooks: {
        beforePage: async () => {
          throw new ImportFailedError(message);
        },
      },
    });
    const vs = await startValueStream(id, { features: [fake.module] });
    try {
      await waitForJobs(vs, 'failed');
      const { body } = await vs.get(`${ENTITY}/import`);
      expect(body.jobs).toEqual([
        expect.objectContaining({
          state: 'failed',
          error: message,
          nextRunAt: null,
        }),
      ]);
      // No retry until a trigger.
      await new Promise(r => setTimeout(r, 300));
      expect(fake.runs).toHaveLength(1);
    } finally {
      await vs.backend.stop();
    }
  });

  it('POST …/import needs value-stream.import.create, and restarts the jobs from scratch', async () => {
    const fake = fakeImporter({ pages: 3 });
    const vs = await startValueStream(id, {
      features: [
        fake.module,
        mockServices.permissions.mock({
          authorize: async (requests, { credentials }) =>
            requests.map(() => ({
              result:
                (credentials.principal as any)?.userEntityRef === DENIED ||
                (credentials.principal as any)?.subject === DENIED_SERVICE
                  ? AuthorizeResult.DENY
                  : AuthorizeResult.ALLOW,
            })),
        }).factory,
      ],
    });
    try {
      await waitForJobs(vs, 'done');
      const denied = await vs.post(
        `${ENTITY}/import`,
        {},
        {
          Authorization: mockCredentials.user.header(DENIED),
        },
      );
      expect(denied.status).toBe(403);
      // Service principals need the permission too (external access restrictions apply).
      const service = await vs.post(
        `${ENTITY}/import`,
        {},
        {
          Authorization: mockCredentials.service.header({
            onBehalfOf: mockCredentials.service(DENIED_SERVICE),
            targetPluginId: 'value-stream',
          }),
        },
      );
      expect(service.status).toBe(403);
      expect(fake.runs).toHaveLength(1);

      const ok = await vs.post(`${ENTITY}/import`, {}, vs.asUser);
      expect(ok.status).toBe(202);
      expect(ok.body.entityRef).toBe('component:default/payments');
      expect(ok.body.jobs).toEqual([
        expect.objectContaining({ source: 'fake', scope: 'PAY' }),
      ]);
      const [job] = await waitForJobs(vs, 'done');
      expect(fake.runs.map(r => r.cursor)).toEqual([null, null]);
      // From scratch: the full history again, all counts of the new run.
      expect(
        Math.abs(fake.runs[1].since.getTime() - fake.runs[0].since.getTime()),
      ).toBeLessThan(60_000);
      expect(job).toMatchObject({ items: 3, events: 0 });
      const missing = await vs.post(
        '/entities/component/default/nope/import',
        {},
        vs.asService,
      );
      expect(missing.status).toBe(404);
    } finally {
      await vs.backend.stop();
    }
  });

  it('GET /import lists the jobs of every entity', async () => {
    const vs = await startValueStream(id, {
      entities: [payments, checkout, group],
      features: [fakeImporter({ pages: 1 }).module],
    });
    try {
      const jobs = await waitForJobs(vs, 'done');
      expect(jobs.map((j: any) => [j.entityRef, j.scope])).toEqual([
        ['component:default/checkout', 'CHK'],
        ['component:default/payments', 'PAY'],
      ]);
      const asUser = await vs.get('/import');
      expect(asUser.status).toBe(200);
      expect(asUser.body.jobs).toHaveLength(2);
    } finally {
      await vs.backend.stop();
    }
  });
});
