import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import valueStreamModuleJira from '@valuestream/backstage-plugin-value-stream-backend-module-jira';
import {
  type HistoryImporter,
  valueStreamImportersExtensionPoint,
  valueStreamSourcesExtensionPoint,
} from '@valuestream/backstage-plugin-value-stream-node';
import { DAY } from '../generate/time';
import { importDemoHistory } from './importDemoHistory';
import { startDemoImportApi, type DemoImportApi } from './startDemoImportApi';

const NOW = Date.now();
const TOKEN = 'demo-import-token';
const history = importDemoHistory({
  seed: 42,
  days: 90,
  anchor: NOW - 3 * DAY,
  now: NOW,
});

/** The real Jira importer, as the Jira module registers it from `valueStream.sources.jira`. */
async function jiraImporter(baseUrl: string, token = TOKEN) {
  const addImporters = jest.fn();
  const backend = await startTestBackend({
    extensionPoints: [
      [valueStreamSourcesExtensionPoint, { addSources: jest.fn() }],
      [valueStreamImportersExtensionPoint, { addImporters }],
    ],
    features: [
      valueStreamModuleJira,
      mockServices.rootConfig.factory({
        data: { valueStream: { sources: { jira: { baseUrl, token } } } },
      }),
    ],
  });
  await backend.stop();
  return addImporters.mock.calls.flat()[0] as HistoryImporter;
}

async function importProject(importer: HistoryImporter, project: string) {
  const [scope] = importer.scopes({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout-service',
      annotations: { 'jira/project-key': project },
    },
  });
  const events: CanonicalEvent[] = [];
  const totals: Array<number | undefined> = [];
  let items = 0;
  for await (const page of importer.pages({
    entityRef: 'component:default/checkout-service',
    scope,
    cursor: null,
    since: new Date(NOW - 90 * DAY),
    signal: new AbortController().signal,
    logger: mockServices.logger.mock(),
  })) {
    events.push(...page.events);
    totals.push(page.total);
    items += page.items;
  }
  return { events, totals, items };
}

describe('the demo Jira', () => {
  let api: DemoImportApi | undefined;
  afterEach(() => api?.close());

  it("answers the Jira importer's search: every issue with its status changes and flags, paged with a total", async () => {
    api = await startDemoImportApi({
      history,
      token: TOKEN,
      port: 0,
      pageDelayMs: 0,
    });
    const { events, totals, items } = await importProject(
      await jiraImporter(api.url),
      'CHS',
    );
    const issues = history.jira.issues.filter(
      i => Date.parse(i.fields.updated.replace('+0000', 'Z')) >= NOW - 90 * DAY,
    );
    expect(issues.length).toBeGreaterThan(100);
    expect(items).toBe(issues.length);
    expect(totals.length).toBeGreaterThan(2); // 50 a page
    expect(new Set(totals)).toEqual(new Set([issues.length]));
    const count = (type: string) => events.filter(e => e.type === type).length;
    expect(count('work_item.created')).toBe(issues.length);
    const changes = issues.flatMap(i => i.histories.flatMap(h => h.items));
    expect(count('work_item.status_changed')).toBe(
      changes.filter(c => c.field === 'status').length,
    );
    expect(count('work_item.blocked')).toBe(
      changes.filter(c => c.field === 'Flagged' && c.toString).length,
    );
    expect(count('work_item.blocked')).toBeGreaterThan(0);
    const done = events.filter(
      e => e.type === 'work_item.status_changed' && e.data.to === 'Done',
    );
    expect(done.length).toBeGreaterThan(50);
    expect(new Set(events.map(e => e.id)).size).toBe(events.length);
  });

  it('holds no issues of the other example projects', async () => {
    api = await startDemoImportApi({
      history,
      token: TOKEN,
      port: 0,
      pageDelayMs: 0,
    });
    const { events, items } = await importProject(
      await jiraImporter(api.url),
      'PAY',
    );
    expect(events).toEqual([]);
    expect(items).toBe(0);
  });

  it('refuses another token as Jira does: the import fails naming valueStream.sources.jira', async () => {
    api = await startDemoImportApi({
      history,
      token: TOKEN,
      port: 0,
      pageDelayMs: 0,
    });
    await expect(
      importProject(await jiraImporter(api.url, 'wrong'), 'CHS'),
    ).rejects.toThrow(/valueStream\.sources\.jira/);
  });
});
