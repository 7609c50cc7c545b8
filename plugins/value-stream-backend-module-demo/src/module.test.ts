import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { valueStreamProducersExtensionPoint } from '@valuestream/backstage-plugin-value-stream-node';
import { valueStreamModuleDemo } from './module';

async function registeredProducers(config: object) {
  const producers = {
    addProducers: jest.fn(),
  } satisfies Partial<typeof valueStreamProducersExtensionPoint.T>;
  await startTestBackend({
    extensionPoints: [[valueStreamProducersExtensionPoint, producers]],
    features: [
      valueStreamModuleDemo,
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
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
});
