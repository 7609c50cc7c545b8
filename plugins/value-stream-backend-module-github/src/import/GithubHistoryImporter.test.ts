import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  validateCanonicalEvent,
  type CanonicalEvent,
} from '@valuestream/backstage-plugin-value-stream-common';
import {
  ImportFailedError,
  type ImportPage,
} from '@valuestream/backstage-plugin-value-stream-node';
import { GithubHistoryImporter } from './GithubHistoryImporter';
import { SECONDARY_LIMIT, startFakeGithub } from './__testUtils__/fakeGithub';
import { generateHistory } from './__testUtils__/history';

jest.setTimeout(30_000);

type Fake = Awaited<ReturnType<typeof startFakeGithub>>;
let fake: Fake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const SINCE = new Date('2026-01-01T00:00:00Z');

function importer(server: Fake, token = server.token, timeoutMs = 300) {
  return GithubHistoryImporter.fromConfig(
    new ConfigReader({
      integrations: {
        github: [{ host: 'github.com', apiBaseUrl: server.apiBaseUrl, token }],
      },
    }),
    { client: { backoffBaseMs: 5, timeoutMs, graphqlIntervalMs: 0 } },
  );
}

async function run(
  imp: GithubHistoryImporter,
  options: {
    cursor?: string | null;
    since?: Date;
    maxPages?: number;
    scope?: string;
    signal?: AbortSignal;
  } = {},
) {
  const pages: ImportPage[] = [];
  for await (const page of imp.pages({
    entityRef: 'component:default/shop',
    scope: options.scope ?? 'acme/shop',
    cursor: options.cursor ?? null,
    since: options.since ?? SINCE,
    signal: options.signal ?? new AbortController().signal,
    logger: mockServices.logger.mock(),
  })) {
    pages.push(page);
    if (pages.length === options.maxPages) break;
  }
  const events = pages.flatMap(p => p.events);
  for (const event of events) {
    const result = validateCanonicalEvent(event);
    if (!result.ok) throw new Error(`${event.id}: ${result.message}`);
  }
  return { pages, events, ids: events.map(e => e.id).sort() };
}

const count = (events: CanonicalEvent[], type: string) =>
  events.filter(e => e.type === type).length;

