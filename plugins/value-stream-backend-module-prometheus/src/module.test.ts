import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { valueStreamProducersExtensionPoint } from '@valuestream/backstage-plugin-value-stream-node';
import { valueStreamModulePrometheus } from './module';

async function registeredProducers(prometheus?: object) {
  const producers = {
    addProducers: jest.fn(),
  } satisfies Partial<typeof valueStreamProducersExtensionPoint.T>;
  const backend = await startTestBackend({
    extensionPoints: [[valueStreamProducersExtensionPoint, producers]],
    features: [
      valueStreamModulePrometheus,
      mockServices.rootConfig.factory({
        data: prometheus ? { valueStream: { sources: { prometheus } } } : {},
      }),
    ],
  });
  await backend.stop();
  return producers.addProducers;
}

describe('valueStreamModulePrometheus', () => {
  it('registers its producer when baseUrl and features are set', async () => {
    const addProducers = await registeredProducers({
      baseUrl: 'http://127.0.0.1:9090',
      features: { 'PAY-12': 'sum(increase(checkout_total[1d]))' },
    });
    expect(addProducers).toHaveBeenCalledTimes(1);
    expect(addProducers).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'prometheus' }),
    );
  });

  it('registers nothing without them', async () => {
    expect(await registeredProducers()).not.toHaveBeenCalled();
    expect(
      await registeredProducers({ baseUrl: 'http://127.0.0.1:9090' }),
    ).not.toHaveBeenCalled();
  });

  it('refuses a malformed configuration at start-up, naming the key', async () => {
    await expect(
      registeredProducers({
        baseUrl: 'http://127.0.0.1:9090',
        features: { 'PAY-12': '' },
      }),
    ).rejects.toThrow(
      'valueStream.sources.prometheus.features.PAY-12: expected a PromQL query',
    );
  });
});
