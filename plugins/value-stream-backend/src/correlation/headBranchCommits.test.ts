import { headBranchCommits } from './headBranchCommits';

const pr = (
  id: string,
  branch: string | null,
  end: { mergedAt?: number; closedAt?: number } = {},
  repository: string | null = 'acme/payments',
) => ({
  id,
  repository,
  branch,
  mergedAt: end.mergedAt ?? null,
  closedAt: end.closedAt ?? null,
});
const push = (
  sha: string,
  branch: string | null,
  pushedAt: number,
  repository: string | null = 'acme/payments',
) => ({ sha, repository, branch, pushedAt });

describe('headBranchCommits', () => {
  it('gives a PR the commits pushed to its branch up to its merge, in any repository case', () => {
    expect(
      headBranchCommits(
        [pr('acme/payments#7', 'feature/100-step-1', { mergedAt: 50 })],
        [
          push('aaaaaaa', 'feature/100-step-1', 10),
          push('bbbbbbb', 'feature/100-step-1', 50, 'Acme/Payments'),
          push('ccccccc', 'feature/100-step-1', 51), // after the merge
          push('ddddddd', 'feature/other', 20),
          push('eeeeeee', 'feature/100-step-1', 20, 'acme/checkout'),
        ],
      ),
    ).toEqual([
      { prId: 'acme/payments#7', sha: 'aaaaaaa' },
      { prId: 'acme/payments#7', sha: 'bbbbbbb' },
    ]);
  });

  it('splits a reused branch between its PRs by when each ended, the open one last', () => {
    const prs = [
      pr('acme/payments#3', 'fix', {}), // still open
      pr('acme/payments#1', 'fix', { mergedAt: 100 }),
      pr('acme/payments#2', 'fix', { closedAt: 200 }), // closed unmerged
    ];
    const commits = [
      push('1111111', 'fix', 90),
      push('2222222', 'fix', 150),
      push('3333333', 'fix', 250),
    ];
    const expected = [
      { prId: 'acme/payments#1', sha: '1111111' },
      { prId: 'acme/payments#2', sha: '2222222' },
      { prId: 'acme/payments#3', sha: '3333333' },
    ];
    expect(headBranchCommits(prs, commits)).toEqual(expected);
    // the same sets in another order give the same pairs
    expect(
      headBranchCommits([...prs].reverse(), [...commits].reverse()),
    ).toEqual([...expected].reverse());
  });

  it('gives pushes after every PR of the branch ended to none, and ignores unnamed branches', () => {
    expect(
      headBranchCommits(
        [pr('acme/payments#1', 'fix', { mergedAt: 100 }), pr('x', null)],
        [push('1111111', 'fix', 101), push('2222222', null, 5)],
      ),
    ).toEqual([]);
  });
});
