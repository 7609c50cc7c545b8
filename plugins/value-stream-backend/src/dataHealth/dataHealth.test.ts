import {
  component,
  databases,
  group,
  payments,
  startValueStream,
} from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

const DAY = 86_400_000;
const HEALTH = '/entities/component/default/payments/data-health';
let n = 0;
const at = (daysAgo: number) =>
  new Date(Date.now() - daysAgo * DAY).toISOString();
const ev = (source: string, type: string, daysAgo: number, data: object) => ({
  id: `dh${++n}`,
  source,
  type,
  occurredAt: at(daysAgo),
  ...(source === 'github' ? { repository: 'acme/payments' } : {}),
  data,
});
const commit = (daysAgo: number, sha: string, message: string) =>
  ev('github', 'commit.pushed', daysAgo, {
    sha,
    message,
    branch: 'main',
    defaultBranch: 'main',
  });

// The last 30 days of payments, by hand:
// - commits: 4 in the window (c2 names PAY-1; c3, c4, c5 name nothing) → 3 of 4 = 75 % unlinked;
//   c1 (40 days ago) is outside it.
// - PRs: #1 "PAY-1: …" linked, #2 "Refactor" not → 50 %.
// - deployments: d1 (c5) includes every commit before it, so d2 (no commit named) includes none → 1 of 2 =
//   50 % without commits.
// - items done: PAY-1 (commits, PR) and PAY-2 (nothing linked) → 50 % without changes.
// - sources: github, jira, argocd sent events; pagerduty (annotated) sent none.
const HISTORY = [
  ev('jira', 'work_item.created', 20, {
    key: 'PAY-1',
    title: 'Refunds',
    itemType: 'feature',
  }),
  ev('jira', 'work_item.created', 20, {
    key: 'PAY-2',
    title: 'Receipts',
    itemType: 'defect',
  }),
  commit(40, 'c1000000', 'initial import'),
  commit(10, 'c2000000', 'PAY-1 refunds endpoint'),
  commit(9, 'c3000000', 'fix typo'),
  commit(8, 'c4000000', 'bump dependencies'),
  commit(8, 'c5000000', 'tidy'),
  ev('github', 'pull_request.opened', 9, {
    number: 1,
    title: 'PAY-1: refunds',
    branch: 'feature/refunds',
  }),
  ev('github', 'pull_request.opened', 8, {
    number: 2,
    title: 'Refactor',
    branch: 'chore/refactor',
  }),
  ev('argocd', 'deployment.finished', 6, {
    deploymentId: 'd1',
    environment: 'production',
    service: 'payments',
    commitSha: 'c5000000',
    status: 'success',
  }),
  ev('argocd', 'deployment.finished', 5, {
    deploymentId: 'd2',
    environment: 'production',
    service: 'payments',
    status: 'success',
  }),
  ev('jira', 'work_item.status_changed', 3, {
    key: 'PAY-1',
    from: 'In Progress',
    to: 'Done',
  }),
  ev('jira', 'work_item.status_changed', 2, {
    key: 'PAY-2',
    from: 'In Progress',
    to: 'Done',
  }),
];

describe.each(databases.eachSupportedId())('GET …/data-health on %p', id => {
  it('counts the last 30 days and names each fix', async () => {
    const vs = await startValueStream(id);
    const posted = await vs.post('/events', HISTORY);
    expect(posted.body).toEqual({ accepted: 13, duplicates: 0, ignored: 0 });
    // GitHub's events arrived 9 days ago: a week of silence since.
    await vs
      .knex('vs_events')
      .where('source', 'github')
      .update({ received_at: Date.now() - 9 * DAY - 3_600_000 });

    const res = await vs.get(HEALTH);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: 'component:default/payments',
      commits: { total: 4, linked: 1 },
      pullRequests: { total: 2, linked: 1 },
      deployments: { total: 2, withCommits: 1 },
      workItems: { done: 2, withChanges: 1 },
      unresolvedEvents: 0,
    });
    expect(
      Date.parse(res.body.window.to) - Date.parse(res.body.window.from),
    ).toBe(30 * DAY);
    const sources = Object.fromEntries(
      res.body.sources.map((s: any) => [s.source, s.lastEventAt]),
    );
    expect(Object.keys(sources).sort()).toEqual([
      'argocd',
      'github',
      'jira',
      'pagerduty',
    ]);
    expect(sources.pagerduty).toBeNull();
    expect(sources.jira).not.toBeNull();
    expect(res.body.warnings).toEqual([
      {
        code: 'commits_unlinked',
        message:
          '75 % of commits name no work item: put the key in the branch name or the PR title',
      },
      {
        code: 'pull_requests_unlinked',
        message:
          '50 % of pull requests are linked to no work item: put the key in the PR title or its branch name',
      },
      {
        code: 'deployments_without_commits',
        message:
          '50 % of deployments carry no commits: send the deployed commitSha (or its commits) with each deployment event',
      },
      {
        code: 'items_without_changes',
        message:
          "50 % of the items done in the last 30 days have no linked commit or PR: name the item's key in the commits, branch or PR title of its work",
      },
      {
        code: 'source_silent',
        subject: 'github',
        message:
          'github sent nothing for 9 days though github.com/project-slug is set: check its webhook deliveries and secret, or re-run the history import',
      },
      {
        code: 'source_silent',
        subject: 'pagerduty',
        message:
          'pagerduty sent nothing in the last 30 days though pagerduty.com/service-id is set: check its webhook deliveries and secret, or re-run the history import',
      },
    ]);
  });

  it('names an annotation the resolution rule gave to nobody, and counts its events', async () => {
    const billing = component('billing', {
      'github.com/project-slug': 'acme/billing',
    });
    const rogue = {
      ...component('rogue', { 'github.com/project-slug': 'acme/billing' }),
      relations: [{ type: 'ownedBy', targetRef: 'group:default/other' }],
    };
    const vs = await startValueStream(id, {
      entities: [payments, billing, rogue, group],
    });
    const res0 = await vs.post('/events', [
      {
        ...commit(2, 'b1000000', 'BIL-1 start'),
        repository: 'acme/billing',
      },
      { ...commit(1, 'b2000000', 'more'), repository: 'acme/billing' },
    ]);
    expect(res0.status).toBe(202);
    const res = await vs.get('/entities/component/default/billing/data-health');
    expect(res.status).toBe(200);
    expect(res.body.commits).toEqual({ total: 0, linked: 0 });
    expect(res.body.unresolvedEvents).toBe(2);
    expect(res.body.warnings.map((w: any) => w.code)).toEqual([
      'annotation_conflict',
      // Nothing of acme/billing is billing's, so GitHub sent it nothing either.
      'source_silent',
      'unresolved_events',
    ]);
    expect(res.body.warnings[0].message).toMatch(
      /^github\.com\/project-slug "acme\/billing" is also claimed by component:default\/rogue and its claimants have different owners .*: remove the wrong annotation, or ask your Backstage admin to pin it in valueStream\.claims$/,
    );
    expect(res.body.warnings[2].message).toBe(
      "2 events of the last 30 days name this entity's identifiers but went to no entity: resolve the annotation conflict",
    );
  });

  it('is a 404 for an entity the caller may not see', async () => {
    const vs = await startValueStream(id);
    expect(
      (await vs.get('/entities/component/default/nope/data-health')).status,
    ).toBe(404);
  });
});
