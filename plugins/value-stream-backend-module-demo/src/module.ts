import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { valueStreamProducersExtensionPoint } from '@valuestream/backstage-plugin-value-stream-node';
import { readDemoConfig } from './config';
import { createDemoProducer } from './createDemoProducer';

/**
 * Demo data for the example services: 90 days of history and new events as
 * time goes by, through the real ingest path. Only when
 * `valueStream.demo.enabled` is true.
 * @public
 */
export const valueStreamModuleDemo = createBackendModule({
  pluginId: 'value-stream',
  moduleId: 'demo',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        producers: valueStreamProducersExtensionPoint,
      },
      async init({ config, logger, scheduler, producers }) {
        const demo = readDemoConfig(config);
        if (!demo.enabled) return;
        producers.addProducers(
          createDemoProducer({ config: demo, logger, scheduler }),
        );
      },
    });
  },
});
