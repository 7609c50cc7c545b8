// The measuring process of `yarn bench:import` (forked by bench/import.mjs with Backstage's
// node transform): runs one history importer against a fake in another process, drains its
// pages counting events and pages (keeping none), and samples `process.memoryUsage()` every
// 100 ms. Argv: `github|jira <url> <sinceIso>`. Sends `{ type: 'result', ... }` over IPC.
import { ConfigReader } from '@backstage/config';
import type { HistoryImporter } from '@valuestream/backstage-plugin-value-stream-node';
import { GithubHistoryImporter } from '../../plugins/value-stream-backend-module-github/src/import';
import { JiraHistoryImporter } from '../../plugins/value-stream-backend-module-jira/src/import/JiraHistoryImporter';
import { GITHUB_TOKEN, JIRA_AUTHORIZATION } from './fakeCredentials';

const MiB = 1024 * 1024;
const mib = (bytes: number) => Math.round((bytes / MiB) * 10) / 10;

const logger: any = {
  debug() {},
  info() {},
  warn: (m: string) => console.warn(m),
  error: (m: string) => console.error(m),
  child() {
    return logger;
  },
};

function importerFor(kind: string, url: string): HistoryImporter {
  if (kind === 'github')
    return GithubHistoryImporter.fromConfig(
      new ConfigReader({
        integrations: {
          github: [
            { host: 'github.com', apiBaseUrl: url, token: GITHUB_TOKEN },
          ],
        },
      }),
    );
  return new JiraHistoryImporter({
    config: {
      baseUrl: url,
      deployment: 'cloud',
      authorization: JIRA_AUTHORIZATION,
    },
  });
}

async function main() {
  const [kind, url, since] = process.argv.slice(2);
  const importer = importerFor(kind, url);
  const baseline = process.memoryUsage();
  const peak = { rss: baseline.rss, heapUsed: baseline.heapUsed };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
  };
  const sampler = setInterval(sample, 100);
  const byType: Record<string, number> = {};
  let events = 0;
  let pages = 0;
  let items = 0;
  let maxPageEvents = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for await (const page of importer.pages({
    entityRef: 'component:default/bench-main',
    scope: kind === 'github' ? 'acme/shop' : 'BEN',
    cursor: null,
    since: new Date(since),
    signal: new AbortController().signal,
    logger,
  })) {
    pages++;
    items += page.items;
    events += page.events.length;
    maxPageEvents = Math.max(maxPageEvents, page.events.length);
    for (const e of page.events) byType[e.type] = (byType[e.type] ?? 0) + 1;
    sample();
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  sample();
  // What the import left behind once garbage is collected (--expose-gc): the same at any size
  // when nothing proportional to the history is held.
  (globalThis as any).gc?.();
  const retained = process.memoryUsage();
  process.send?.({
    type: 'result',
    kind,
    items,
    pages,
    events,
    eventsByType: byType,
    maxPageEvents,
    seconds: Math.round(seconds * 100) / 100,
    eventsPerSecond: Math.round(events / seconds),
    cpuSeconds: Math.round(((cpu.user + cpu.system) / 1e6) * 100) / 100,
    memoryMiB: {
      baselineRss: mib(baseline.rss),
      baselineHeapUsed: mib(baseline.heapUsed),
      peakRss: mib(peak.rss),
      peakHeapUsed: mib(peak.heapUsed),
      retainedHeapUsedAfterGc: mib(retained.heapUsed),
    },
  });
}

main().then(
  () => process.disconnect?.(),
  e => {
    console.error(e);
    process.exit(1);
  },
);