describe('GithubHistoryImporter against a fake GitHub', () => {
  const size = {
    pulls: 250,
    commitsPerPull: 3,
    issues: 30,
    commits: 120,
    deployments: 3,
    runs: 150,
  };

  it('reads every kind of fact, within the pagination minimum of requests', async () => {
    fake = await startFakeGithub(generateHistory(size));
    const { pages, events } = await run(importer(fake));

    expect(count(events, 'pull_request.opened')).toBe(250);
    expect(count(events, 'pull_request.merged')).toBe(250);
    expect(count(events, 'pull_request.reviewed')).toBe(250);
    // PR branch commits (750) and default-branch commits (120)
    expect(count(events, 'commit.pushed')).toBe(870);
    expect(count(events, 'work_item.created')).toBe(30);
    expect(count(events, 'work_item.status_changed')).toBe(30);
    expect(count(events, 'deployment.started')).toBe(3);
    expect(count(events, 'deployment.finished')).toBe(3); // pending maps to nothing
    expect(count(events, 'build.finished')).toBe(150);
    expect(new Set(events.map(e => e.id)).size).toBe(events.length);
    expect(
      events.every(e => e.source === 'github' && e.repository === 'acme/shop'),
    ).toBe(true);

    // the minimum: ⌈250/50⌉ PR pages, 1 issue page, ⌈120/100⌉ commit pages,
    // 1 deployment page + 1 statuses request per deployment, ⌈150/100⌉ run pages
    expect(fake.requests.filter(k => k === 'graphql:pulls')).toHaveLength(5); // 20 per 1,000 PRs
    expect(fake.requests).toHaveLength(5 + 1 + 2 + 1 + 3 + 2);
    expect(pages.at(-1)?.cursor).toBeNull();
    expect(pages.slice(0, -1).every(p => p.cursor !== null)).toBe(true);
    expect(pages.reduce((n, p) => n + p.items, 0)).toBe(
      250 + 30 + 120 + 3 + 150,
    );
  });

  it('resumes from a page cursor: the two runs read exactly what one run reads', async () => {
    fake = await startFakeGithub(generateHistory(size));
    const whole = await run(importer(fake));
    const first = await run(importer(fake), { maxPages: 3 });
    const rest = await run(importer(fake), { cursor: first.pages[2].cursor });
    expect([...first.ids, ...rest.ids].sort()).toEqual(whole.ids);
  });

  it('stops paging PRs at the first one last updated before since', async () => {
    fake = await startFakeGithub(generateHistory({ pulls: 250 }));
    // PR n was updated 251 - n hours before 2026-12-01: since = 60 h back keeps n ≥ 191
    const since = new Date(Date.parse('2026-12-01T00:00:00Z') - 60 * 3600_000);
    const { events } = await run(importer(fake), { since });
    expect(count(events, 'pull_request.opened')).toBe(60);
    expect(fake.requests.filter(k => k === 'graphql:pulls')).toHaveLength(2);
  });

  it('reads the rest of a PR with more commits than a page holds', async () => {
    fake = await startFakeGithub(
      generateHistory({ pulls: 3, commitsPerPull: 230 }),
    );
    const { events } = await run(importer(fake));
    expect(count(events, 'commit.pushed')).toBe(690);
    // 1 page of PRs, then 2 more commit pages for each of the 3 PRs
    expect(fake.requests.filter(k => k === 'graphql:pull')).toHaveLength(6);
  });

  it("carries a PR's files on its events, in the same request; none when GitHub has more than a page", async () => {
    const history = generateHistory({ pulls: 2 });
    history.pulls[0].files = ['services/ledger/a.ts', 'services/ledger/b.ts'];
    history.pulls[1].files = Array.from({ length: 101 }, (_, i) => `f${i}`);
    fake = await startFakeGithub(history);
    const { events } = await run(importer(fake));
    const prEvents = (n: number) =>
      events.filter(
        e => e.type.startsWith('pull_request.') && e.data.number === n,
      );
    expect(prEvents(1).map(e => [e.type, e.data.files])).toEqual([
      ['pull_request.opened', ['services/ledger/a.ts', 'services/ledger/b.ts']],
      ['pull_request.merged', ['services/ledger/a.ts', 'services/ledger/b.ts']],
      ['pull_request.reviewed', undefined],
    ]);
    expect(prEvents(2).every(e => e.data.files === undefined)).toBe(true);
    expect(fake.requests.filter(k => k === 'graphql:pulls')).toHaveLength(1);
  });

  it('waits out a secondary rate limit (403 retry-after) and a 429, then succeeds', async () => {
    fake = await startFakeGithub(generateHistory({ pulls: 60 }));
    fake.fail({ ...SECONDARY_LIMIT, kind: 'graphql:pulls' });
    fake.fail({
      status: 429,
      headers: { 'retry-after': '1' },
      kind: 'graphql:issues',
    });
    const started = Date.now();
    const { events } = await run(importer(fake));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(count(events, 'pull_request.opened')).toBe(60);
    expect(fake.requests.filter(k => k === 'graphql:pulls')).toHaveLength(3);
    expect(fake.requests.filter(k => k === 'graphql:issues')).toHaveLength(2);
  });

  it('retries a 502 and a timeout with backoff', async () => {
    fake = await startFakeGithub(
      generateHistory({ pulls: 10, deployments: 2 }),
    );
    fake.fail({
      status: 502,
      body: { message: 'Server Error' },
      kind: 'graphql:pulls',
    });
    fake.fail({ status: 200, delayMs: 1000, kind: 'rest:deployments' });
    fake.fail({ status: 200, delayMs: 1000, kind: 'graphql:issues' });
    const { events } = await run(importer(fake));
    expect(fake.requests.filter(k => k === 'graphql:issues')).toHaveLength(2);
    expect(count(events, 'pull_request.opened')).toBe(10);
    expect(count(events, 'deployment.started')).toBe(2);
    expect(fake.requests.filter(k => k === 'graphql:pulls')).toHaveLength(2);
    expect(fake.requests.filter(k => k === 'rest:deployments')).toHaveLength(2);
  });

  it('fails a 401 with a message naming the integration and the missing right', async () => {
    fake = await startFakeGithub(generateHistory({ pulls: 10 }));
    const error = await run(importer(fake, 'wrong-token')).catch(e => e);
    expect(error).toBeInstanceOf(ImportFailedError);
    expect(error.message).toContain(
      'integrations.github (github.com): reading acme/shop: 401 Bad credentials',
    );
    expect(error.message).toContain('the token needs the repo scope');
    expect(error.message).toContain('a GitHub App needs pull_requests:read');
    expect(fake.requests).toHaveLength(1); // not retried
  });

  it('fails a 404 of a REST phase with the permission that phase needs', async () => {
    fake = await startFakeGithub(generateHistory({ pulls: 1 }));
    fake.fail({
      status: 404,
      body: { message: 'Not Found' },
      kind: 'rest:deployments',
    });
    const error = await run(importer(fake)).catch(e => e);
    expect(error).toBeInstanceOf(ImportFailedError);
    expect(error.message).toMatch(/404 Not Found.*deployments:read/);
  });

  it('waits out the primary rate limit until x-ratelimit-reset', async () => {
    fake = await startFakeGithub(generateHistory({ runs: 3 }));
    // the reset, in whole seconds, lies 1-2 s ahead; the import must not finish before it,
    // however late the fault is served on a busy machine
    const reset = Math.floor(Date.now() / 1000) + 2;
    fake.fail({
      kind: 'rest:runs',
      status: 403,
      headers: {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(reset),
      },
      body: {
        message: 'API rate limit exceeded for installation ID 1.',
        documentation_url:
          'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting',
      },
    });
    const { events } = await run(importer(fake));
    expect(Date.now()).toBeGreaterThanOrEqual(reset * 1000 - 50);
    expect(count(events, 'build.finished')).toBe(3);
    expect(fake.requests.filter(k => k === 'rest:runs')).toHaveLength(2);
  });

  it('fails a repository GitHub does not know (GraphQL NOT_FOUND) with the message', async () => {
    fake = await startFakeGithub(generateHistory({ pulls: 1 }));
    const error = await run(importer(fake), { scope: 'acme/nope' }).catch(
      e => e,
    );
    expect(error).toBeInstanceOf(ImportFailedError);
    expect(error.message).toContain(
      "reading acme/nope: NOT_FOUND Could not resolve to a Repository with the name 'acme/nope'.",
    );
  });

  it('stops at once when the job is aborted, mid-request', async () => {
    fake = await startFakeGithub(generateHistory({ pulls: 1 }));
    fake.fail({ status: 200, delayMs: 3000, kind: 'graphql:pulls' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('lease lost')), 100);
    const started = Date.now();
    const error = await run(importer(fake, fake.token, 10_000), {
      signal: controller.signal,
    }).catch(e => e);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error).not.toBeInstanceOf(ImportFailedError);
    expect(fake.requests).toHaveLength(1);
  });
});

