import { databases, startValueStream } from '../__testUtils__/testBackend';

jest.setTimeout(120_000);
const METRICS =
  '/entities/component/default/payments/metrics?from=2026-01-01T00:00:00Z&to=2026-01-08T00:00:00Z';
const repo = { repository: 'acme/payments' };
let n = 0;
const ev = (source: string, type: string, day: string, data: object) => ({
  id: `rw${++n}`,
  source,
  type,
  occurredAt: `2026-01-${day}T10:00:00Z`,
  ...(source === 'github' || source === 'argocd' ? repo : {}),
  data,
});
const deploy = (
  day: string,
  deploymentId: string,
  commits: string[],
  status = 'success',
  environment = 'production',
) =>
  ev('argocd', 'deployment.finished', day, {
    deploymentId,
    environment,
    service: 'payments',
    commitSha: commits[commits.length - 1],
    commits,
    status,
  });
const pr = (
  day: string,
  number: number,
  title: string,
  branch: string,
  sha: string,
  mergeSha: string,
) => [
  ev('github', 'commit.pushed', day, {
    sha,
    message: title,
    branch,
    defaultBranch: 'main',
  }),
  ev('github', 'pull_request.merged', day, {
    number,
    title,
    branch,
    commits: [sha],
    mergeCommitSha: mergeSha,
  }),
  ev('github', 'commit.pushed', day, {
    sha: mergeSha,
    message: `${title} (#${number})`,
    branch: 'main',
    defaultBranch: 'main',
  }),
];

// Three successful production deployments in the window: d1 ships a direct commit linked
// to the defect PAY-11, d2 a PR from hotfix/login (no work item), d3 the feature PAY-12.
// A failed production deployment and a staging one of the defect fix do not count.
const EVENTS = [
  ev('jira', 'work_item.created', '01', {
    key: 'PAY-11',
    title: 'Rounding',
    itemType: 'defect',
  }),
  ev('jira', 'work_item.created', '01', {
    key: 'PAY-12',
    title: 'Search',
    itemType: 'feature',
  }),
  ev('github', 'commit.pushed', '02', {
    sha: 'aa110000',
    message: 'PAY-11 fix rounding',
    branch: 'main',
    defaultBranch: 'main',
  }),
  deploy('02', 'stg-1', ['aa110000'], 'success', 'staging'),
  deploy('02', 'd0-failed', ['aa110000'], 'failure'),
  deploy('03', 'd1', ['aa110000']),
  ...pr('04', 21, 'Fix login', 'hotfix/login', 'bb210000', 'bb220000'),
  deploy('04', 'd2', ['bb210000', 'bb220000']),
  ...pr('05', 22, 'PAY-12 search', 'feature/pay-12', 'cc310000', 'cc320000'),
  deploy('05', 'd3', ['cc310000', 'cc320000']),
];

describe.each(databases.eachSupportedId())(
  'dora.reworkRate on %p',
  databaseId => {
    const reworkOf = async (config: object = {}) => {
      const vs = await startValueStream(databaseId, { config });
      try {
        const posted = await vs.post('/events', { events: EVENTS });
        expect(posted.status).toBe(202);
        const r = await vs.get(METRICS);
        expect(r.status).toBe(200);
        expect(r.body.dora.deploymentFrequency.count).toBe(3);
        return r.body.dora.reworkRate;
      } finally {
        await vs.backend.stop();
      }
    };

    it('counts the defect-linked and the hotfix deployments of three', async () => {
      expect(await reworkOf()).toEqual({ rework: 2, total: 3, rate: 2 / 3 });
    });

    it('follows valueStream.rework', async () => {
      // only d3 (a feature, from feature/) is rework now
      expect(
        await reworkOf({
          rework: { itemTypes: ['feature'], branchPattern: '^feature/' },
        }),
      ).toEqual({ rework: 1, total: 3, rate: 1 / 3 });
    });
  },
);
