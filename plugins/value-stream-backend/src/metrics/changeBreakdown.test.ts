import {
  BreakdownChange,
  changeBreakdown,
  leadTimeBreakdown,
  leadTimeBreakdownSeries,
} from './changeBreakdown';
import { d, h } from './__testUtils__/journeys';

const H = 3600;
const approx = (n: number) => expect.closeTo(n, 6);
const pr = (
  openedAt: number,
  mergedAt: number,
  firstReviewedAt: number | null = null,
) => ({ openedAt, mergedAt, firstReviewedAt });

// Reviewed at h(12) (then h(14) and h(30), after the merge: the PR keeps the earliest).
const reviewed: BreakdownChange = {
  id: 'acme/pay#1',
  firstCommitAt: h(0),
  deployedAt: h(26),
  pullRequest: pr(h(10), h(20), h(12)),
};
// Its only review came after the merge.
const reviewedAfterMerge: BreakdownChange = {
  id: 'acme/pay#2',
  firstCommitAt: h(0),
  deployedAt: h(50),
  pullRequest: pr(h(4), h(8), h(40)),
};
const unreviewed: BreakdownChange = {
  id: 'acme/pay#3',
  firstCommitAt: h(0),
  deployedAt: h(5),
  pullRequest: pr(h(1), h(3)),
};
const directPush: BreakdownChange = {
  id: 'abc1234',
  firstCommitAt: h(2),
  deployedAt: h(9),
  pullRequest: null,
};
// The next week: coding 1 h, pickup 2 h, review 1 h, deploy 20 h.
const nextWeek: BreakdownChange = {
  id: 'acme/pay#4',
  firstCommitAt: d(7),
  deployedAt: d(8),
  pullRequest: pr(d(7) + H * 1000, d(7) + 4 * H * 1000, d(7) + 3 * H * 1000),
};

describe('changeBreakdown', () => {
  it('splits a reviewed PR at open, first review, merge and deployment', () => {
    expect(changeBreakdown(reviewed)).toEqual({
      coding: 10 * H,
      pickup: 2 * H,
      review: 8 * H,
      deploy: 6 * H,
    });
  });

  it('has no pickup or review without a review before the merge; coding and deploy still count', () => {
    expect(changeBreakdown(unreviewed)).toEqual({
      coding: 1 * H,
      pickup: null,
      review: null,
      deploy: 2 * H,
    });
    expect(changeBreakdown(reviewedAfterMerge)).toEqual({
      coding: 4 * H,
      pickup: null,
      review: null,
      deploy: 42 * H,
    });
  });

  it('counts a review at the moment of the merge', () => {
    expect(
      changeBreakdown({ ...unreviewed, pullRequest: pr(h(1), h(3), h(3)) }),
    ).toEqual({ coding: 1 * H, pickup: 2 * H, review: 0, deploy: 2 * H });
  });

  it('counts only deploy, from the commit, for a direct push', () => {
    expect(changeBreakdown(directPush)).toEqual({
      coding: null,
      pickup: null,
      review: null,
      deploy: 7 * H,
    });
  });

  it('makes a PR opened before its first commit 0 coding, never negative', () => {
    expect(
      changeBreakdown({
        ...unreviewed,
        firstCommitAt: h(2),
        pullRequest: pr(h(1), h(3)),
      }).coding,
    ).toBe(0);
  });
});

describe('leadTimeBreakdown', () => {
  const changes = [
    reviewed,
    reviewedAfterMerge,
    unreviewed,
    directPush,
    nextWeek,
  ];

  it('gives each part count, p50, p85 and mean over the changes deployed in the window', () => {
    // coding 10 h, 4 h, 1 h: sorted 3600, 14400, 36000; p85 at rank 1.7 = 14400 + 0.7 × 21600.
    // deploy 6 h, 42 h, 2 h, 7 h: sorted 7200, 21600, 25200, 151200; p50 = (21600 + 25200) / 2;
    // p85 at rank 2.55 = 25200 + 0.55 × 126000; mean = 205200 / 4. nextWeek is outside.
    expect(leadTimeBreakdown(changes, { from: d(0), to: d(7) })).toEqual({
      coding: { count: 3, p50: 14400, p85: approx(29520), mean: 18000 },
      pickup: { count: 1, p50: 7200, p85: 7200, mean: 7200 },
      review: { count: 1, p50: 28800, p85: 28800, mean: 28800 },
      deploy: { count: 4, p50: 23400, p85: approx(94500), mean: 51300 },
    });
  });

  it('is count 0 with null statistics when nothing was deployed', () => {
    const none = { count: 0, p50: null, p85: null, mean: null };
    expect(leadTimeBreakdown(changes, { from: d(20), to: d(27) })).toEqual({
      coding: none,
      pickup: none,
      review: none,
      deploy: none,
    });
  });
});

describe('leadTimeBreakdownSeries', () => {
  it('gives each week the changes deployed in it and each part’s mean, null where none has it', () => {
    expect(
      leadTimeBreakdownSeries(
        [nextWeek, directPush, unreviewed, reviewedAfterMerge, reviewed],
        { from: d(0), to: d(21) },
        'week',
      ),
    ).toEqual([
      {
        t: '2024-01-01T00:00:00.000Z',
        count: 4,
        coding: 18000,
        pickup: 7200,
        review: 28800,
        deploy: 51300,
      },
      {
        t: '2024-01-08T00:00:00.000Z',
        count: 1,
        coding: 3600,
        pickup: 7200,
        review: 3600,
        deploy: 72000,
      },
      {
        t: '2024-01-15T00:00:00.000Z',
        count: 0,
        coding: null,
        pickup: null,
        review: null,
        deploy: null,
      },
    ]);
  });
});
