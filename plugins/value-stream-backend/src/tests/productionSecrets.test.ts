import request from 'supertest';
import { startValueStream } from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

/** Runs `fn` with NODE_ENV set as the backend image sets it. */
async function inMode<T>(nodeEnv: string, fn: () => Promise<T>): Promise<T> {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = nodeEnv;
  try {
    return await fn();
  } finally {
    process.env.NODE_ENV = before;
  }
}

const sources = (github: string) => ({
  sources: { github: { webhookSecret: github } },
});

describe('webhook secrets at start-up', () => {
  it('refuses to start in production with a published development secret', async () => {
    await expect(
      inMode('production', () =>
        startValueStream('SQLITE_3', {
          config: sources('dev-github-webhook-secret'),
        }),
      ),
    ).rejects.toThrow(
      'valueStream.sources.github.webhookSecret is a published development value',
    );
  });

  it('refuses to start in production with a secret shorter than 16 characters', async () => {
    await expect(
      inMode('production', () =>
        startValueStream('SQLITE_3', { config: sources('only-15-chars!!') }),
      ),
    ).rejects.toThrow(
      'valueStream.sources.github.webhookSecret is shorter than 16 characters',
    );
  });

  it('starts in production with a strong secret', async () => {
    const vs = await inMode('production', () =>
      startValueStream('SQLITE_3', {
        config: sources('3f9a1c7b2e5d8a0f4c6e1b9d'),
      }),
    );
    try {
      const res = await request(vs.server).get('/api/value-stream/health');
      expect(res.status).toBe(200);
    } finally {
      await vs.backend.stop();
    }
  });

  it('accepts the development secret outside production', async () => {
    const vs = await inMode('development', () =>
      startValueStream('SQLITE_3', {
        config: sources('dev-github-webhook-secret'),
      }),
    );
    try {
      const res = await request(vs.server).get('/api/value-stream/health');
      expect(res.status).toBe(200);
    } finally {
      await vs.backend.stop();
    }
  });
});
