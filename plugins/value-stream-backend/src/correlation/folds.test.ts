import type { StoredEvent } from '../model';
import {
  envClass,
  foldBuild,
  foldCommit,
  foldDeployment,
  foldIncident,
  foldItemAttributes,
  foldPullRequest,
  isDefaultBranch,
} from './folds';

const H = 3_600_000;
const T0 = Date.parse('2026-01-01T00:00:00Z');
const t = (hours: number) => T0 + hours * H;
const ENVS = { production: ['production', 'prod'], staging: ['staging'] };

function ev(
  type: string,
  hours: number,
  data: Record<string, unknown>,
  extra: Partial<StoredEvent> = {},
): StoredEvent {
  return {
    id: `${type}@${hours}`,
    source: 'test',
    type,
    occurredAt: new Date(t(hours)).toISOString(),
    at: t(hours),
    data,
    ...extra,
  };
}
/** Every fold must give the same row for any order of its events. */
function eachOrder<T>(events: StoredEvent[], fold: (e: StoredEvent[]) => T): T {
  const result = fold(events);
  expect(fold([...events].reverse())).toEqual(result);
  expect(fold([...events.slice(1), events[0]])).toEqual(result);
  return result;
}

describe('isDefaultBranch', () => {
  it.each([
    ['main', undefined, true],
    ['master', undefined, true],
    ['refs/heads/main', undefined, true],
    ['develop', 'develop', true],
    ['main', 'develop', false],
    ['feature/pay-1', undefined, false],
    [undefined, 'main', false],
  ])('%s with default %s → %s', (branch, def, expected) => {
    expect(isDefaultBranch(branch, def)).toBe(expected);
  });
});

describe('envClass', () => {
  it('matches configured names case-insensitively', () => {
    expect(envClass('PROD', ENVS)).toBe('production');
    expect(envClass('staging', ENVS)).toBe('staging');
    expect(envClass('qa', ENVS)).toBe('other');
  });
});

describe('foldCommit', () => {
  it('takes the first push time, a branch and whether it reached the default branch', () => {
    const row = eachOrder(
      [
        ev(
          'commit.pushed',
          1,
          {
            sha: 'c1',
            message: 'PAY-1 retry',
            branch: 'feature/pay-1',
            authoredAt: '2025-12-31T22:00:00Z',
          },
          { id: 'p1', repository: 'acme/payments' },
        ),
        ev(
          'commit.pushed',
          5,
          {
            sha: 'c1',
            message: 'PAY-1 retry',
            branch: 'main',
            defaultBranch: 'main',
          },
          { id: 'p2', repository: 'acme/payments' },
        ),
      ],
      foldCommit,
    );
    expect(row).toEqual({
      sha: 'c1',
      repository: 'acme/payments',
      message: 'PAY-1 retry',
      branch: 'feature/pay-1',
      onDefault: true,
      authoredAt: Date.parse('2025-12-31T22:00:00Z'),
      pushedAt: t(1),
    });
  });

  it('defaults authoredAt to occurredAt', () => {
    expect(
      foldCommit([ev('commit.pushed', 2, { sha: 'c2', message: 'x' })]),
    ).toMatchObject({ authoredAt: t(2), onDefault: false, branch: null });
  });
});

describe('foldPullRequest', () => {
  const opened = ev(
    'pull_request.opened',
    1,
    {
      number: 12,
      title: 'PAY-1 retry',
      branch: 'feature/pay-1',
      commits: ['c1'],
    },
    { repository: 'acme/payments' },
  );
  const merged = ev(
    'pull_request.merged',
    4,
    {
      number: 12,
      title: 'PAY-1: retry refunds',
      commits: ['c1', 'c2'],
      mergeCommitSha: 'm1',
    },
    { repository: 'acme/payments' },
  );

  it('folds opened and merged into a merged PR', () => {
    expect(eachOrder([opened, merged], foldPullRequest)).toEqual({
      id: 'acme/payments#12',
      repository: 'acme/payments',
      number: 12,
      title: 'PAY-1: retry refunds',
      body: null,
      branch: 'feature/pay-1',
      state: 'merged',
      openedAt: t(1),
      mergedAt: t(4),
      closedAt: null,
      mergeCommitSha: 'm1',
      updatedAt: t(4),
      commits: ['c1', 'c2'],
      firstReviewedAt: null,
    });
  });

  it('is open, then closed without merge', () => {
    expect(foldPullRequest([opened]).state).toBe('open');
    const closed = ev(
      'pull_request.closed',
      3,
      { number: 12, title: 'x' },
      { repository: 'acme/payments' },
    );
    expect(eachOrder([opened, closed], foldPullRequest)).toMatchObject({
      state: 'closed',
      closedAt: t(3),
      mergedAt: null,
    });
  });

  it('uses the first event time when opened is missing', () => {
    expect(foldPullRequest([merged])).toMatchObject({
      openedAt: t(4),
      state: 'merged',
    });
  });
});

