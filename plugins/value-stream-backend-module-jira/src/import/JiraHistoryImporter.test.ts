import { mockServices } from '@backstage/backend-test-utils';
import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import {
  ImportFailedError,
  type ImportPage,
} from '@valuestream/backstage-plugin-value-stream-node';
import { jiraToEvents } from '../mapping';
import { type Fault, startFakeJira } from './__testUtils__/fakeJira';
import { generatedStories, STATUSES, tes41 } from './__testUtils__/history';
import { JiraHistoryImporter } from './JiraHistoryImporter';
import type { JiraImportConfig } from './jiraImportConfig';

jest.setTimeout(30_000);

const stories = [tes41(), ...generatedStories()];
const BASIC = `Basic ${Buffer.from('me@example.com:api-token').toString(
  'base64',
)}`;
const BEARER = 'Bearer pat';

let fake: Awaited<ReturnType<typeof startFakeJira>> | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setUp(
  deployment: 'cloud' | 'datacenter',
  faults: Fault[] = [],
  authorization = deployment === 'cloud' ? BASIC : BEARER,
) {
  fake = await startFakeJira({
    issues: stories.map(s => s.issue),
    statuses: STATUSES,
    authorization: deployment === 'cloud' ? BASIC : BEARER,
    faults,
    embeddedHistories: 3,
    changelogPage: 4,
  });
  const config: JiraImportConfig = {
    baseUrl: fake.baseUrl,
    deployment,
    authorization,
  };
  return new JiraHistoryImporter({
    config,
    pageSize: 2,
    fetchOptions: { backoffMs: 10 },
  });
}

async function run(
  importer: JiraHistoryImporter,
  cursor: string | null = null,
): Promise<ImportPage[]> {
  const pages: ImportPage[] = [];
  for await (const page of importer.pages({
    entityRef: 'component:default/tes',
    scope: 'TES',
    cursor,
    since: new Date('2019-01-01T00:00:00Z'),
    signal: new AbortController().signal,
    logger: mockServices.logger.mock(),
  })) {
    pages.push(page);
  }
  return pages;
}

const byId = (events: CanonicalEvent[]) =>
  [...events].sort((a, b) => a.id.localeCompare(b.id));
const webhookEvents = byId([
  ...stories.flatMap(s => s.webhooks.flatMap(w => jiraToEvents(w))),
  // the change whose webhook is missing from the captures (TES41_SUMMARY_CHANGE)
  {
    id: 'TES-41:10226:updated',
    source: 'jira',
    type: 'work_item.updated',
    occurredAt: '2019-02-16T03:10:00.000Z',
    data: {
      key: 'TES-41',
      title: 'Unit test summary 1',
      itemType: 'feature',
      priority: 'High',
      labels: ['test-label'],
      components: ['COMP-1'],
    },
  },
]);

describe('JiraHistoryImporter', () => {
  it.each(['cloud', 'datacenter'] as const)(
    'on %s gives exactly the events of the same issues sent as webhooks (and the one missed)',
    async deployment => {
      const pages = await run(await setUp(deployment));
      const imported = byId(pages.flatMap(p => p.events));
      expect(imported).toEqual(webhookEvents);
      // every kind the webhooks give is there, so the comparison covers them
      expect(new Set(imported.map(e => e.type))).toEqual(
        new Set([
          'work_item.created',
          'work_item.status_changed',
          'work_item.blocked',
          'work_item.unblocked',
          'work_item.updated',
        ]),
      );
      expect(imported.map(e => e.id)).toEqual(
        expect.arrayContaining([
          'TES-41:created',
          'TES-41:10227:status',
          'TES-42:10302:blocked',
          'TES-42:10304:unblocked',
          'TES-42:10305:updated',
          'TES-43:created:status',
          'TES-44:created:status',
        ]),
      );
    },
  );

  it('reads Cloud pages by nextPageToken with the approximate count as total, and whole changelogs', async () => {
    const importer = await setUp('cloud');
    const pages = await run(importer);
    expect(pages.map(p => [p.items, p.total])).toEqual([
      [2, 4],
      [2, 4],
    ]);
    expect(JSON.parse(pages[0].cursor!)).toMatchObject({ nextPageToken: '2' });
    expect(pages[1].cursor).toBeNull();
    const paths = fake!.requests.map(r => r.split('?')[0]);
    expect(paths).toEqual([
      'POST /rest/api/3/search/approximate-count',
      'GET /rest/api/3/search/jql',
      // the search embeds 3 changes per issue: TES-41 has 4, TES-42 6, read in pages of 4
      'GET /rest/api/3/issue/TES-41/changelog',
      'GET /rest/api/3/issue/TES-42/changelog',
      'GET /rest/api/3/issue/TES-42/changelog',
      'GET /rest/api/3/search/jql',
      // TES-44 was created in Waiting, which no issue is in now
      'GET /rest/api/3/status',
    ]);
    const search = new URL(`http://x${fake!.requests[1].split(' ')[1]}`);
    expect(search.searchParams.get('jql')).toMatch(
      /^project = "TES" AND updated >= "-\d+m" ORDER BY created ASC, key ASC$/,
    );
    expect(search.searchParams.get('expand')).toBe('changelog');
  });

  it('resumes from a cursor with the rest only', async () => {
    const importer = await setUp('datacenter');
    const [first] = await run(importer);
    expect(first).toMatchObject({ items: 2, total: 4 });
    expect(JSON.parse(first.cursor!)).toMatchObject({ startAt: 2 });
    const rest = await run(importer, first.cursor);
    expect(rest.map(p => [p.items, p.total, p.cursor])).toEqual([[2, 4, null]]);
    expect(byId([...first.events, ...rest.flatMap(p => p.events)])).toEqual(
      webhookEvents,
    );
  });

  it('waits out a 429 with Retry-After, then succeeds', async () => {
    const importer = await setUp('cloud', [
      {
        path: '/rest/api/3/search/jql',
        nth: 1,
        status: 429,
        headers: { 'retry-after': '1' },
        body: { errorMessages: ['Rate limit exceeded.'] },
      },
    ]);
    const started = Date.now();
    const pages = await run(importer);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(byId(pages.flatMap(p => p.events))).toEqual(webhookEvents);
  });

  it('retries a 502', async () => {
    const importer = await setUp('cloud', [
      {
        path: '/rest/api/3/search/jql',
        nth: 2,
        status: 502,
        body: '<html>Bad Gateway</html>',
      },
    ]);
    const pages = await run(importer);
    expect(byId(pages.flatMap(p => p.events))).toEqual(webhookEvents);
    expect(fake!.requests.filter(r => r.includes('/search/jql'))).toHaveLength(
      3,
    );
  });

  it('fails on a 401 with a message naming the config and the Browse projects permission', async () => {
    const importer = await setUp('cloud', [], 'Basic d3Jvbmc6d3Jvbmc=');
    const failure = run(importer);
    await expect(failure).rejects.toBeInstanceOf(ImportFailedError);
    await expect(failure).rejects.toThrow(
      `valueStream.sources.jira (${
        fake!.baseUrl
      }): 401 Client must be authenticated to access this resource.; the account needs the "Browse projects" permission on project TES`,
    );
  });

  it('names a scope per project key of jira/project-key', async () => {
    const importer = await setUp('cloud');
    const entity = (annotations: Record<string, string>) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'x', annotations },
    });
    expect(
      importer.scopes(entity({ 'jira/project-key': 'tes, PAY,TES' })),
    ).toEqual(['TES', 'PAY']);
    expect(importer.scopes(entity({}))).toEqual([]);
  });
});
