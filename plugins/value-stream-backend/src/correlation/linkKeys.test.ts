import type { Commit, PullRequest } from '../model';
import {
  commitLinks,
  namedPullRequest,
  projectKeysOf,
  pullRequestLinks,
  squashCandidates,
} from './linkKeys';
import { EntityIndex } from '../entities/EntityIndex';

const REPO = 'acme/payments';
const PAY = () => new Set(['PAY']);
const commit = (
  sha: string,
  message: string,
  extra: Partial<Commit> = {},
): Commit => ({
  sha,
  repository: REPO,
  message,
  branch: null,
  onDefault: false,
  authoredAt: 0,
  pushedAt: 0,
  ...extra,
});
const pr = (number: number, extra: Partial<PullRequest> = {}) =>
  ({
    id: `${REPO}#${number}`,
    repository: REPO,
    number,
    title: '',
    body: null,
    branch: null,
    state: 'open',
    openedAt: 0,
    mergedAt: null,
    closedAt: null,
    mergeCommitSha: null,
    updatedAt: 0,
    commits: [],
    ...extra,
  } satisfies PullRequest);

describe('namedPullRequest', () => {
  it('names the PR of a merge or squash commit of a known repository', () => {
    expect(
      namedPullRequest(commit('a', 'Merge pull request #4 from acme/x')),
    ).toEqual({ id: 'acme/payments#4', merge: true });
    expect(namedPullRequest(commit('a', 'Retry refunds (#5)'))).toEqual({
      id: 'acme/payments#5',
      merge: false,
    });
    expect(
      namedPullRequest(commit('a', 'Retry (#5)', { repository: null })),
    ).toBeNull();
    expect(namedPullRequest(commit('a', 'PAY-1 retry'))).toBeNull();
  });
});

describe('commitLinks', () => {
  const known = (...ids: string[]) => ({
    projectKeys: PAY,
    knownPrIds: new Set(ids),
  });

  it('links the keys of the message and the branch', () => {
    expect(
      commitLinks(
        [commit('a', 'PAY-1: retry, not SHA-256', { branch: 'feature/pay-2' })],
        known(),
      ),
    ).toEqual({
      links: [
        { itemKey: 'PAY-1', kind: 'commit', ref: 'a' },
        { itemKey: 'PAY-2', kind: 'commit', ref: 'a' },
      ],
      prCommits: [],
    });
  });

  it('takes a merge commit, or a squash commit on the default branch, as its PR', () => {
    const { links, prCommits } = commitLinks(
      [
        commit('m', 'Merge pull request #4 from acme/pay-1'),
        commit('s', 'Retry PAY-1 (#5)', { onDefault: true }),
      ],
      known(),
    );
    expect(links).toEqual([{ itemKey: 'PAY-1', kind: 'commit', ref: 's' }]);
    expect(prCommits).toEqual([
      { prId: 'acme/payments#4', sha: 'm' },
      { prId: 'acme/payments#5', sha: 's' },
    ]);
  });

  it('takes `(#N)` off the default branch as issue #N unless PR #N is known', () => {
    const c = commit('s', 'Step 1 (#5)');
    expect(commitLinks([c], known()).links).toEqual([
      { itemKey: 'acme/payments#5', kind: 'commit', ref: 's' },
    ]);
    expect(commitLinks([c], known('acme/payments#5'))).toEqual({
      links: [],
      prCommits: [{ prId: 'acme/payments#5', sha: 's' }],
    });
  });
});

describe('pullRequestLinks', () => {
  it('links the keys of title, body and branch, never the PR itself', () => {
    expect(
      pullRequestLinks(
        [
          pr(7, {
            title: 'PAY-1 retries (#7)',
            body: 'Also fixes #3 and PAY-2',
            branch: 'pay-3-retry',
          }),
        ],
        PAY,
      ),
    ).toEqual([
      { itemKey: 'PAY-1', kind: 'pr', ref: 'acme/payments#7' },
      { itemKey: 'PAY-2', kind: 'pr', ref: 'acme/payments#7' },
      { itemKey: 'acme/payments#3', kind: 'pr', ref: 'acme/payments#7' },
      { itemKey: 'PAY-3', kind: 'pr', ref: 'acme/payments#7' },
    ]);
  });
});

describe('squashCandidates', () => {
  it('finds commits off the default branch naming one of the PRs', () => {
    const off = commit('a', 'Step (#5)');
    const onDefault = commit('b', 'Step (#5)', { onDefault: true });
    const other = commit('c', 'Step (#6)');
    const merge = commit('d', 'Merge pull request #5 from x');
    expect(
      squashCandidates(
        [off, onDefault, other, merge],
        new Set(['acme/payments#5']),
      ),
    ).toEqual([off]);
  });
});

describe('projectKeysOf', () => {
  it('adds the configured keys to the project keys of the repository, index by index', () => {
    let index = new EntityIndex([
      {
        kind: 'Component',
        metadata: {
          name: 'payments',
          annotations: {
            'github.com/project-slug': REPO,
            'jira/project-key': 'PAY',
          },
        },
      },
    ]);
    const keysOf = projectKeysOf(() => index, ['OPS']);
    expect([...keysOf(REPO)].sort()).toEqual(['OPS', 'PAY']);
    expect([...keysOf('acme/other')]).toEqual(['OPS']);
    index = new EntityIndex([]);
    expect([...keysOf(REPO)]).toEqual(['OPS']);
  });
});
