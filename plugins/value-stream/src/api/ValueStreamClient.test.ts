import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import {
  alertHistory,
  alerts,
  groupMetrics,
  metrics,
  workItemDetail,
  workItems,
} from '../__fixtures__';
import { ValueStreamClient } from './ValueStreamClient';

const baseUrl = 'http://backstage.test/api/value-stream';
const server = setupServer();
registerMswTestHooks(server);

function createClient() {
  return new ValueStreamClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: new MockFetchApi(),
  });
}

/** Answers `body` and records the URLs requested. */
function respondWith(path: string, body: JsonBodyType) {
  const urls: URL[] = [];
  server.use(
    http.get(`${baseUrl}${path}`, ({ request }) => {
      urls.push(new URL(request.url));
      return HttpResponse.json(body);
    }),
  );
  return urls;
}

describe('ValueStreamClient', () => {
  it('gets metrics of an entity for a window', async () => {
    const urls = respondWith(
      '/entities/component/default/payments/metrics',
      metrics,
    );
    const result = await createClient().getMetrics(
      'component:default/payments',
      { from: '2025-05-02T00:00:00.000Z', to: '2025-06-01T00:00:00.000Z' },
    );
    expect(result.flow.load).toBe(4);
    expect(urls).toHaveLength(1);
    expect(Object.fromEntries(urls[0].searchParams)).toEqual({
      from: '2025-05-02T00:00:00.000Z',
      to: '2025-06-01T00:00:00.000Z',
    });
  });

  it('lowercases the kind and passes only the given work-item filters', async () => {
    const urls = respondWith(
      '/entities/system/ops/checkout/work-items',
      workItems,
    );
    await createClient().getWorkItems('System:ops/checkout', {
      state: 'open',
      stage: 'Code Review',
      limit: 1000,
      cursor: 'abc',
    });
    expect(Object.fromEntries(urls[0].searchParams)).toEqual({
      state: 'open',
      stage: 'Code Review',
      limit: '1000',
      cursor: 'abc',
    });
  });

  it('URL-encodes a work-item key', async () => {
    const urls = respondWith('/work-items/:key', workItemDetail);
    await createClient().getWorkItem('acme/payments#12');
    expect(urls[0].pathname).toBe(
      '/api/value-stream/work-items/acme%2Fpayments%2312',
    );
  });

  it('gets the alert history of an entity for a window', async () => {
    const urls = respondWith(
      '/entities/component/default/payments/alerts/history',
      alertHistory,
    );
    await expect(
      createClient().getAlertHistory('component:default/payments', {
        from: '2026-11-04T00:00:00.000Z',
        to: '2026-11-16T00:00:00.000Z',
      }),
    ).resolves.toEqual(alertHistory);
    expect(Object.fromEntries(urls[0].searchParams)).toEqual({
      from: '2026-11-04T00:00:00.000Z',
      to: '2026-11-16T00:00:00.000Z',
    });
  });

  it('gets alerts by status and timeseries by metric', async () => {
    const alertUrls = respondWith(
      '/entities/component/default/payments/alerts',
      alerts,
    );
    const seriesUrls = respondWith(
      '/entities/component/default/payments/timeseries',
      { metric: 'throughput', interval: 'week', points: [] },
    );
    const client = createClient();
    await expect(
      client.getAlerts('component:default/payments', 'open'),
    ).resolves.toEqual(alerts);
    await client.getTimeseries('component:default/payments', {
      metric: 'throughput',
      interval: 'week',
      from: '2025-05-01T00:00:00.000Z',
    });
    expect(alertUrls[0].search).toBe('?status=open');
    expect(Object.fromEntries(seriesUrls[0].searchParams)).toEqual({
      metric: 'throughput',
      interval: 'week',
      from: '2025-05-01T00:00:00.000Z',
    });
  });

  it('gets group metrics by namespace and name', async () => {
    const urls = respondWith(
      '/groups/default/team-payments/metrics',
      groupMetrics,
    );
    const result = await createClient().getGroupMetrics(
      'group:default/team-payments',
    );
    expect(result.entityRefs).toEqual([
      'component:default/payments',
      'component:default/checkout',
    ]);
    expect(urls[0].search).toBe('');
  });

  it("gets an entity's import jobs, and none from a backend without the route", async () => {
    const answer = {
      entityRef: 'component:default/payments',
      jobs: [{ source: 'github', scope: 'acme/payments', state: 'done' }],
    };
    respondWith('/entities/component/default/payments/import', answer);
    expect(
      await createClient().getImport('component:default/payments'),
    ).toEqual(answer);
    server.use(
      http.get(`${baseUrl}/entities/component/default/orders/import`, () =>
        HttpResponse.json(
          { error: { name: 'NotFoundError', message: 'Not found' } },
          { status: 404 },
        ),
      ),
    );
    expect(await createClient().getImport('component:default/orders')).toEqual({
      entityRef: 'component:default/orders',
      jobs: [],
    });
  });

  it('throws a ResponseError on a non-2xx answer', async () => {
    server.use(
      http.get(`${baseUrl}/work-items/:key`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'No work item PAY-1' },
            request: { method: 'GET', url: '/work-items/PAY-1' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );
    const error = await createClient()
      .getWorkItem('PAY-1')
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(error.body.error.message).toBe('No work item PAY-1');
  });
});
