import { attributeIncident } from './attribution';
import { h } from './__testUtils__/journeys';
import { deployment, incident } from './__testUtils__/records';

const DAY_MS = 24 * 3_600_000;

describe('attributeIncident', () => {
  const deployments = [
    deployment('d1', h(1), { commitSha: 'aaa', commits: ['a0', 'aaa'] }),
    deployment('d2', h(5), { commitSha: 'bbb', commits: ['b0', 'bbb', 'aaa'] }),
    deployment('d3', h(8), { status: 'failure', commitSha: 'ccc' }),
    deployment('s1', h(9), {
      envClass: 'staging',
      environment: 'staging',
      commitSha: 'ddd',
    }),
  ];

  it('rule 1: takes the deployment named by deploymentId', () => {
    const i = incident('i', {
      deploymentId: 'd1',
      commitSha: 'bbb',
      openedAt: h(6),
    });
    expect(attributeIncident(i, deployments, DAY_MS)?.deploymentId).toBe('d1');
  });

  it('rule 1 falls through when deploymentId names a failed or unknown deployment', () => {
    const failed = incident('i', { deploymentId: 'd3', commitSha: 'b0' });
    expect(attributeIncident(failed, deployments, DAY_MS)?.deploymentId).toBe(
      'd2',
    );
    const unknown = incident('i', { deploymentId: 'nope', openedAt: h(6) });
    expect(attributeIncident(unknown, deployments, DAY_MS)?.deploymentId).toBe(
      'd2',
    );
  });

  it('a correction decides alone: its deployment, or none', () => {
    const named = incident('i', {
      deploymentId: 'd1',
      openedAt: h(6),
      attribution: { deploymentId: 'd2' },
    });
    expect(attributeIncident(named, deployments, DAY_MS)?.deploymentId).toBe(
      'd2',
    );
    const none = incident('i', {
      deploymentId: 'd1',
      attribution: { deploymentId: null },
    });
    expect(attributeIncident(none, deployments, DAY_MS)).toBeNull();
    // A failed deployment never reached production: attributed to none.
    const failed = incident('i', {
      openedAt: h(6),
      attribution: { deploymentId: 'd3' },
    });
    expect(attributeIncident(failed, deployments, DAY_MS)).toBeNull();
  });

  it('rule 2: takes the earliest deployment that deployed the commit', () => {
    const i = incident('i', { commitSha: 'aaa', openedAt: h(7) });
    expect(attributeIncident(i, deployments, DAY_MS)?.deploymentId).toBe('d1');
    const included = incident('i', { commitSha: 'b0' });
    expect(attributeIncident(included, deployments, DAY_MS)?.deploymentId).toBe(
      'd2',
    );
  });

  it('rule 2 falls through when the commit is deployed only to staging or by a failure', () => {
    const staging = incident('i', { commitSha: 'ddd', openedAt: h(10) });
    expect(attributeIncident(staging, deployments, DAY_MS)?.deploymentId).toBe(
      'd2',
    );
    const failed = incident('i', { commitSha: 'ccc', openedAt: h(4) });
    expect(attributeIncident(failed, deployments, DAY_MS)?.deploymentId).toBe(
      'd1',
    );
  });

  it('rule 3: takes the latest deployment finished before opening, within the window', () => {
    expect(
      attributeIncident(incident('i', { openedAt: h(4) }), deployments, DAY_MS)
        ?.deploymentId,
    ).toBe('d1');
    // exactly the window length after d2: still attributed
    expect(
      attributeIncident(
        incident('i', { openedAt: h(5) + DAY_MS }),
        deployments,
        DAY_MS,
      )?.deploymentId,
    ).toBe('d2');
  });

  it('rule 3 does not take a deployment finished at or after opening, nor one too old', () => {
    expect(
      attributeIncident(incident('i', { openedAt: h(1) }), deployments, DAY_MS),
    ).toBeNull();
    expect(
      attributeIncident(
        incident('i', { openedAt: h(5) + DAY_MS + 1 }),
        deployments,
        DAY_MS,
      ),
    ).toBeNull();
    // a 2 h window: opened 3 h after d2 -> none (does not skip back to d1)
    expect(
      attributeIncident(
        incident('i', { openedAt: h(8) }),
        deployments,
        2 * 3_600_000,
      ),
    ).toBeNull();
  });

  it('attributes nothing without any hint', () => {
    expect(attributeIncident(incident('i'), deployments, DAY_MS)).toBeNull();
  });
});
