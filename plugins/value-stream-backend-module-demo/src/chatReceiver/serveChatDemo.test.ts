import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { valueStreamProducersExtensionPoint } from '@valuestream/backstage-plugin-value-stream-node';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { valueStreamModuleDemo } from '../module';

async function freePort() {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

describe('the demo chat receiver', () => {
  it('is served with valueStream.demo.chatReceiver until the backend stops, and logs the count without a URL', async () => {
    const port = await freePort();
    const logger = mockServices.logger.mock();
    const backend = await startTestBackend({
      extensionPoints: [
        [valueStreamProducersExtensionPoint, { addProducers: jest.fn() }],
      ],
      features: [
        valueStreamModuleDemo,
        logger.factory,
        mockServices.rootConfig.factory({
          data: {
            valueStream: { demo: { enabled: true, chatReceiver: { port } } },
          },
        }),
      ],
    });
    const hook = `http://127.0.0.1:${port}/hooks/demo-secret`;
    for (const text of ['one', 'two'])
      expect(
        (
          await fetch(hook, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ text }),
          })
        ).status,
      ).toBe(200);
    const listed = await (
      await fetch(`http://127.0.0.1:${port}/messages`)
    ).json();
    expect(listed.messages.map((m: { text: string }) => m.text)).toEqual([
      'one',
      'two',
    ]);
    await new Promise(resolve => setTimeout(resolve, 1200));
    const lines = logger.info.mock.calls.map(c => String(c[0]));
    expect(lines).toContain('demo chat receiver: 2 messages');
    expect(lines.join('\n')).not.toContain('demo-secret');
    await backend.stop();
    await expect(fetch(`http://127.0.0.1:${port}/messages`)).rejects.toThrow();
  });

  it('is refused in production', async () => {
    const env = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await expect(
        startTestBackend({
          extensionPoints: [
            [valueStreamProducersExtensionPoint, { addProducers: jest.fn() }],
          ],
          features: [
            valueStreamModuleDemo,
            mockServices.rootConfig.factory({
              data: {
                valueStream: {
                  demo: { enabled: true, chatReceiver: { port: 0 } },
                },
              },
            }),
          ],
        }),
      ).rejects.toThrow(/development only/);
    } finally {
      process.env.NODE_ENV = env;
    }
  });
});
