import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import type { SourceAdapter } from '@valuestream/backstage-plugin-value-stream-node';
import { createHmac } from 'crypto';
import express from 'express';
import request from 'supertest';
import { createValueStream } from '../createValueStream';
import { mockDeps } from '../__testUtils__/mockDeps';
import { databases } from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

const SECRET = 'never-log-me-3f9a1c';
const TOKEN = 'also-never-log-me-7b2e';

/** A logger that keeps every line it is given, children included. */
function recordingLogger() {
  const lines: string[] = [];
  const make = (): any => {
    const log = (msg: unknown, meta?: unknown) => {
      lines.push(`${String(msg)} ${meta ? JSON.stringify(meta) : ''}`);
    };
    return {
      error: log,
      warn: log,
      info: log,
      debug: log,
      child: () => make(),
    };
  };
  return { logger: make(), lines };
}

const github: SourceAdapter = {
  id: 'github',
  verify: (req, secret) =>
    req.headers['x-hub-signature-256'] ===
    `sha256=${createHmac('sha256', secret).update(req.rawBody).digest('hex')}`,
  toEvents: () => {
    throw new Error('boom');
  },
};

describe('secrets', () => {
  it('never appear in logs or responses, whatever the request', async () => {
    const knex = await databases.init('SQLITE_3');
    const { logger, lines } = recordingLogger();
    const vs = await createValueStream(
      mockDeps(knex, {
        config: mockServices.rootConfig({
          data: {
            backend: {
              auth: {
                externalAccess: [
                  { type: 'static', options: { token: TOKEN, subject: 't' } },
                ],
              },
            },
            valueStream: {
              notifications: { enabled: false },
              sources: { github: { webhookSecret: SECRET } },
            },
          },
        }),
        logger,
        sources: new Map([['github', github]]),
      }),
    );
    const app = express().use(vs.router).use(mockErrorHandler());
    const bodies: string[] = [];
    const body = '{"zen":"hi"}';
    const good = `sha256=${createHmac('sha256', SECRET)
      .update(body)
      .digest('hex')}`;
    for (const signature of [undefined, 'sha256=00', good, SECRET]) {
      const r = request(app)
        .post('/webhooks/github')
        .set('Content-Type', 'application/json');
      if (signature) r.set('X-Hub-Signature-256', signature);
      const res = await r.send(body);
      expect(res.status).toBeGreaterThanOrEqual(400); // wrong signatures, then a payload that throws
      bodies.push(res.text);
    }
    const bad = await request(app)
      .post('/events')
      .set('Authorization', mockCredentials.service.header())
      .send([{ id: 1 }]);
    bodies.push(bad.text);
    await vs.alerts.flush();

    expect(lines.length + bodies.length).toBeGreaterThan(0);
    for (const text of [...lines, ...bodies]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(TOKEN);
    }
  });
});