describe('GithubHistoryImporter.scopes', () => {
  const entity = (annotations: Record<string, string>): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'shop', annotations },
  });
  const withIntegrations = (github: object[]) =>
    GithubHistoryImporter.fromConfig(
      new ConfigReader({ integrations: { github } }),
    );

  it('is the project slug when the host has a token or an app', () => {
    const imp = withIntegrations([{ host: 'github.com', token: 't' }]);
    expect(
      imp.scopes(entity({ 'github.com/project-slug': 'acme/shop' })),
    ).toEqual(['acme/shop']);
    expect(imp.scopes(entity({}))).toEqual([]);
    expect(
      imp.scopes(entity({ 'github.com/project-slug': 'not a slug' })),
    ).toEqual([]);
  });

  it('is empty without credentials for the host (the default github.com entry has none)', () => {
    const imp = withIntegrations([]);
    expect(
      imp.scopes(entity({ 'github.com/project-slug': 'acme/shop' })),
    ).toEqual([]);
  });

  it('names a GitHub Enterprise host from the source location', () => {
    const imp = withIntegrations([
      {
        host: 'ghe.example.com',
        apiBaseUrl: 'https://ghe.example.com/api/v3',
        token: 't',
      },
    ]);
    const e = entity({
      'github.com/project-slug': 'acme/shop',
      'backstage.io/source-location':
        'url:https://ghe.example.com/acme/shop/tree/main/',
    });
    expect(imp.scopes(e)).toEqual(['ghe.example.com/acme/shop']);
  });
});
