import { validateCanonicalEvent } from './events';

const push = (sha: unknown) => ({
  id: 'e1',
  source: 'github',
  type: 'commit.pushed',
  occurredAt: '2026-01-02T00:00:00Z',
  repository: 'acme/payments',
  data: { sha, message: 'PAY-1 change' },
});

describe('commit shas', () => {
  it.each([
    'abc', // too short
    'c1',
    'g123456', // not hex
    'deadbeef ', // trailing space
    `${'a'.repeat(40)}\n`,
    'a'.repeat(65), // longer than SHA-256
    '',
  ])('rejects %p with a message naming the field', sha => {
    const r = validateCanonicalEvent(push(sha));
    expect(r).toEqual({
      ok: false,
      message:
        'commit.pushed: data.sha: expected a commit sha (7 to 64 hex characters)',
    });
  });

  it('accepts abbreviated, SHA-1 and SHA-256 ids and stores them lowercase', () => {
    for (const [sha, stored] of [
      ['abc1234', 'abc1234'],
      [
        'ABCDEF0123456789ABCDEF0123456789ABCDEF01',
        'abcdef0123456789abcdef0123456789abcdef01',
      ],
      ['f'.repeat(64), 'f'.repeat(64)],
    ]) {
      const r = validateCanonicalEvent(push(sha));
      expect(r.ok && r.event.data.sha).toBe(stored);
    }
  });

  it('checks every sha field: PR commits, merge, build, deployment and incident', () => {
    const bad = 'not-a-sha';
    const cases: [string, Record<string, unknown>, string][] = [
      [
        'pull_request.merged',
        { number: 1, title: 't', commits: ['abc1234', bad] },
        'data.commits.1',
      ],
      [
        'pull_request.merged',
        { number: 1, title: 't', mergeCommitSha: bad },
        'data.mergeCommitSha',
      ],
      ['build.finished', { buildId: 'b1', commitSha: bad }, 'data.commitSha'],
      [
        'deployment.finished',
        { deploymentId: 'd1', environment: 'production', commits: [bad] },
        'data.commits.0',
      ],
      [
        'incident.opened',
        { incidentId: 'i1', commitSha: bad },
        'data.commitSha',
      ],
    ];
    for (const [type, data, field] of cases) {
      const r = validateCanonicalEvent({ ...push('abc1234'), type, data });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.message).toContain(`${field}: expected a commit sha`);
    }
  });
});
