import { createHmac } from 'crypto';
import type { Knex } from 'knex';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The end-to-end test needs the real backend plugin next to the module.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import valueStreamPlugin from '@valuestream/backstage-plugin-value-stream-backend';
import request from 'supertest';
import { valueStreamModuleGithub } from '../module';
import { startFakeGithub, type FakeHistory } from './__testUtils__/fakeGithub';
import { generateHistory } from './__testUtils__/history';
import {
  deploymentDeliveries,
  issueDeliveries,
  pullRequestDeliveries,
  pushDelivery,
  workflowRunDelivery,
  type Delivery,
} from './payloads';
import type { Connection } from './types';

/**
 * Issue 16's equivalence: a 90-day history imported through the fake GitHub gives the
 * same events, journeys, links and metrics as the same facts sent as signed webhooks.
 */
jest.setTimeout(180_000);

const SECRET = 'test-secret';
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const API = '/api/value-stream';
const ENTITY = `${API}/entities/component/default/shop`;
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

// The newest fact ~75 minutes back from now, the oldest ~89 days back: inside the import's
// default 90 days, and the metrics' default 30-day window sees the newest month. Facts
// lie on half hours from END, so the default window's start (now - 30 days, moving
// between the two snapshots) stays ~15 minutes away from any of them.
const MINUTE = 60_000;
const END = Math.floor(Date.now() / MINUTE) * MINUTE - 75 * MINUTE;
const history = generateHistory(
  {
    pulls: 58,
    issues: 40,
    commits: 58,
    deployments: 30,
    runs: 58,
    stepHours: 35,
    pullsCloseIssues: true,
  },
  END,
);

const connection = <T>(nodes: T[]): Connection<T> => ({
  nodes,
  totalCount: nodes.length,
  pageInfo: { hasNextPage: false, endCursor: null },
});

/**
 * The webhooks GitHub would have sent for `h`, built by the importer's own delivery
 * builders from the objects the fake server answers with (the same repository refs the
 * import phases pass), one push per default-branch commit, in time order.
 */
