import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { valueStreamProducersExtensionPoint } from '@valuestream/backstage-plugin-value-stream-node';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { valueStreamModuleDemo } from './module';

/** A port nobody listens on now. */
async function freePort() {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

async function registeredProducers(config: object) {
  const producers = {
    addProducers: jest.fn(),
  } satisfies Partial<typeof valueStreamProducersExtensionPoint.T>;
  const backend = await startTestBackend({
    extensionPoints: [[valueStreamProducersExtensionPoint, producers]],
    features: [
      valueStreamModuleDemo,
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  await backend.stop();
  return producers.addProducers;
}

describe('valueStreamModuleDemo', () => {
  it('registers the demo producer when valueStream.demo.enabled is true', async () => {
    const addProducers = await registeredProducers({
      valueStream: { demo: { enabled: true } },
    });
    expect(addProducers).toHaveBeenCalledTimes(1);
    expect(addProducers).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'demo' }),
    );
  });

  it('registers nothing unless enabled', async () => {
    expect(await registeredProducers({})).not.toHaveBeenCalled();
    expect(
      await registeredProducers({ valueStream: { demo: { enabled: false } } }),
    ).not.toHaveBeenCalled();
  });

  it('refuses an anchor that is not a date', async () => {
    await expect(
      registeredProducers({
        valueStream: { demo: { enabled: true, anchor: 'last monday' } },
      }),
    ).rejects.toThrow(/valueStream.demo.anchor/);
  });

  it('serves the import demo GitHub on loopback with valueStream.demo.importApi, until the backend stops', async () => {
    const port = await freePort();
    const producers = { addProducers: jest.fn() };
    const backend = await startTestBackend({
      extensionPoints: [[valueStreamProducersExtensionPoint, producers]],
      features: [
        valueStreamModuleDemo,
        mockServices.rootConfig.factory({
          data: {
            valueStream: {
              demo: {
                enabled: true,
                importApi: { port, token: 't', pageDelayMs: 0 },
              },
            },
          },
        }),
      ],
    });
    const url = `http://127.0.0.1:${port}/repos/acme/checkout-service/deployments?per_page=1`;
    const answer = await fetch(url, { headers: { authorization: 'token t' } });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual([
      expect.objectContaining({ environment: expect.any(String) }),
    ]);
    expect(answer.headers.get('link')).toMatch(/rel="next"/);
    expect((await fetch(url)).status).toBe(401);
    await backend.stop();
    await expect(fetch(url)).rejects.toThrow();
  });

  it('starts without the import demo when its port is taken', async () => {
    const taken = createServer();
    await new Promise<void>(resolve => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const addProducers = await registeredProducers({
        valueStream: {
          demo: { enabled: true, importApi: { port, token: 't' } },
        },
      });
      expect(addProducers).toHaveBeenCalledTimes(1);
    } finally {
      await new Promise(resolve => taken.close(resolve));
    }
  });

  it('refuses the import demo in production', async () => {
    const env = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await expect(
        registeredProducers({
          valueStream: {
            demo: { enabled: true, importApi: { port: 0, token: 't' } },
          },
        }),
      ).rejects.toThrow(/development only/);
    } finally {
      process.env.NODE_ENV = env;
    }
  });
});
