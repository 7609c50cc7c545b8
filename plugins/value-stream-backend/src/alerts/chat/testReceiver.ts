import type { LoggerService } from '@backstage/backend-plugin-api';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A status to answer, or none ever. @internal */
export type Answer =
  | number
  | 'hang'
  | { status: number; headers: Record<string, string> };
/** A post the receiver got. @internal */
export interface Received {
  path: string;
  body: any;
  /** Epoch ms. */
  at: number;
}

/** A chat on loopback (for tests): answers each POST as `answer(n)` says (n counts from 1). @internal */
export async function startReceiver(answer: (n: number) => Answer = () => 200) {
  const received: Received[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    received.push({
      path: req.url ?? '',
      body: JSON.parse(Buffer.concat(chunks).toString()),
      at: Date.now(),
    });
    const a = answer(received.length);
    if (a === 'hang') return; // never answers
    const { status, headers } =
      typeof a === 'number' ? { status: a, headers: {} } : a;
    res.writeHead(status, { 'content-type': 'text/plain', ...headers });
    res.end(status === 200 ? 'ok' : 'error');
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    received,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>(r => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A logger that keeps every line and its fields, as text (for tests). @internal */
export function capturingLogger() {
  const lines: string[] = [];
  const log =
    (level: string) =>
    (message: string, meta?: unknown): void => {
      lines.push(`${level} ${message} ${meta ? JSON.stringify(meta) : ''}`);
    };
  const logger: LoggerService = {
    error: log('error'),
    warn: log('warn'),
    info: log('info'),
    debug: log('debug'),
    child: () => logger,
  };
  return { logger, lines };
}
