/**
 * A small, hand-computed history for one entity (`component:default/payments`).
 * Expected numbers are worked out in service/scenario.test.ts.
 */
const at = (s: string) => `2026-01-${s}Z`;
let n = 0;
const ev = (
  source: string,
  type: string,
  occurredAt: string,
  data: object,
  extra: object = {},
) => ({
  id: `e${++n}`,
  source,
  type,
  occurredAt: at(occurredAt),
  ...extra,
  data,
});
const repo = { repository: 'acme/payments' };

export const SCENARIO = [
  ev('jira', 'work_item.created', '01T00:00:00', {
    key: 'PAY-1',
    title: 'Endpoint',
    itemType: 'feature',
  }),
  ev('jira', 'work_item.status_changed', '02T00:00:00', {
    key: 'PAY-1',
    from: 'To Do',
    to: 'In Progress',
  }),
  ev(
    'github',
    'commit.pushed',
    '02T06:00:00',
    {
      sha: '63310000',
      message: 'PAY-1 add endpoint',
      branch: 'feature/pay-1',
      defaultBranch: 'main',
    },
    repo,
  ),
  ev(
    'github',
    'commit.pushed',
    '02T07:00:00',
    {
      sha: '63320000',
      message: 'Bump SHA-256 and UTF-8 handling',
      branch: 'feature/pay-1',
      defaultBranch: 'main',
    },
    repo,
  ),
  ev(
    'github',
    'pull_request.opened',
    '03T00:00:00',
    { number: 10, title: 'PAY-1: endpoint', commits: ['63310000', '63320000'] },
    repo,
  ),
  ev(
    'github',
    'pull_request.merged',
    '04T00:00:00',
    {
      number: 10,
      title: 'PAY-1: endpoint',
      commits: ['63310000', '63320000'],
      mergeCommitSha: '6d310000',
    },
    repo,
  ),
  ev(
    'github',
    'commit.pushed',
    '04T00:00:00',
    {
      sha: '6d310000',
      message: 'Endpoint (#10)',
      branch: 'main',
      defaultBranch: 'main',
    },
    repo,
  ),
  ev(
    'jenkins',
    'build.started',
    '04T01:00:00',
    { buildId: 'b1', commitSha: '6d310000' },
    repo,
  ),
  ev(
    'jenkins',
    'build.finished',
    '04T02:00:00',
    { buildId: 'b1', commitSha: '6d310000', status: 'success' },
    repo,
  ),
  ev(
    'argocd',
    'deployment.started',
    '05T00:00:00',
    {
      deploymentId: 'd1',
      environment: 'production',
      service: 'payments',
      commitSha: '6d310000',
    },
    repo,
  ),
  ev(
    'argocd',
    'deployment.finished',
    '05T01:00:00',
    {
      deploymentId: 'd1',
      environment: 'production',
      service: 'payments',
      commitSha: '6d310000',
      status: 'success',
    },
    repo,
  ),
  ev('pagerduty', 'incident.opened', '05T03:00:00', {
    incidentId: 'i1',
    service: 'PPAY',
    severity: 'high',
  }),
  ev('pagerduty', 'incident.resolved', '05T05:00:00', {
    incidentId: 'i1',
    service: 'PPAY',
    severity: 'high',
  }),
  ev('jira', 'work_item.status_changed', '06T00:00:00', {
    key: 'PAY-1',
    from: 'In Progress',
    to: 'Done',
  }),
  ev('jira', 'work_item.created', '02T00:00:00', {
    key: 'PAY-2',
    title: 'Fix rounding',
    itemType: 'defect',
  }),
  ev('jira', 'work_item.status_changed', '03T00:00:00', {
    key: 'PAY-2',
    to: 'In Progress',
  }),
  ev('jira', 'work_item.blocked', '03T12:00:00', {
    key: 'PAY-2',
    reason: 'vendor',
  }),
  ev('jira', 'work_item.unblocked', '04T12:00:00', { key: 'PAY-2' }),
  ev('jira', 'work_item.status_changed', '05T00:00:00', {
    key: 'PAY-2',
    to: 'Done',
  }),
  ev('jira', 'work_item.created', '06T00:00:00', {
    key: 'PAY-3',
    title: 'Later',
    itemType: 'debt',
  }),
  // Last, so slices of the history above stay as they were: PR #10's first review.
  ev(
    'github',
    'pull_request.reviewed',
    '03T06:00:00',
    { number: 10, state: 'approved' },
    repo,
  ),
];

export const WINDOW = 'from=2026-01-01T00:00:00Z&to=2026-01-08T00:00:00Z';
export const DAY = 86400;
export const HOUR = 3600;
