import { databases, startValueStream } from '../__testUtils__/testBackend';

jest.setTimeout(120_000);
const WINDOW = 'from=2026-01-01T00:00:00Z&to=2026-01-08T00:00:00Z';
const repo = { repository: 'acme/payments' };
const ev = (
  id: string,
  source: string,
  type: string,
  at: string,
  data: object,
) => ({
  id,
  source,
  type,
  occurredAt: `2026-01-${at}:00Z`,
  ...(source === 'github' || source === 'argocd' ? repo : {}),
  data,
});
const push = (
  id: string,
  at: string,
  sha: string,
  branch: string,
  message = `${sha} work`,
) =>
  ev(id, 'github', 'commit.pushed', at, {
    sha,
    message,
    branch,
    defaultBranch: 'main',
    authoredAt: `2026-01-${at}:00Z`,
  });
// #31 and the direct push carry PAY-1: its journey shows their breakdowns.
const title = (number: number) =>
  number === 31 ? 'PAY-1 Change 31' : `Change ${number}`;
const prEvent = (id: string, type: string, at: string, number: number) =>
  ev(id, 'github', `pull_request.${type}`, at, {
    number,
    title: title(number),
    branch: `feature/${number}`,
  });
const review = (id: string, at: string, number: number, state: string) =>
  ev(id, 'github', 'pull_request.reviewed', at, { number, state });
const deploy = (id: string, at: string, commits: string[]) =>
  ev(id, 'argocd', 'deployment.finished', at, {
    deploymentId: id,
    environment: 'production',
    service: 'payments',
    commitSha: commits[commits.length - 1],
    commits,
    status: 'success',
  });
const merged = (id: string, at: string, number: number, commits: string[]) =>
  ev(id, 'github', 'pull_request.merged', at, {
    number,
    title: title(number),
    branch: `feature/${number}`,
    commits,
    mergeCommitSha: `e${number}0000`,
  });

// #31: first commit 02 08:00, opened 10:00, reviews 13:00 (commented) and 15:00, merged
//      18:00, a review after the merge at 20:00, deployed 03 06:00:
//      coding 2 h, pickup 3 h, review 5 h, deploy 12 h.
// #32: first commit 04 09:00, opened 10:00, no review, merged 12:00, deployed 16:00:
//      coding 1 h, deploy 4 h.
// c330000, pushed to main 05 08:00 (no PR), deployed 10:00: deploy 2 h.
const EVENTS = [
  ev('w1', 'jira', 'work_item.created', '01T09:00', {
    key: 'PAY-1',
    title: 'Refunds',
    itemType: 'feature',
  }),
  push('p1', '02T08:00', 'c310000', 'feature/31'),
  prEvent('o31', 'opened', '02T10:00', 31),
  review('r31a', '02T13:00', 31, 'commented'),
  review('r31b', '02T15:00', 31, 'approved'),
  merged('x31', '02T18:00', 31, ['c310000']),
  push('p2', '02T18:00', 'e310000', 'main'),
  review('r31c', '02T20:00', 31, 'approved'),
  deploy('d1', '03T06:00', ['c310000', 'e310000']),
  push('p3', '04T09:00', 'c320000', 'feature/32'),
  prEvent('o32', 'opened', '04T10:00', 32),
  merged('x32', '04T12:00', 32, ['c320000']),
  push('p4', '04T12:00', 'e320000', 'main'),
  deploy('d2', '04T16:00', ['c320000', 'e320000']),
  push('p5', '05T08:00', 'c330000', 'main', 'PAY-1 fix the fee'),
  deploy('d3', '05T10:00', ['c330000']),
];
const H = 3600;

describe.each(databases.eachSupportedId())(
  'dora.leadTimeBreakdown on %p',
  databaseId => {
    const answers = async (events: object[]) => {
      const vs = await startValueStream(databaseId);
      try {
        // In two batches, the second repeating part of the first: repeats are no-ops.
        expect((await vs.post('/events', { events })).status).toBe(202);
        expect(
          (await vs.post('/events', { events: events.slice(0, 5) })).status,
        ).toBe(202);
        const metrics = await vs.get(
          `/entities/component/default/payments/metrics?${WINDOW}`,
        );
        const group = await vs.get(
          `/groups/default/team-pay/metrics?${WINDOW}`,
        );
        const series = await vs.get(
          `/entities/component/default/payments/timeseries?metric=lead_time_breakdown&${WINDOW}`,
        );
        const item = await vs.get('/work-items/PAY-1');
        expect([
          metrics.status,
          group.status,
          series.status,
          item.status,
        ]).toEqual([200, 200, 200, 200]);
        return {
          journey: {
            pullRequests: item.body.links.pullRequests.map((p: any) => [
              p.number,
              p.breakdown,
            ]),
            commits: item.body.links.commits.map((c: any) => [
              c.sha,
              c.breakdown,
            ]),
          },
          breakdown: metrics.body.dora.leadTimeBreakdown,
          group: group.body.dora.leadTimeBreakdown,
          series: series.body,
        };
      } finally {
        await vs.backend.stop();
      }
    };

    it('splits each change deployed in the window into coding, pickup, review and deploy', async () => {
      const { breakdown, group, series } = await answers(EVENTS);
      expect(breakdown).toEqual({
        // 2 h and 1 h; p85 = 3600 + 0.85 × 3600
        coding: { count: 2, p50: 1.5 * H, p85: 6660, mean: 1.5 * H },
        pickup: { count: 1, p50: 3 * H, p85: 3 * H, mean: 3 * H },
        review: { count: 1, p50: 5 * H, p85: 5 * H, mean: 5 * H },
        // 12 h, 4 h, 2 h: p85 at rank 1.7 = 14400 + 0.7 × 28800
        deploy: {
          count: 3,
          p50: 4 * H,
          p85: expect.closeTo(34560, 6),
          mean: 6 * H,
        },
      });
      expect(group).toEqual(breakdown);
      // Weeks start on Monday: 2025-12-29 holds #31 and #32, 2026-01-05 the direct push.
      expect(series).toEqual({
        metric: 'lead_time_breakdown',
        interval: 'week',
        points: [
          {
            t: '2025-12-29T00:00:00.000Z',
            count: 2,
            coding: 1.5 * H,
            pickup: 3 * H,
            review: 5 * H,
            deploy: 8 * H,
          },
          {
            t: '2026-01-05T00:00:00.000Z',
            count: 1,
            coding: null,
            pickup: null,
            review: null,
            deploy: 2 * H,
          },
        ],
      });
    });

    it("shows each of the item's changes with its parts in its journey", async () => {
      const { journey } = await answers(EVENTS);
      expect(journey).toEqual({
        pullRequests: [
          [31, { coding: 2 * H, pickup: 3 * H, review: 5 * H, deploy: 12 * H }],
        ],
        // #31's own commits are its change; the direct push is one by itself.
        commits: [
          ['c310000', undefined],
          ['e310000', undefined],
          [
            'c330000',
            { coding: null, pickup: null, review: null, deploy: 2 * H },
          ],
        ],
      });
    });

    it('gives the same answer whatever the arrival order', async () => {
      const inOrder = await answers(EVENTS);
      expect(await answers([...EVENTS].reverse())).toEqual(inOrder);
    });
  },
);
