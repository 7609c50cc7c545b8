import { databases, startValueStream } from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

const H = 3_600_000;
// Whole seconds, so the ISO strings below are exact.
const NOW = Math.floor(Date.now() / 1000) * 1000;
const ago = (hours: number) => new Date(NOW - hours * H).toISOString();
let n = 0;
const jira = (type: string, hours: number, data: object) => ({
  id: `dd${++n}`,
  source: 'jira',
  type,
  occurredAt: ago(hours),
  data,
});
const created = (key: string) =>
  jira('work_item.created', 100, { key, title: key, itemType: 'feature' });
const closed = (key: string, hours: number) =>
  jira('work_item.status_changed', hours, { key, to: 'Done' });
const repo = { repository: 'acme/payments' };
const push = (key: string, sha: string, hours: number) => ({
  id: `push-${sha}`,
  source: 'github',
  type: 'commit.pushed',
  occurredAt: ago(hours),
  ...repo,
  data: { sha, message: `${key} work`, branch: 'main', defaultBranch: 'main' },
});
const deployed = (
  id: string,
  sha: string,
  hours: number,
  status = 'success',
) => ({
  id: `deploy-${id}`,
  source: 'argocd',
  type: 'deployment.finished',
  occurredAt: ago(hours),
  ...repo,
  data: {
    deploymentId: id,
    environment: 'production',
    service: 'payments',
    commitSha: sha,
    commits: [sha],
    status,
  },
});

// PAY-11: a PR merged 4 h ago, deployed 2 h ago, closed 1 h ago: 22 h of observation left.
// PAY-12: deployed 30 h ago, closed 1 h ago: Done at the close.
// PAY-13: closed 40 h ago, deployed 30 h ago: Done at the deployment + 24 h (6 h ago).
// PAY-14: no change, closed 1 h ago: Done at the close.
// PAY-15: a failed deployment 30 h ago, the next one 10 h ago, closed 20 h ago: in
// observation until 14 h from now.
const EVENTS = [
  ...['PAY-11', 'PAY-12', 'PAY-13', 'PAY-14', 'PAY-15'].map(created),
  {
    id: 'pr-11',
    source: 'github',
    type: 'pull_request.merged',
    occurredAt: ago(4),
    ...repo,
    data: {
      number: 11,
      title: 'PAY-11 retry',
      commits: ['b1100000'],
      mergeCommitSha: 'a1100000',
    },
  },
  push('PAY-11', 'a1100000', 4),
  deployed('d11', 'a1100000', 2),
  closed('PAY-11', 1),
  push('PAY-12', 'a1200000', 40),
  deployed('d12', 'a1200000', 30),
  closed('PAY-12', 1),
  push('PAY-13', 'a1300000', 50),
  closed('PAY-13', 40),
  deployed('d13', 'a1300000', 30),
  closed('PAY-14', 1),
  push('PAY-15', 'a1500000', 40),
  deployed('d15a', 'a1500000', 30, 'failure'),
  deployed('d15b', 'a1500000', 10),
  closed('PAY-15', 20),
];

describe.each(databases.eachSupportedId())(
  'done.mode delivered on %p',
  databaseId => {
    it('keeps closed items in Monitoring until their observation ends, and says when', async () => {
      const vs = await startValueStream(databaseId, {
        config: { done: { mode: 'delivered', observationHours: 24 } },
      });
      try {
        expect((await vs.post('/events', EVENTS)).status).toBe(202);
        const list = await vs.get(
          '/entities/component/default/payments/work-items?state=all',
        );
        expect(list.status).toBe(200);
        const byKey = Object.fromEntries(
          list.body.items.map((i: any) => [
            i.key,
            {
              stage: i.stage,
              doneAt: i.doneAt,
              observationEndsAt: i.observationEndsAt,
            },
          ]),
        );
        expect(byKey).toEqual({
          'PAY-11': {
            stage: 'Monitoring',
            doneAt: null,
            observationEndsAt: ago(2 - 24),
          },
          'PAY-12': {
            stage: 'Done',
            doneAt: ago(1),
            observationEndsAt: undefined,
          },
          'PAY-13': {
            stage: 'Done',
            doneAt: ago(30 - 24),
            observationEndsAt: undefined,
          },
          'PAY-14': {
            stage: 'Done',
            doneAt: ago(1),
            observationEndsAt: undefined,
          },
          'PAY-15': {
            stage: 'Monitoring',
            doneAt: null,
            observationEndsAt: ago(10 - 24),
          },
        });
        const detail = await vs.get('/work-items/PAY-11');
        expect(detail.status).toBe(200);
        expect(detail.body).toMatchObject({
          stage: 'Monitoring',
          stageEnteredAt: ago(2),
          observationEndsAt: ago(-22),
        });
      } finally {
        await vs.backend.stop();
      }
    });

    it('leaves the tracker mode as it was', async () => {
      const vs = await startValueStream(databaseId);
      try {
        await vs.post('/events', EVENTS);
        const detail = await vs.get('/work-items/PAY-11');
        expect(detail.body).toMatchObject({ stage: 'Done', doneAt: ago(1) });
        expect(detail.body.observationEndsAt).toBeUndefined();
      } finally {
        await vs.backend.stop();
      }
    });
  },
);
