import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { ImportFailedError } from '../importers';
import { fetchJson, type FetchJsonOptions } from './fetchJson';
import { rateLimitWaitMs } from './retryDelay';

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;

/** A real HTTP server on 127.0.0.1 answering the n-th request (1-based) with `handler`. */
async function serve(handler: Handler) {
  let n = 0;
  const server: Server = createServer((req, res) => handler(req, res, ++n));
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api`,
    requests: () => n,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const json = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers = {},
) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

const options: FetchJsonOptions = {
  integration: 'valueStream.sources.jira (test)',
  missingRight: 'the user needs the "Browse projects" permission',
  backoffMs: 10,
  timeoutMs: 500,
};

let server: Awaited<ReturnType<typeof serve>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('fetchJson', () => {
  it('returns the parsed body, status and headers, sending the given init', async () => {
    server = await serve((req, res) =>
      json(
        res,
        200,
        { method: req.method, auth: req.headers.authorization },
        { 'x-total': '7' },
      ),
    );
    const answer = await fetchJson<{ method: string; auth: string }>(
      server.url,
      { method: 'POST', headers: { authorization: 'Bearer t' } },
      options,
    );
    expect(answer.data).toEqual({ method: 'POST', auth: 'Bearer t' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-total')).toBe('7');
  });

  it('retries 502s and 500s with backoff, then succeeds', async () => {
    const waits: string[] = [];
    const answers = [
      [502, { message: 'Bad Gateway' }],
      [500, {}],
    ] as const;
    server = await serve((_req, res, n) =>
      json(res, answers[n - 1]?.[0] ?? 200, answers[n - 1]?.[1] ?? { ok: n }),
    );
    const answer = await fetchJson(
      server.url,
      {},
      { ...options, onWait: w => waits.push(w.reason) },
    );
    expect(answer.data).toEqual({ ok: 3 });
    expect(waits).toEqual(['502 Bad Gateway', '500']);
  });

  it('gives up on 5xx after the retries, naming the integration', async () => {
    server = await serve((_req, res) => json(res, 503, { message: 'down' }));
    await expect(
      fetchJson(server.url, {}, { ...options, retries: 2 }),
    ).rejects.toThrow(
      'valueStream.sources.jira (test): 503 down after 2 retries',
    );
    expect(server.requests()).toBe(3);
  });

  it('retries a request that times out', async () => {
    server = await serve((_req, res, n) => {
      if (n === 1) return; // never answers: the attempt's timeout fires
      json(res, 200, { n });
    });
    const waits: string[] = [];
    const answer = await fetchJson(
      server.url,
      {},
      { ...options, timeoutMs: 200, onWait: w => waits.push(w.reason) },
    );
    expect(answer.data).toEqual({ n: 2 });
    expect(waits).toEqual(['timed out after 200 ms']);
  });

  it('retries a dropped connection', async () => {
    server = await serve((req, res, n) =>
      n === 1 ? req.socket.destroy() : json(res, 200, { n }),
    );
    expect((await fetchJson(server.url, {}, options)).data).toEqual({ n: 2 });
  });

  it('waits out a 429 for its Retry-After seconds', async () => {
    const times: number[] = [];
    server = await serve((_req, res, n) => {
      times.push(Date.now());
      if (n === 1)
        json(
          res,
          429,
          { errorMessages: ['Rate limit exceeded'] },
          { 'retry-after': '1' },
        );
      else json(res, 200, { n });
    });
    const waits: Array<{ ms: number; reason: string }> = [];
    const answer = await fetchJson(
      server.url,
      {},
      { ...options, onWait: w => waits.push(w) },
    );
    expect(answer.data).toEqual({ n: 2 });
    expect(waits).toEqual([
      { ms: 1000, reason: 'rate limited (429 Rate limit exceeded)' },
    ]);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(950);
  });

  it('waits out a 503 with an HTTP-date Retry-After and a GitLab RateLimit-Reset', async () => {
    server = await serve((_req, res, n) => {
      if (n === 1)
        json(
          res,
          503,
          {},
          { 'retry-after': new Date(Date.now() + 1500).toUTCString() },
        );
      else if (n === 2)
        json(
          res,
          429,
          {},
          { 'ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 1) },
        );
      else json(res, 200, { n });
    });
    const waits: number[] = [];
    const answer = await fetchJson(
      server.url,
      {},
      { ...options, onWait: w => waits.push(w.ms) },
    );
    expect(answer.data).toEqual({ n: 3 });
    expect(waits).toHaveLength(2);
    // HTTP dates have whole seconds
    expect(waits[0]).toBeGreaterThan(0);
    expect(waits[0]).toBeLessThanOrEqual(1500);
    expect(waits[1]).toBeGreaterThan(0);
    expect(waits[1]).toBeLessThanOrEqual(2000);
  });

  it('backs off on a 503 that carries RateLimit-Reset with quota left (GitLab sends it always)', async () => {
    const reset = String(Math.ceil(Date.now() / 1000) + 60);
    server = await serve((_req, res, n) => {
      if (n === 1)
        json(
          res,
          503,
          { message: 'down' },
          { 'ratelimit-reset': reset, 'ratelimit-remaining': '1999' },
        );
      else json(res, 200, { n });
    });
    const waits: string[] = [];
    const t0 = Date.now();
    const answer = await fetchJson(
      server.url,
      {},
      { ...options, onWait: w => waits.push(w.reason) },
    );
    expect(answer.data).toEqual({ n: 2 });
    // a backoff of milliseconds, not a wait of a minute until the reset
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(waits.some(r => r.startsWith('rate limited'))).toBe(false);
  });

  it.each([401, 403, 404])(
    'fails on %p with the integration, the answer and the missing right',
    async status => {
      server = await serve((_req, res) =>
        json(res, status, { errorMessages: ['Client must be authenticated'] }),
      );
      const failure = fetchJson(server.url, {}, options);
      await expect(failure).rejects.toBeInstanceOf(ImportFailedError);
      await expect(failure).rejects.toThrow(
        `valueStream.sources.jira (test): ${status} Client must be authenticated; the user needs the "Browse projects" permission`,
      );
      expect(server.requests()).toBe(1);
    },
  );

  it('fails on another 4xx with the tool answer, without retrying', async () => {
    server = await serve((_req, res) =>
      json(res, 400, { errorMessages: ["Field 'x' does not exist"] }),
    );
    await expect(fetchJson(server.url, {}, options)).rejects.toThrow(
      new ImportFailedError(
        `valueStream.sources.jira (test): 400 Field 'x' does not exist`,
      ),
    );
    expect(server.requests()).toBe(1);
  });

  it('fails on a 2xx that is not JSON (a login page), naming the integration', async () => {
    server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>Sign in</html>');
    });
    await expect(fetchJson(server.url, {}, options)).rejects.toThrow(
      new ImportFailedError(
        'valueStream.sources.jira (test): 200 answer is not JSON: <html>Sign in</html>',
      ),
    );
  });

  it('stops waiting when the signal aborts', async () => {
    server = await serve((_req, res) =>
      json(res, 429, {}, { 'retry-after': '60' }),
    );
    const controller = new AbortController();
    const failure = fetchJson(
      server.url,
      {},
      { ...options, signal: controller.signal },
    );
    setTimeout(() => controller.abort(new Error('stopping')), 100);
    await expect(failure).rejects.toThrow('stopping');
  });
});

describe('rateLimitWaitMs', () => {
  const now = Date.parse('2026-12-04T02:00:00Z');
  it.each([
    [{ 'retry-after': '120' }, 120_000],
    [{ 'retry-after': 'Fri, 04 Dec 2026 02:00:30 GMT' }, 30_000],
    [{ 'retry-after': 'Fri, 04 Dec 2026 01:00:00 GMT' }, 0],
    [{ 'ratelimit-reset': String(now / 1000 + 45) }, 45_000],
    [{ 'ratelimit-reset': '10' }, 10_000],
    [{}, undefined],
    [{ 'retry-after': 'soon' }, undefined],
  ])('%p → %p', (headers, ms) => {
    expect(rateLimitWaitMs(new Headers(headers), now)).toBe(ms);
  });
});
