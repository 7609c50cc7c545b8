import type { Deployment, RepositoryHistory } from '../model/artifacts';
import { deriveInclusion } from './deploymentInclusion';

const H = 3_600_000;
const T0 = Date.parse('2026-01-01T00:00:00Z');
const t = (hours: number) => T0 + hours * H;

function deployment(
  id: string,
  environment: string,
  hours: number,
  commitSha: string | null,
  status: string | null = 'success',
): Deployment {
  return {
    deploymentId: id,
    environment,
    envClass: environment === 'production' ? 'production' : 'staging',
    service: 'payments',
    repository: 'acme/payments',
    entityRef: null,
    commitSha: commitSha,
    explicitCommits: false,
    startedAt: t(hours),
    finishedAt: t(hours + 0.5),
    status,
    rolledBackAt: null,
    commits: [],
  };
}

// PR #1 (a1, a2 → m1) merged at 1h, PR #2 (b1 → m2) at 3h, direct push d1 at 4h,
// PR #3 (c1 → m3) at 6h.
const history: RepositoryHistory = {
  prs: [
    {
      id: 'acme/payments#1',
      mergedAt: t(1),
      mergeSha: 'm1',
      commits: ['a1', 'a2'],
    },
    { id: 'acme/payments#2', mergedAt: t(3), mergeSha: 'm2', commits: ['b1'] },
    { id: 'acme/payments#3', mergedAt: t(6), mergeSha: 'm3', commits: ['c1'] },
  ],
  commits: [
    // PR commits pushed to the default branch by the merge are not changes of their own
    { sha: 'm1', pushedAt: t(1) },
    { sha: 'm2', pushedAt: t(3) },
    { sha: 'd1', pushedAt: t(4) },
    { sha: 'm3', pushedAt: t(6) },
  ],
};
const asObject = (m: Map<string, string[]>) => Object.fromEntries(m);

describe('deriveInclusion', () => {
  it('includes what was merged up to the deployed commit', () => {
    expect(
      asObject(
        deriveInclusion([deployment('D1', 'production', 2, 'm1')], history),
      ),
    ).toEqual({ D1: ['a1', 'a2', 'm1'] });
    // Deployed at 7h but its commit was merged at 3h: PR #3 and d1 are not in it.
    expect(
      asObject(
        deriveInclusion([deployment('D1', 'production', 7, 'm2')], history),
      ),
    ).toEqual({ D1: ['a1', 'a2', 'b1', 'm1', 'm2'] });
  });

  it('leaves out changes an earlier deployment to the same environment consumed', () => {
    const result = deriveInclusion(
      [
        deployment('D3', 'production', 7, 'm3'),
        deployment('D1', 'production', 2, 'm1'),
        deployment('D2', 'production', 5, 'd1'),
      ],
      history,
    );
    expect(asObject(result)).toEqual({
      D1: ['a1', 'a2', 'm1'],
      D2: ['b1', 'd1', 'm2'],
      D3: ['c1', 'm3'],
    });
  });

  it('does not let a failed deployment consume changes', () => {
    const result = deriveInclusion(
      [
        deployment('F1', 'production', 2, 'm1', 'failure'),
        deployment('D1', 'production', 4.5, 'm2'),
      ],
      history,
    );
    expect(asObject(result)).toEqual({
      F1: ['a1', 'a2', 'm1'],
      D1: ['a1', 'a2', 'b1', 'm1', 'm2'],
    });
  });

  it('lets a deployment still running (no status yet) consume changes', () => {
    const result = deriveInclusion(
      [
        deployment('R1', 'production', 2, 'm1', null),
        deployment('D1', 'production', 4.5, 'm2'),
      ],
      history,
    );
    expect(result.get('D1')).toEqual(['b1', 'm2']);
  });

  it('treats environments independently', () => {
    const result = deriveInclusion(
      [
        deployment('S1', 'staging', 2, 'm1'),
        deployment('S2', 'staging', 5, 'd1'),
        deployment('P1', 'production', 5, 'd1'),
      ],
      history,
    );
    expect(asObject(result)).toEqual({
      S1: ['a1', 'a2', 'm1'],
      S2: ['b1', 'd1', 'm2'],
      P1: ['a1', 'a2', 'b1', 'd1', 'm1', 'm2'],
    });
  });

  it('redeploying an older commit includes only that commit', () => {
    const result = deriveInclusion(
      [
        deployment('D1', 'production', 5, 'm2'),
        deployment('D2', 'production', 6, 'm1'),
      ],
      history,
    );
    expect(result.get('D2')).toEqual(['m1']);
  });

  it('falls back to the deployment time for an unknown commit', () => {
    const result = deriveInclusion(
      [deployment('D1', 'production', 3.5, 'zzz')],
      history,
    );
    expect(result.get('D1')).toEqual(['a1', 'a2', 'b1', 'm1', 'm2', 'zzz']);
  });

  it('gives the same result whatever the input order', () => {
    const list = [
      deployment('D1', 'production', 2, 'm1'),
      deployment('D2', 'production', 5, 'd1'),
      deployment('S1', 'staging', 5, 'd1'),
      deployment('D3', 'production', 7, 'm3'),
    ];
    const expected = asObject(deriveInclusion(list, history));
    expect(asObject(deriveInclusion([...list].reverse(), history))).toEqual(
      expected,
    );
    expect(
      asObject(
        deriveInclusion(list, {
          prs: [...history.prs].reverse(),
          commits: [...history.commits].reverse(),
        }),
      ),
    ).toEqual(expected);
  });
});
