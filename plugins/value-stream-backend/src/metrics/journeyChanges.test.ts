import type { Commit, Deployment, PullRequest } from '../model/artifacts';
import { journeyChangeBreakdowns } from './journeyChanges';
import { h } from './__testUtils__/journeys';

const H = 3600;
const commit = (sha: string, at: number, onDefault = false): Commit => ({
  sha,
  repository: 'acme/pay',
  message: sha,
  branch: onDefault ? 'main' : 'feature',
  onDefault,
  authoredAt: at,
  pushedAt: at,
});
const pr = (n: number, extra: Partial<PullRequest>): PullRequest => ({
  id: `acme/pay#${n}`,
  repository: 'acme/pay',
  number: n,
  title: `PAY-1 #${n}`,
  body: null,
  branch: `feature/${n}`,
  state: 'merged',
  openedAt: h(1),
  mergedAt: h(4),
  closedAt: null,
  mergeCommitSha: null,
  updatedAt: h(4),
  commits: [],
  ...extra,
});
const deployment = (
  id: string,
  finishedAt: number,
  commits: string[],
  extra: Partial<Deployment> = {},
): Deployment => ({
  deploymentId: id,
  environment: 'production',
  envClass: 'production',
  service: null,
  repository: 'acme/pay',
  entityRef: null,
  commitSha: null,
  explicitCommits: true,
  startedAt: finishedAt,
  finishedAt,
  status: 'success',
  rolledBackAt: null,
  commits,
  ...extra,
});

describe('journeyChangeBreakdowns', () => {
  const result = journeyChangeBreakdowns({
    pullRequests: [
      // deployed by d2 (d1 failed, the staging one does not count): h(10) − h(4)
      pr(1, {
        commits: ['a1', 'a2'],
        mergeCommitSha: 'm1',
        firstReviewedAt: h(2),
      }),
      // merged, not deployed yet: no deploy part
      pr(2, { commits: ['b1'] }),
      // still open: no change yet
      pr(3, { commits: ['c1'], state: 'open', mergedAt: null }),
    ],
    commits: [
      commit('a1', h(0)),
      commit('a2', h(0.5)),
      commit('m1', h(4), true),
      commit('b1', h(0)),
      commit('c1', h(0)),
      commit('d1', h(5), true), // a direct push, deployed by d2
    ],
    deployments: [
      deployment('d1', h(8), ['a1', 'm1', 'd1'], { status: 'failure' }),
      deployment('s1', h(6), ['a1', 'm1', 'd1'], {
        environment: 'staging',
        envClass: 'staging',
      }),
      deployment('d2', h(10), ['a1', 'm1', 'd1']),
    ],
  });

  it('gives each merged PR its parts, without deploy until it reaches production', () => {
    expect(Object.fromEntries(result.pullRequests)).toEqual({
      'acme/pay#1': {
        coding: 1 * H,
        pickup: 1 * H,
        review: 2 * H,
        deploy: 6 * H,
      },
      'acme/pay#2': { coding: 1 * H, pickup: null, review: null, deploy: null },
    });
  });

  it('gives a default-branch commit in no PR the deploy part only', () => {
    expect(Object.fromEntries(result.commits)).toEqual({
      d1: { coding: null, pickup: null, review: null, deploy: 5 * H },
    });
  });
});
