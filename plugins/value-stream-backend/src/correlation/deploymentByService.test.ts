import { databases, startValueStream } from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

const at = (d: string) => `2026-02-${d}Z`;
const repo = { repository: 'acme/payments' };
const events = [
  {
    id: '1',
    source: 'jira',
    type: 'work_item.created',
    occurredAt: at('01T00:00:00'),
    data: { key: 'PAY-5', title: 'x', itemType: 'feature' },
  },
  {
    id: '2',
    source: 'github',
    type: 'commit.pushed',
    occurredAt: at('02T00:00:00'),
    ...repo,
    data: { sha: '61310000', message: 'PAY-5 first', branch: 'PAY-5-x' },
  },
  {
    id: '3',
    source: 'github',
    type: 'pull_request.merged',
    occurredAt: at('03T00:00:00'),
    ...repo,
    data: {
      number: 3,
      title: 'PAY-5 x',
      commits: ['61310000'],
      mergeCommitSha: '6d330000',
    },
  },
  {
    id: '4',
    source: 'github',
    type: 'commit.pushed',
    occurredAt: at('03T00:00:00'),
    ...repo,
    data: { sha: '6f390000', message: 'unrelated', branch: 'main' },
  },
  // Argo CD knows the app, not the repository or the commits: inclusion is derived.
  {
    id: '5',
    source: 'argocd',
    type: 'deployment.started',
    occurredAt: at('04T00:00:00'),
    data: {
      deploymentId: 'd9',
      environment: 'stg',
      service: 'payments',
      commitSha: '6f390000',
    },
  },
  {
    id: '6',
    source: 'argocd',
    type: 'deployment.finished',
    occurredAt: at('04T00:10:00'),
    data: {
      deploymentId: 'd9',
      environment: 'stg',
      service: 'payments',
      commitSha: '6f390000',
      status: 'success',
    },
  },
];

describe.each(databases.eachSupportedId())(
  'deployment inclusion by service on %p',
  databaseId => {
    it('includes every change merged up to the deployed commit, whatever the arrival order', async () => {
      for (const order of [events, [...events].reverse()]) {
        const vs = await startValueStream(databaseId);
        try {
          expect((await vs.post('/events', order)).status).toBe(202);
          const r = await vs.get('/work-items/PAY-5');
          expect(r.body.stage).toBe('Validation');
          expect(r.body.links.deployments).toEqual([
            {
              deploymentId: 'd9',
              environment: 'stg',
              status: 'success',
              finishedAt: '2026-02-04T00:10:00.000Z',
            },
          ]);
        } finally {
          await vs.backend.stop();
        }
      }
    });
  },
);
