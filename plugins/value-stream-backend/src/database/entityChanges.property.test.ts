import fc from 'fast-check';
import type { TestDatabaseId } from '@backstage/backend-test-utils';
import { createDirectValueStream } from '../__testUtils__/directValueStream';
import { component, databases, group } from '../__testUtils__/testBackend';
import type { ChangeRecord, Window } from '../journeys/types';
import { deployedChanges } from '../metrics/dora';
import { inWindow } from '../metrics/time';
import { MetricsQueries } from './MetricsQueries';
import { num } from './util';

jest.setTimeout(600_000);

/**
 * `vs_entity_changes` is kept per pass for the changes the pass touched. Whatever the
 * history and its arrival order, it must equal the lead-time definition (metrics/dora.ts
 * `deployedChanges`) applied to everything stored, for one entity and for a group.
 */
const PAYMENTS = 'component:default/payments';
const ORDERS = 'component:default/orders';
const ENTITIES = [
  component('payments', {
    'github.com/project-slug': 'acme/payments',
    'argocd/app-name': 'payments',
    'jira/project-key': 'PAY',
  }),
  component('orders', { 'argocd/app-name': 'orders' }),
  group,
];
const T0 = Date.parse('2026-01-01T00:00:00Z');
const H = 3_600_000;
const at = (hours: number) => new Date(T0 + hours * H).toISOString();
const SHAS = [
  '63300000',
  '63310000',
  '63320000',
  '63330000',
  '63340000',
  '63350000',
];
const WINDOWS: Window[] = [
  { from: T0, to: T0 + 300 * H },
  { from: T0 + 60 * H, to: T0 + 140 * H },
];
const repo = { repository: 'acme/payments' };

const hour = fc.integer({ min: 0, max: 240 });
const commit = fc.record({
  sha: fc.constantFrom(...SHAS),
  hour,
  branch: fc.constantFrom('main', 'main', 'feature/x'),
  // "(#n)" names a PR: the commit joins that PR's commits (a squash or merge commit).
  pr: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  item: fc.constantFrom('PAY-1', 'PAY-2', ''),
});
const pullRequest = fc.record({
  number: fc.integer({ min: 1, max: 3 }),
  hour,
  merged: fc.boolean(),
  commits: fc.subarray(SHAS, { minLength: 1, maxLength: 3 }),
});
const deployment = fc.record({
  id: fc.constantFrom('d1', 'd2', 'd3', 'd4', 'd5'),
  hour,
  environment: fc.constantFrom(
    'production',
    'production',
    'production',
    'staging',
  ),
  service: fc.constantFrom('payments', 'orders'),
  status: fc.constantFrom(
    'success',
    'success',
    'success',
    'failure',
    'rolled_back',
    null,
  ),
  commitSha: fc.constantFrom(...SHAS),
  // No explicit commits: the deployment includes what was merged before it (DESIGN §4).
  commits: fc.option(fc.subarray(SHAS, { maxLength: 3 }), { nil: undefined }),
});

let n = 0;
const event = (type: string, hours: number, data: object, extra = {}) => ({
  id: `p${++n}`,
  source: 'test',
  type,
  occurredAt: at(hours),
  ...extra,
  data,
});

