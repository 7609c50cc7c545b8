import type { ChangeRecord } from '../journeys/types';
import { deployedChanges, doraMetrics } from './dora';
import { deployment, incident } from './__testUtils__/records';
import { DEFAULT_REWORK } from './rework';
import { d, h } from './__testUtils__/journeys';

const H = 3600;
const DAY_MS = 86_400_000;
const window = { from: d(0), to: d(7) };

function change(
  id: string,
  firstCommitAt: number,
  commits: string[],
): ChangeRecord {
  return { id, firstCommitAt, commits };
}

describe('doraMetrics', () => {
  it('returns zeroes and nulls for an empty window', () => {
    expect(
      doraMetrics({
        deployments: [],
        incidents: [],
        changes: [],
        window,
        attributionWindowMs: DAY_MS,
        reworkEvidence: [],
        rework: DEFAULT_REWORK,
      }),
    ).toEqual({
      deploymentFrequency: { count: 0, perWeek: 0, tier: 'low' },
      leadTimeForChanges: null,
      changeFailureRate: { failed: 0, total: 0, rate: null, tier: null },
      recoveryTime: null,
      reworkRate: { rework: 0, total: 0, rate: null },
      leadTimeBreakdown: {
        coding: { count: 0, p50: null, p85: null, mean: null },
        pickup: { count: 0, p50: null, p85: null, mean: null },
        review: { count: 0, p50: null, p85: null, mean: null },
        deploy: { count: 0, p50: null, p85: null, mean: null },
      },
    });
  });

  it('computes the four metrics over a window, with late incidents and rollbacks', () => {
    const deployments = [
      deployment('before', d(0) - 1, { commits: ['c0'] }), // before window
      deployment('d1', d(0), { commits: ['c1', 'c2'] }), // at from: in
      deployment('d2', d(2), { commits: ['c3'], rolledBack: true }),
      deployment('d3', d(3), { commits: ['c4'] }),
      deployment('fail', d(4), { status: 'failure', commits: ['c5'] }),
      deployment('d4', d(5), { commits: ['c5'] }),
      deployment('stg', d(5), {
        envClass: 'staging',
        environment: 'staging',
        commits: ['c6'],
      }),
      deployment('after', d(7), { commits: ['c6'] }), // at to: out
    ];
    const incidents = [
      // attributed to d3 by commit; opened and resolved after the window
      incident('i1', {
        commitSha: 'c4',
        openedAt: d(8),
        resolvedAt: d(8) + 2 * H * 1000,
      }),
      // attributed to d1 (latest before opening), resolved in window (30 min)
      incident('i2', {
        openedAt: d(0) + 1000,
        resolvedAt: d(0) + 1000 + 1800 * 1000,
      }),
      // resolved in window (1 h), attributed to d1 by id
      incident('i3', { deploymentId: 'd1', openedAt: h(1), resolvedAt: h(2) }),
    ];
    const changes = [
      change('pr-1', d(0) - 2 * H * 1000, ['c1', 'x']), // 2 h
      change('pr-2', d(1), ['c3']), // 1 day
      change('pr-3', d(1), ['c5']), // deployed by d4 (fail skipped): 4 days
      change('pr-4', d(0) - DAY_MS, ['c0', 'c2']), // first deployed before window: out
      change('pr-5', d(6), ['c6']), // only deployed after the window: out
      change('pr-6', d(6), ['never']), // never deployed
    ];
    const dora = doraMetrics({
      deployments,
      incidents,
      changes: deployedChanges(changes, deployments),
      window,
      attributionWindowMs: DAY_MS,
      reworkEvidence: [
        // only the window's successful production deployments count
        { deploymentId: 'before', itemTypes: ['defect'], branches: [] },
        { deploymentId: 'fail', itemTypes: ['defect'], branches: [] },
        { deploymentId: 'after', itemTypes: ['defect'], branches: [] },
        { deploymentId: 'd2', itemTypes: ['feature', 'defect'], branches: [] },
        { deploymentId: 'd3', itemTypes: [], branches: ['hotfix/x'] },
        { deploymentId: 'd4', itemTypes: ['feature'], branches: ['feat/y'] },
      ],
      rework: DEFAULT_REWORK,
    });

    expect(dora.deploymentFrequency).toEqual({
      count: 4,
      perWeek: 4,
      tier: 'high',
    });
    // d1 (incident i3), d2 (rolled back), d3 (incident i1 after the window)
    // in the window: d1 (no evidence), d2 (defect), d3 (hotfix/), d4 (feature)
    expect(dora.reworkRate).toEqual({ rework: 2, total: 4, rate: 0.5 });
    expect(dora.changeFailureRate).toEqual({
      failed: 3,
      total: 4,
      rate: 0.75,
      tier: 'low',
    });
    expect(dora.leadTimeForChanges).toEqual({
      count: 3,
      p50: 24 * H,
      p85: expect.closeTo(24 * H + 0.7 * 72 * H, 6), // 1 + 0.7 × (4 − 1) days
      p95: expect.closeTo(24 * H + 0.9 * 72 * H, 6),
      mean: (2 * H + 24 * H + 96 * H) / 3,
      tier: 'high',
    });
    expect(dora.recoveryTime).toEqual({
      count: 2,
      p50: 2700,
      mean: 2700,
      tier: 'elite',
    });
  });

  it('counts a deployment whose own status is rolled_back as deployed and failed', () => {
    const dora = doraMetrics({
      deployments: [
        deployment('d1', d(1), { status: 'rolled_back' }),
        deployment('d2', d(2)),
      ],
      incidents: [],
      changes: [],
      window,
      attributionWindowMs: DAY_MS,
      reworkEvidence: [],
      rework: DEFAULT_REWORK,
    });
    expect(dora.changeFailureRate).toEqual({
      failed: 1,
      total: 2,
      rate: 0.5,
      tier: 'low',
    });
  });
});

describe('deployedChanges', () => {
  it('uses the deployment commitSha as an included commit', () => {
    expect(
      deployedChanges(
        [change('c', h(0), ['abc'])],
        [deployment('d', h(3), { commitSha: 'abc', commits: [] })],
      ),
    ).toEqual([{ id: 'c', firstCommitAt: h(0), deployedAt: h(3) }]);
  });
});
