import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Messages kept for `GET /messages`. */
const KEPT = 20;
/** Largest body read, in bytes (Slack's own limit is far below). */
const MAX_BODY = 256 * 1024;

/** One message the receiver accepted. */
export interface DemoChatMessage {
  receivedAt: string;
  text: string;
  blocks?: unknown[];
}

/** A running demo chat receiver. */
export interface DemoChatReceiver {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** Messages accepted since the start. */
  readonly count: number;
  /** The last ones, oldest first. */
  readonly messages: readonly DemoChatMessage[];
  close(): Promise<void>;
}

function answer(
  res: ServerResponse,
  status: number,
  body: string,
  type = 'text/plain',
) {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8` });
  res.end(body);
}

/**
 * A Slack incoming webhook on loopback (127.0.0.1), for the demo only: `POST` on any path
 * takes a Slack-shaped message (`text` a string, `blocks` an array if present), answers
 * `ok` as Slack does, or `400 invalid_payload`; `GET /messages` lists the last 20 as JSON
 * (`{ count, messages }`). `onMessage` is called after each one with the count.
 */
export async function startDemoChatReceiver(options: {
  /** 0 for an ephemeral port. */
  port: number;
  onMessage?: (count: number) => void;
}): Promise<DemoChatReceiver> {
  const kept: DemoChatMessage[] = [];
  let count = 0;
  const server = createServer(async (req, res) => {
    if (req.method === 'GET' && req.url === '/messages') {
      answer(
        res,
        200,
        JSON.stringify({ count, messages: kept }),
        'application/json',
      );
      return;
    }
    if (req.method !== 'POST') {
      answer(res, 404, 'not found');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) {
        answer(res, 413, 'too_large');
        return;
      }
      chunks.push(chunk as Buffer);
    }
    let body: any;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString());
    } catch {
      body = undefined;
    }
    if (
      typeof body?.text !== 'string' ||
      !body.text ||
      (body.blocks !== undefined && !Array.isArray(body.blocks))
    ) {
      answer(res, 400, 'invalid_payload');
      return;
    }
    count++;
    kept.push({
      receivedAt: new Date().toISOString(),
      text: body.text,
      ...(body.blocks ? { blocks: body.blocks } : {}),
    });
    if (kept.length > KEPT) kept.shift();
    answer(res, 200, 'ok');
    options.onMessage?.(count);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get count() {
      return count;
    },
    get messages() {
      return kept;
    },
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