const histories = fc
  .record({
    commits: fc.array(commit, { minLength: 3, maxLength: 10 }),
    prs: fc.array(pullRequest, { minLength: 1, maxLength: 4 }),
    deployments: fc.array(deployment, { minLength: 3, maxLength: 6 }),
    // One change always reaches production, so no run checks only empty tables.
    anchor: fc.record({ hour, service: fc.constantFrom('payments', 'orders') }),
    seed: fc.integer(),
    cuts: fc.array(fc.nat(), { maxLength: 4 }),
  })
  .map(h => {
    // A sha names the commit's content: every push of one commit (to any branch, at any
    // time) carries the same message, the first drawn for it.
    const messageOf = new Map<string, string>();
    for (const c of h.commits)
      if (!messageOf.has(c.sha))
        messageOf.set(c.sha, `${c.item} Change${c.pr ? ` (#${c.pr})` : ''}`);
    const events = [
      // Items whose journeys follow the commits into deployments.
      event('work_item.created', 0, {
        key: 'PAY-1',
        title: 'One',
        itemType: 'feature',
      }),
      event('work_item.created', 0, {
        key: 'PAY-2',
        title: 'Two',
        itemType: 'defect',
      }),
      event(
        'commit.pushed',
        h.anchor.hour,
        {
          sha: '61300000',
          message: 'Change',
          branch: 'main',
          defaultBranch: 'main',
        },
        repo,
      ),
      event('deployment.finished', h.anchor.hour + 2, {
        deploymentId: 'd0',
        environment: 'production',
        service: h.anchor.service,
        commits: ['61300000'],
        status: 'success',
      }),
      ...h.commits.map(c =>
        event(
          'commit.pushed',
          c.hour,
          {
            sha: c.sha,
            message: messageOf.get(c.sha)!,
            branch: c.branch,
            defaultBranch: 'main',
          },
          repo,
        ),
      ),
      ...h.prs.flatMap(p => [
        event(
          'pull_request.opened',
          p.hour,
          { number: p.number, title: 'PR', commits: p.commits },
          repo,
        ),
        ...(p.merged
          ? [
              event(
                'pull_request.merged',
                p.hour + 1,
                { number: p.number, title: 'PR', commits: p.commits },
                repo,
              ),
            ]
          : []),
      ]),
      ...h.deployments.flatMap(d => {
        const data = {
          deploymentId: d.id,
          environment: d.environment,
          service: d.service,
          commitSha: d.commitSha,
          ...(d.commits ? { commits: d.commits } : {}),
        };
        return [
          event('deployment.started', d.hour, data),
          ...(d.status
            ? [
                event('deployment.finished', d.hour + 1, {
                  ...data,
                  status: d.status,
                }),
              ]
            : []),
        ];
      }),
    ];
    // A deterministic shuffle from the seed, then batches at the cuts.
    let s = h.seed;
    const order = events
      .map(e => ({ e, k: (s = (s * 1103515245 + 12345) | 0) }))
      .sort((a, b) => a.k - b.k)
      .map(x => x.e);
    const points = [...new Set(h.cuts.map(c => c % (order.length || 1)))]
      .filter(c => c > 0)
      .sort((a, b) => a - b);
    return [0, ...points].map((from, i) =>
      order.slice(from, [...points, order.length][i]),
    );
  });

type Vs = Awaited<ReturnType<typeof createDirectValueStream>>;

/** The definition, from everything stored: merged changes, then their first deployment. */
async function expected(vs: Vs, refs: string[], window: Window) {
  const [commits, prCommits, prs] = await Promise.all([
    vs.knex('vs_commits').select('sha', 'authored_at', 'on_default'),
    vs.knex('vs_pr_commits').select('pr_id', 'sha'),
    vs.knex('vs_pull_requests').whereNotNull('merged_at').select('id'),
  ]);
  const authored = new Map(commits.map(c => [c.sha, num(c.authored_at)!]));
  const inPr = new Set(prCommits.map(c => c.sha));
  const changes: ChangeRecord[] = [];
  for (const { id } of prs) {
    const shas = prCommits.filter(c => c.pr_id === id).map(c => c.sha);
    const times = shas.flatMap(sha =>
      authored.has(sha) ? [authored.get(sha)!] : [],
    );
    if (times.length)
      changes.push({ id, firstCommitAt: Math.min(...times), commits: shas });
  }
  for (const c of commits) {
    if (Boolean(c.on_default) && !inPr.has(c.sha))
      changes.push({
        id: c.sha,
        firstCommitAt: num(c.authored_at)!,
        commits: [c.sha],
      });
  }
  const deployments = await new MetricsQueries(vs.knex).productionDeployments(
    refs,
  );
  return deployedChanges(changes, deployments)
    .filter(c => inWindow(c.deployedAt, window))
    .sort((a, b) => a.id.localeCompare(b.id));
}

async function check(vs: Vs) {
  const queries = new MetricsQueries(vs.knex);
  for (const refs of [[PAYMENTS], [ORDERS], [PAYMENTS, ORDERS]]) {
    for (const window of WINDOWS) {
      const actual = await queries.changesDeployedIn(refs, window);
      expect(actual.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        await expected(vs, refs, window),
      );
    }
  }
}

const table = (vs: Vs) =>
  vs
    .knex('vs_entity_changes')
    .orderBy(['entity_ref', 'change_id'])
    .then(rows => rows.map(r => ({ ...r, deployed_at: num(r.deployed_at) })));

function checkEntityChanges(id: TestDatabaseId, numRuns: number) {
  it('equals the lead-time definition and a full rebuild over any history and arrival order', async () => {
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(histories, async batches => {
        const vs = await createDirectValueStream(id, ENTITIES);
        try {
          for (const batch of batches) await vs.ingest.ingest(batch as any);
          await check(vs);
          // Kept per pass = recomputed from scratch, for changes and for journeys.
          const kept = await table(vs);
          const journeys = await vs
            .knex('vs_work_items')
            .orderBy('key')
            .pluck('journey');
          await vs.store.refreshEntityChanges();
          expect(await table(vs)).toEqual(kept);
          await vs.rebuild();
          expect(await table(vs)).toEqual(kept);
          expect(
            await vs.knex('vs_work_items').orderBy('key').pluck('journey'),
          ).toEqual(journeys);
          if (kept.length) nonEmpty++;
        } finally {
          await vs.knex.destroy();
        }
      }),
      { numRuns },
    );
    expect(nonEmpty).toBe(numRuns);
  });

  it('follows a deployment to the entity the catalog gives its service later', async () => {
    const vs = await createDirectValueStream(id, ENTITIES);
    try {
      await vs.ingest.ingest([
        event(
          'commit.pushed',
          1,
          {
            sha: '61310000',
            message: 'x',
            branch: 'main',
            defaultBranch: 'main',
          },
          repo,
        ),
        event('deployment.finished', 5, {
          deploymentId: 'ds',
          environment: 'production',
          service: 'shop',
          commitSha: '61310000',
          commits: ['61310000'],
          status: 'success',
        }),
      ] as any);
      const queries = new MetricsQueries(vs.knex);
      const shop = 'component:default/shop';
      expect(await queries.changesDeployedIn([shop], WINDOWS[0])).toEqual([]);
      vs.catalog.entities.push(
        component('shop', { 'argocd/app-name': 'shop' }),
      );
      await vs.index.refresh();
      expect(await queries.changesDeployedIn([shop], WINDOWS[0])).toEqual([
        { id: '61310000', firstCommitAt: T0 + H, deployedAt: T0 + 5 * H },
      ]);
    } finally {
      await vs.knex.destroy();
    }
  });
}

describe.each(databases.eachSupportedId())('vs_entity_changes on %p', id => {
  checkEntityChanges(id, id === 'SQLITE_3' ? 40 : 12);
});
