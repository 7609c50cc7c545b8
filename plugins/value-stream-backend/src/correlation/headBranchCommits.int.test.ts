import { databases, startValueStream } from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

// The webhook path: a PR event lists no commits, the pushes to its branch carry no key.
const at = (d: string) => `2026-02-${d}Z`;
const repo = { repository: 'acme/payments' };
const push = (
  id: string,
  day: string,
  sha: string,
  message: string,
  branch: string,
) => ({
  id,
  source: 'github',
  type: 'commit.pushed',
  occurredAt: at(day),
  ...repo,
  data: { sha, message, branch, defaultBranch: 'main' },
});
const pr = (id: string, type: string, day: string, extra: object = {}) => ({
  id,
  source: 'github',
  type,
  occurredAt: at(day),
  ...repo,
  data: {
    number: 101,
    title: 'Step 1',
    body: 'Closes #100',
    branch: 'feature/100-step-1',
    ...extra,
  },
});
const KEY = 'acme/payments#100';
const events = [
  {
    id: 'issue-100',
    source: 'github',
    type: 'work_item.created',
    occurredAt: at('01T00:00:00'),
    ...repo,
    data: { key: KEY, title: 'Refunds', itemType: 'feature' },
  },
  push('p1', '02T10:00:00', 'aaaa1111', 'Start the work', 'feature/100-step-1'),
  push('p2', '02T12:00:00', 'bbbb2222', 'More of it', 'feature/100-step-1'),
  push('p3', '02T13:00:00', 'dddd4444', 'Elsewhere', 'feature/other'),
  pr('o', 'pull_request.opened', '03T00:00:00'),
  pr('m', 'pull_request.merged', '04T00:00:00', { mergeCommitSha: 'cccc3333' }),
  push('p4', '04T00:00:00', 'cccc3333', 'Step 1 (#101)', 'main'),
  // pushed to the branch after the merge: not the PR's
  push('p5', '04T06:00:00', 'eeee5555', 'Afterthought', 'feature/100-step-1'),
  {
    id: 'deploy',
    source: 'argocd',
    type: 'deployment.finished',
    occurredAt: at('05T00:00:00'),
    ...repo,
    data: {
      deploymentId: 'prod-1',
      environment: 'production',
      commitSha: 'cccc3333',
      status: 'success',
    },
  },
];

describe.each(databases.eachSupportedId())(
  "a PR's head-branch commits on %p",
  databaseId => {
    it('links the commits pushed to the branch before the merge, in any arrival order', async () => {
      const orders = [
        events,
        [...events].reverse(),
        [events[4], ...events.filter((_, i) => i !== 4)],
      ];
      const results = [];
      for (const order of orders) {
        const vs = await startValueStream(databaseId);
        try {
          expect((await vs.post('/events', order)).status).toBe(202);
          const r = await vs.get(`/work-items/${encodeURIComponent(KEY)}`);
          expect(r.status).toBe(200);
          results.push(r.body);
        } finally {
          await vs.backend.stop();
        }
      }
      for (const body of results) {
        expect(
          body.links.commits.map((c: { sha: string }) => c.sha).sort(),
        ).toEqual(['aaaa1111', 'bbbb2222', 'cccc3333']);
        // In Progress from the first push to the branch, not skipped
        expect(body.transitions[1]).toMatchObject({
          stage: 'In Progress',
          enteredAt: '2026-02-02T10:00:00.000Z',
        });
        // lead time for changes from that first commit to the production deployment
        expect(body.leadTimeForChanges).toBe(2 * 86400 + 14 * 3600);
      }
      // the same journey and links whatever the order (open-stage seconds grow with now)
      const settled = (b: any) => ({
        links: b.links,
        stages: b.transitions.map((t: any) => [
          t.stage,
          t.enteredAt,
          t.exitedAt,
        ]),
      });
      expect(settled(results[1])).toEqual(settled(results[0]));
      expect(settled(results[2])).toEqual(settled(results[0]));
    });
  },
);