function webhooksOf(h: FakeHistory): Delivery[] {
  const fullName = `${h.owner}/${h.name}`;
  const withBranch = { fullName, defaultBranch: h.defaultBranch };
  const deliveries = [
    ...h.pulls.flatMap(pr =>
      pullRequestDeliveries(withBranch, {
        ...pr,
        commits: connection(pr.commits.map(commit => ({ commit }))),
        reviews: connection(pr.reviews),
        timelineItems: connection(pr.timelineItems),
        files: pr.files && connection(pr.files.map(path => ({ path }))),
      }),
    ),
    ...h.issues.flatMap(issue =>
      issueDeliveries(
        { fullName },
        { ...issue, timelineItems: connection(issue.timelineItems) },
      ),
    ),
    ...h.commits.map(c => pushDelivery(withBranch, h.defaultBranch, [c])),
    ...h.deployments.flatMap(({ statuses, ...deployment }) =>
      deploymentDeliveries(
        { fullName },
        deployment,
        [...statuses].sort(
          (a, b) => Date.parse(a.created_at) - Date.parse(b.created_at),
        ),
      ),
    ),
    ...h.runs.map(run => workflowRunDelivery({ fullName }, run)),
  ];
  return deliveries
    .map((d, i) => ({ d, i, at: deliveryTime(d) }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map(x => x.d);
}

/** When GitHub would have sent a delivery: the time of the fact it reports. */
function deliveryTime({ name, payload: p }: Delivery): number {
  const any = p as any;
  switch (name) {
    case 'pull_request':
      return Date.parse(any.pull_request.updated_at);
    case 'pull_request_review':
      return Date.parse(any.review.submitted_at);
    case 'push':
      return Math.max(
        ...any.commits.map((c: { timestamp: string }) =>
          Date.parse(c.timestamp),
        ),
      );
    case 'issues':
      return Date.parse(any.issue.updated_at);
    case 'deployment':
      return Date.parse(any.deployment.created_at);
    case 'deployment_status':
      return Date.parse(any.deployment_status.created_at);
    case 'workflow_run':
      return Date.parse(any.workflow_run.updated_at);
    default:
      throw new Error(`no time for ${name}`);
  }
}

const sign = (body: string) =>
  `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

const ENTITIES = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'shop',
      namespace: 'default',
      annotations: { 'github.com/project-slug': 'acme/shop' },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'me' },
  },
];

async function startBackend(knex: Knex, config: object) {
  return startTestBackend({
    features: [
      valueStreamPlugin,
      valueStreamModuleGithub,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          ...config,
          valueStream: {
            notifications: { enabled: false },
            sources: { github: { webhookSecret: SECRET } },
          },
        },
      }),
      catalogServiceMock.factory({ entities: ENTITIES }),
    ],
  });
}

type Backend = Awaited<ReturnType<typeof startBackend>>;

const get = async (backend: Backend, path: string, service = false) => {
  const res = await request(backend.server)
    .get(path)
    .set(
      'Authorization',
      service
        ? mockCredentials.service.header()
        : mockCredentials.user.header(),
    );
  if (res.status !== 200)
    throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

async function until(what: string, done: () => Promise<boolean>) {
  for (let i = 0; i < 1200; i++) {
    if (await done()) return;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const noPending = (backend: Backend) =>
  until(
    'no pending events',
    async () =>
      (await get(backend, `${API}/ingest/status`, true)).pending === 0,
  );

/** What a backend shows for the history: its events, metrics, items and their journeys. */
async function snapshot(backend: Backend, knex: Knex) {
  const events = (
    await knex('vs_events').select('source', 'id', 'type', 'occurred_at')
  )
    // epoch ms: a bigint string on PostgreSQL, a number on SQLite
    .map(e => ({
      ...e,
      occurred_at: new Date(Number(e.occurred_at)).toISOString(),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
  // The default window ends at the call's time: its bounds are the only call-time values.
  const { window: _window, ...defaultMetrics } = await get(
    backend,
    `${ENTITY}/metrics`,
  );
  const from = new Date(END - 90 * DAY).toISOString();
  const to = new Date(END + HOUR).toISOString();
  const metrics90 = await get(
    backend,
    `${ENTITY}/metrics?from=${from}&to=${to}`,
  );
  const items = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${cursor}` : '';
    const page = await get(
      backend,
      `${ENTITY}/work-items?state=all&limit=50${query}`,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  const details = [];
  for (const item of items) {
    const detail = await get(
      backend,
      `${API}/work-items/${encodeURIComponent(item.key)}`,
    );
    // The stage an item is in has lasted until the call: its `seconds` is call time.
    for (const t of detail.transitions)
      if (t.exitedAt === null) delete t.seconds;
    details.push(detail);
  }
  return { events, defaultMetrics, metrics90, items, details };
}

describe.each(databases.eachSupportedId())(
  'github import and webhooks agree on %p',
  databaseId => {
    it('gives the same events, journeys, links and metrics for a 90-day history', async () => {
      const fake = await startFakeGithub(history);
      const knexA = await databases.init(databaseId);
      const imported = await startBackend(knexA, {
        integrations: {
          github: [
            {
              host: 'github.com',
              apiBaseUrl: fake.apiBaseUrl,
              token: fake.token,
            },
          ],
        },
      });
      let a;
      try {
        await until('the import', async () => {
          const { jobs } = await get(imported, `${ENTITY}/import`, true);
          if (jobs?.[0]?.state === 'failed') throw new Error(jobs[0].error);
          return jobs?.[0]?.state === 'done';
        });
        await noPending(imported);
        a = await snapshot(imported, knexA);
      } finally {
        await imported.stop();
        await fake.close();
      }

      const knexB = await databases.init(databaseId);
      const webhooks = await startBackend(knexB, {});
      let b;
      try {
        for (const { name, payload } of webhooksOf(history)) {
          const body = JSON.stringify(payload);
          const res = await request(webhooks.server)
            .post(`${API}/webhooks/github`)
            .set('Content-Type', 'application/json')
            .set('X-GitHub-Event', name)
            .set('X-Hub-Signature-256', sign(body))
            .send(body);
          expect(res.status).toBe(202);
        }
        await noPending(webhooks);
        b = await snapshot(webhooks, knexB);
      } finally {
        await webhooks.stop();
      }

      // A real history, not an empty one: every fact stored, every issue an item whose
      // journey has the PR's evidence (the stages between Backlog and Done) and links,
      // deployments and flow in both windows.
      expect(a.events).toHaveLength(
        58 * (1 + 1 + 1 + 2) + 40 * 3 + 58 + 30 * 2 + 58 * 2,
      );
      const issues = a.details.filter((d: { key: string }) =>
        d.key.startsWith('acme/shop#'),
      );
      expect(issues).toHaveLength(40);
      for (const issue of issues) {
        expect(issue.stage).toBe('Done');
        expect(issue.transitions.length).toBeGreaterThan(2);
        expect(issue.links.pullRequests).toHaveLength(1);
        expect(issue.links.commits).toHaveLength(2);
      }
      expect(a.metrics90.dora.deploymentFrequency.count).toBe(30);
      expect(a.metrics90.flow.throughput.total).toBe(40);
      expect(a.defaultMetrics.flow.throughput.total).toBeGreaterThan(0);

      expect(b.events).toEqual(a.events);
      expect(b.defaultMetrics).toEqual(a.defaultMetrics);
      expect(b.metrics90).toEqual(a.metrics90);
      expect(b.items).toEqual(a.items);
      expect(b.details).toEqual(a.details);
    });
  },
);
