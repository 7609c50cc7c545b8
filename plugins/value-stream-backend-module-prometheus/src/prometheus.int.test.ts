import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The end-to-end test needs the real backend plugin next to the module.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import valueStreamPlugin from '@valuestream/backstage-plugin-value-stream-backend';
import { validateCanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { collectUsage } from './collectUsage';
import { PROMETHEUS_TASK_ID } from './createPrometheusProducer';
import { valueStreamModulePrometheus } from './module';

// Against a real Prometheus (Debian's `prometheus`, installed by scripts/setup.sh),
// started here on loopback and scraping a /metrics endpoint this test serves.
jest.setTimeout(120_000);

const DAY_MS = 86_400_000;
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const binary = spawnSync('sh', ['-c', 'command -v prometheus'], {
  encoding: 'utf8',
}).stdout.trim();
const ci = process.env.CI === 'true';
if (!binary && !ci) {
  // eslint-disable-next-line no-console
  console.warn(
    'Skipping the Prometheus module test: `prometheus` is not installed (apt-get install prometheus, or scripts/setup.sh). Under CI=true it fails instead.',
  );
}
const describeWithPrometheus = binary || ci ? describe : describe.skip;

const METRICS = [
  '# HELP vs_test_checkout_total Checkouts through the new flow.',
  '# TYPE vs_test_checkout_total counter',
  'vs_test_checkout_total{region="eu"} 30',
  'vs_test_checkout_total{region="us"} 12',
  '',
].join('\n');

async function listen(server: Server): Promise<number> {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function freePort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise(resolve => server.close(resolve));
  return port;
}

describeWithPrometheus('collectUsage against a real Prometheus', () => {
  let target: Server;
  let prometheus: ChildProcess | undefined;
  let dir: string;
  let baseUrl: string;
  let output = '';

  beforeAll(async () => {
    if (!binary)
      throw new Error(
        'prometheus is not installed (CI=true): apt-get install prometheus, or run scripts/setup.sh',
      );
    target = createServer((req, res) => {
      if (req.url === '/metrics') {
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
        res.end(METRICS);
      } else {
        res.writeHead(404).end();
      }
    });
    const targetPort = await listen(target);
    const port = await freePort();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vs-prometheus-'));
    fs.writeFileSync(
      path.join(dir, 'prometheus.yml'),
      [
        'global:',
        '  scrape_interval: 1s',
        '  evaluation_interval: 1s',
        'scrape_configs:',
        '  - job_name: vs-test',
        '    scrape_interval: 1s',
        '    static_configs:',
        `      - targets: ['127.0.0.1:${targetPort}']`,
        '',
      ].join('\n'),
    );
    prometheus = spawn(
      binary,
      [
        `--config.file=${path.join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${path.join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    prometheus.stdout!.on('data', d => (output += d));
    prometheus.stderr!.on('data', d => (output += d));
    baseUrl = `http://127.0.0.1:${port}`;

    // until the series has been scraped
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (prometheus.exitCode !== null)
        throw new Error(`prometheus exited: ${output.slice(-2000)}`);
      try {
        const r = await fetch(
          `${baseUrl}/api/v1/query?query=vs_test_checkout_total`,
        );
        const body = await r.json();
        if (body?.data?.result?.length === 2) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline)
        throw new Error(
          `the series never appeared in Prometheus: ${output.slice(-2000)}`,
        );
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  });

  afterAll(async () => {
    if (prometheus && prometheus.exitCode === null) {
      const exited = new Promise(resolve => prometheus!.once('exit', resolve));
      prometheus.kill('SIGTERM');
      const timer = setTimeout(() => prometheus!.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await new Promise(resolve => (target ? target.close(resolve) : resolve(0)));
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("reports each feature's daily usage as usage.reported", async () => {
    const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
    const logger = mockServices.logger.mock();
    // A run just after today ends: today is the last complete day, evaluated at its end.
    const events = await collectUsage({
      config: {
        baseUrl,
        features: {
          'PAY-12': 'sum(max_over_time(vs_test_checkout_total[1d]))',
          'PAY-13': 'max_over_time(vs_test_checkout_total{region="eu"}[1d])',
          'PAY-14': 'sum(max_over_time(vs_test_unknown_total[1d]))', // no series
          'PAY-15': 'sum(', // invalid PromQL
        },
        days: 2,
      },
      logger,
      now: today + DAY_MS + 60_000,
    });
    const from = new Date(today).toISOString();
    const to = new Date(today + DAY_MS).toISOString();
    // 30 + 12 for PAY-12, 30 for PAY-13; yesterday has no samples, PAY-14 no series
    expect(events).toEqual([
      {
        id: `usage:PAY-12:${from.slice(0, 10)}`,
        source: 'prometheus',
        type: 'usage.reported',
        occurredAt: to,
        data: { workItemKey: 'PAY-12', count: 42, from, to },
      },
      {
        id: `usage:PAY-13:${from.slice(0, 10)}`,
        source: 'prometheus',
        type: 'usage.reported',
        occurredAt: to,
        data: { workItemKey: 'PAY-13', count: 30, from, to },
      },
    ]);
    for (const e of events) expect(validateCanonicalEvent(e).ok).toBe(true);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^valueStream\.sources\.prometheus\.features\.PAY-15: query failed, skipped: .*400.*parse error/,
      ),
    );
  });

  describe.each(databases.eachSupportedId())(
    'the module in a backend on %p',
    databaseId => {
      it('ingests what its daily task reports, once', async () => {
        const knex = await databases.init(databaseId);
        const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
        const scheduler = mockServices.scheduler.mock({
          scheduleTask: async task => {
            tasks.push(task);
          },
        });
        const yesterday = Math.floor(Date.now() / DAY_MS) * DAY_MS - DAY_MS;
        const backend = await startTestBackend({
          features: [
            valueStreamPlugin,
            valueStreamModulePrometheus,
            scheduler.factory,
            mockServices.database.factory({ knex }),
            catalogServiceMock.factory({ entities: [] }),
            mockServices.rootConfig.factory({
              data: {
                valueStream: {
                  notifications: { enabled: false },
                  sources: {
                    prometheus: {
                      baseUrl,
                      days: 1,
                      features: {
                        // The real clock's yesterday has no samples yet: read now's with @
                        // (in ms: a whole second could precede the first scrape).
                        'PAY-12': `sum(vs_test_checkout_total @ ${(
                          Date.now() / 1000
                        ).toFixed(3)})`,
                      },
                    },
                  },
                },
              },
            }),
          ],
        });
        try {
          const task = tasks.find(t => t.id === PROMETHEUS_TASK_ID);
          expect(task).toMatchObject({
            scope: 'global',
            frequency: { hours: 24 },
          });
          await task!.fn(new AbortController().signal);
          await task!.fn(new AbortController().signal); // the same day again: a no-op
          const rows = await knex('vs_events')
            .where({ source: 'prometheus' })
            .select('id', 'type', 'subject', 'payload');
          const day = new Date(yesterday).toISOString();
          expect(rows.map(r => [r.id, r.type, r.subject])).toEqual([
            [
              `usage:PAY-12:${day.slice(0, 10)}`,
              'usage.reported',
              'feature:PAY-12',
            ],
          ]);
          expect(JSON.parse(rows[0].payload).data).toEqual({
            workItemKey: 'PAY-12',
            count: 42,
            from: day,
            to: new Date(yesterday + DAY_MS).toISOString(),
          });
        } finally {
          await backend.stop();
        }
      });
    },
  );
});
