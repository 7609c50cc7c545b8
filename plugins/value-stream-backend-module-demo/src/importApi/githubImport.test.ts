import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { GithubHistoryImporter } from '@valuestream/backstage-plugin-value-stream-backend-module-github';
import { DAY } from '../generate/time';
import { importDemoHistory } from './importDemoHistory';
import { DEMO_GITHUB_HOST, IMPORT_DEMO_SERVICE } from './importService';
import { startDemoImportApi, type DemoImportApi } from './startDemoImportApi';

const NOW = Date.parse('2026-03-12T15:00:00Z');
const ANCHOR = Date.parse('2026-03-09T00:00:00Z');
const TOKEN = 'demo-import-token';

// the example catalog's checkout-service (examples/entities.yaml)
const entity: Parameters<GithubHistoryImporter['scopes']>[0] = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout-service',
    annotations: {
      'github.com/project-slug': 'acme/checkout-service',
      'backstage.io/source-location': `url:https://${DEMO_GITHUB_HOST}/acme/checkout-service/`,
    },
  },
};

const history = importDemoHistory({
  seed: 42,
  days: 90,
  anchor: ANCHOR,
  now: NOW,
});
const repository = history.github;

function importer(url: string, token = TOKEN) {
  return GithubHistoryImporter.fromConfig(
    new ConfigReader({
      integrations: {
        github: [{ host: DEMO_GITHUB_HOST, apiBaseUrl: url, token }],
      },
    }),
    { client: { graphqlIntervalMs: 0, backoffBaseMs: 1, rateLimitBaseMs: 1 } },
  );
}

async function importAll(target: GithubHistoryImporter) {
  const [scope] = target.scopes(entity);
  const events: CanonicalEvent[] = [];
  let pages = 0;
  let items = 0;
  for await (const page of target.pages({
    entityRef: 'component:default/checkout-service',
    scope,
    cursor: null,
    since: new Date(NOW - 90 * DAY),
    signal: new AbortController().signal,
    logger: mockServices.logger.mock(),
  })) {
    pages++;
    items += page.items;
    events.push(...page.events);
  }
  return { scope, events, pages, items };
}

describe('the demo GitHub', () => {
  let api: DemoImportApi | undefined;
  afterEach(() => api?.close());

  it('holds ~90 days of checkout-service history up to now', () => {
    expect(`${repository.owner}/${repository.name}`).toBe(
      IMPORT_DEMO_SERVICE.repository,
    );
    expect(repository.pulls.length).toBeGreaterThan(100);
    expect(repository.deployments.length).toBeGreaterThan(50);
    const times = repository.pulls.map(p => Date.parse(p.createdAt));
    expect(Math.min(...times)).toBeLessThan(NOW - 85 * DAY);
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW);
    // some work is still open at `now`
    expect(repository.pulls.some(p => !p.merged)).toBe(true);
    // every PR names its Jira issue
    const keys = new Set(history.jira.issues.map(i => i.key));
    expect(repository.pulls.every(p => keys.has(p.title.split(':')[0]))).toBe(
      true,
    );
    // deterministic
    expect(
      importDemoHistory({ seed: 42, days: 90, anchor: ANCHOR, now: NOW }),
    ).toEqual(history);
  });

  it("answers the GitHub importer's requests: every fact arrives as the webhooks' events", async () => {
    api = await startDemoImportApi({
      history,
      token: TOKEN,
      port: 0,
      pageDelayMs: 0,
    });
    const { scope, events, pages, items } = await importAll(importer(api.url));
    expect(scope).toBe(`${DEMO_GITHUB_HOST}/acme/checkout-service`);
    const count = (type: string) => events.filter(e => e.type === type).length;
    // the importer reads PRs updated in its 90 days (the plan starts a few days earlier)
    const pulls = repository.pulls.filter(
      p => Date.parse(p.updatedAt) >= NOW - 90 * DAY,
    );
    const merged = pulls.filter(p => p.merged);
    const deployments = repository.deployments.filter(
      d => Date.parse(d.created_at) >= NOW - 90 * DAY,
    );
    expect(count('work_item.created')).toBe(0); // the items are in Jira
    expect(count('pull_request.opened')).toBe(pulls.length);
    expect(count('pull_request.merged')).toBe(merged.length);
    expect(count('pull_request.reviewed')).toBe(
      pulls.reduce((n, p) => n + p.reviews.length, 0),
    );
    expect(count('deployment.started')).toBe(deployments.length);
    expect(count('deployment.finished')).toBeGreaterThan(
      deployments.length - 3,
    );
    expect(count('build.finished')).toBeGreaterThan(50);
    expect(count('commit.pushed')).toBeGreaterThan(merged.length);
    expect(new Set(events.map(e => e.id)).size).toBe(events.length);
    expect(events.every(e => e.repository === 'acme/checkout-service')).toBe(
      true,
    );
    // a PR names its Jira issue, so the backend links them
    const first = events.find(e => e.type === 'pull_request.opened')!;
    expect(first.data.title).toMatch(/^CHS-\d+: /);
    // paged: several list pages per kind of fact
    expect(pages).toBeGreaterThanOrEqual(8);
    expect(items).toBe(
      pulls.length +
        repository.commits.filter(
          c => Date.parse(c.authoredDate) >= NOW - 90 * DAY,
        ).length +
        deployments.length +
        repository.runs.filter(r => Date.parse(r.created_at) >= NOW - 90 * DAY)
          .length,
    );
  });

  it('answers list pages after the delay, so the import takes visibly long', async () => {
    api = await startDemoImportApi({
      history,
      token: TOKEN,
      port: 0,
      pageDelayMs: 100,
    });
    const started = Date.now();
    const { pages } = await importAll(importer(api.url));
    expect(Date.now() - started).toBeGreaterThanOrEqual(pages * 100 - 50);
  });

  it('refuses another token as GitHub does: the import fails naming the integration', async () => {
    api = await startDemoImportApi({
      history,
      token: TOKEN,
      port: 0,
      pageDelayMs: 0,
    });
    await expect(importAll(importer(api.url, 'wrong'))).rejects.toThrow(
      /integrations\.github/,
    );
  });
});