describe('foldBuild', () => {
  it('folds start and finish', () => {
    expect(
      eachOrder(
        [
          ev('build.finished', 2, {
            buildId: 'b1',
            commitSha: 'm1',
            status: 'failure',
          }),
          ev(
            'build.started',
            1,
            { buildId: 'b1', commitSha: 'm1', pipeline: 'ci' },
            { repository: 'acme/payments' },
          ),
        ],
        foldBuild,
      ),
    ).toEqual({
      buildId: 'b1',
      repository: 'acme/payments',
      pipeline: 'ci',
      commitSha: 'm1',
      startedAt: t(1),
      finishedAt: t(2),
      status: 'failure',
    });
  });

  it('is running without a finish, and a finish without status succeeded', () => {
    expect(
      foldBuild([ev('build.started', 1, { buildId: 'b1', commitSha: 'm1' })]),
    ).toMatchObject({
      finishedAt: null,
      status: null,
    });
    expect(
      foldBuild([ev('build.finished', 1, { buildId: 'b1', commitSha: 'm1' })]),
    ).toMatchObject({
      startedAt: null,
      status: 'success',
    });
  });
});

describe('foldDeployment', () => {
  const base = { deploymentId: 'd1', environment: 'prod', service: 'payments' };
  it('keeps the outcome apart from a later rollback', () => {
    expect(
      eachOrder(
        [
          ev(
            'deployment.started',
            1,
            { ...base, commitSha: 'm1' },
            { repository: 'acme/payments' },
          ),
          ev('deployment.finished', 2, { ...base, status: 'success' }),
          ev('deployment.finished', 9, { ...base, status: 'rolled_back' }),
        ],
        evs => foldDeployment(evs, ENVS),
      ),
    ).toEqual({
      deploymentId: 'd1',
      environment: 'prod',
      envClass: 'production',
      service: 'payments',
      repository: 'acme/payments',
      entityRef: null,
      commitSha: 'm1',
      explicitCommits: false,
      startedAt: t(1),
      finishedAt: t(2),
      status: 'success',
      rolledBackAt: t(9),
      commits: [],
    });
  });

  it('collects explicit commits and the entityRef', () => {
    expect(
      foldDeployment(
        [
          ev(
            'deployment.finished',
            2,
            {
              ...base,
              environment: 'qa',
              commits: ['b', 'a'],
              status: 'failure',
            },
            { entityRef: 'component:default/payments' },
          ),
        ],
        ENVS,
      ),
    ).toMatchObject({
      envClass: 'other',
      explicitCommits: true,
      commits: ['a', 'b'],
      status: 'failure',
      entityRef: 'component:default/payments',
      startedAt: null,
    });
  });
});

describe('foldIncident', () => {
  it('takes the latest attributes and open/resolve times', () => {
    expect(
      eachOrder(
        [
          ev('incident.opened', 1, {
            incidentId: 'i1',
            service: 'PPAY',
            severity: 'high',
            title: 'Refunds fail',
          }),
          ev('incident.resolved', 3, {
            incidentId: 'i1',
            severity: 'critical',
            deploymentId: 'd1',
          }),
        ],
        foldIncident,
      ),
    ).toEqual({
      incidentId: 'i1',
      service: 'PPAY',
      entityRef: null,
      severity: 'critical',
      title: 'Refunds fail',
      deploymentId: 'd1',
      commitSha: null,
      openedAt: t(1),
      resolvedAt: t(3),
    });
  });
});

describe('foldItemAttributes', () => {
  it('applies updates in occurredAt order', () => {
    expect(
      eachOrder(
        [
          ev('work_item.created', 1, {
            key: 'PAY-1',
            title: 'Retry',
            itemType: 'feature',
            labels: ['a'],
          }),
          ev('work_item.updated', 3, {
            key: 'PAY-1',
            itemType: 'defect',
            priority: 'high',
            value: 40,
          }),
          ev('work_item.updated', 2, {
            key: 'PAY-1',
            title: 'Retry refunds',
            itemType: 'debt',
            labels: [],
          }),
          ev('work_item.status_changed', 4, {
            key: 'PAY-1',
            to: 'Done',
            title: 'ignored',
          }),
        ],
        evs => foldItemAttributes('PAY-1', evs),
      ),
    ).toEqual({
      key: 'PAY-1',
      createdAt: t(1),
      title: 'Retry refunds',
      itemType: 'defect',
      priority: 'high',
      value: 40,
      labels: [],
    });
  });

  it('starts at the first event when the created event is missing', () => {
    expect(
      foldItemAttributes('PAY-2', [
        ev('work_item.status_changed', 5, { key: 'PAY-2', to: 'In Progress' }),
        ev('work_item.blocked', 6, { key: 'PAY-2' }),
      ]),
    ).toEqual({
      key: 'PAY-2',
      createdAt: t(5),
      title: 'PAY-2',
      itemType: 'feature',
      priority: null,
      value: null,
      labels: [],
    });
  });
});
