import { databases, startValueStream } from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

const at = (d: string) => `2026-02-${d}Z`;
const deployment = {
  deploymentId: 'd7',
  environment: 'production',
  service: 'payments',
  commitSha: '61626300',
};
const events = [
  {
    id: '1',
    source: 'argocd',
    type: 'deployment.finished',
    occurredAt: at('10T10:00:00'),
    data: { ...deployment, status: 'success' },
  },
  // The incident names only the deployment: it belongs to that deployment's entity.
  {
    id: '2',
    source: 'pd',
    type: 'incident.opened',
    occurredAt: at('10T12:00:00'),
    data: { incidentId: 'i7', deploymentId: 'd7' },
  },
  {
    id: '3',
    source: 'pd',
    type: 'incident.resolved',
    occurredAt: at('10T12:30:00'),
    data: { incidentId: 'i7', deploymentId: 'd7' },
  },
];
const METRICS =
  '/entities/component/default/payments/metrics?from=2026-02-01T00:00:00Z&to=2026-03-01T00:00:00Z';

describe.each(databases.eachSupportedId())(
  'incident resolution on %p',
  databaseId => {
    it.each([
      ['deployment first', events],
      ['incident first', [...events].reverse()],
    ])(
      'attributes an incident that names only its deployment (%s)',
      async (_, order) => {
        const vs = await startValueStream(databaseId);
        try {
          for (const e of order)
            expect((await vs.post('/events', [e])).status).toBe(202);
          const { dora } = (await vs.get(METRICS)).body;
          expect(dora.deploymentFrequency.count).toBe(1);
          expect(dora.changeFailureRate).toMatchObject({
            failed: 1,
            total: 1,
            rate: 1,
          });
          expect(dora.recoveryTime).toMatchObject({
            count: 1,
            p50: 1800,
            mean: 1800,
          });
        } finally {
          await vs.backend.stop();
        }
      },
    );

    it('attributes an incident by a commit the deployment included, days later', async () => {
      const vs = await startValueStream(databaseId);
      try {
        const posted = await vs.post('/events', [
          {
            id: 'd8',
            source: 'argocd',
            type: 'deployment.finished',
            occurredAt: at('10T10:00:00'),
            data: {
              deploymentId: 'd8',
              environment: 'production',
              service: 'payments',
              commitSha: '63386200',
              commits: ['63386100', '63386200'],
              status: 'success',
            },
          },
          // Three days on: only the commit rule (not the 24 h fallback) can attribute it.
          {
            id: 'i8',
            source: 'pd',
            type: 'incident.opened',
            occurredAt: at('13T10:00:00'),
            data: { incidentId: 'i8', service: 'PPAY', commitSha: '63386100' },
          },
        ]);
        expect(posted.status).toBe(202);
        const { dora } = (await vs.get(METRICS)).body;
        expect(dora.changeFailureRate).toMatchObject({ failed: 1, total: 1 });
      } finally {
        await vs.backend.stop();
      }
    });
  },
);
