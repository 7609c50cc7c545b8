import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { valueStreamProducersExtensionPoint } from '@valuestream/backstage-plugin-value-stream-node';
import { readDemoConfig } from './config';
import { createDemoProducer } from './createDemoProducer';
import { serveChatDemo } from './chatReceiver/serveChatDemo';
import { serveImportDemo } from './importApi/serveImportDemo';

/**
 * Demo data for the example services: 90 days of history and new events as
 * time goes by, through the real ingest path. Only when
 * `valueStream.demo.enabled` is true. With `valueStream.demo.importApi`
 * (development), also a loopback GitHub holding `checkout-service`'s history,
 * which arrives through the GitHub importer. With `valueStream.demo.chatReceiver`
 * (development), also a loopback Slack-shaped webhook receiving the new alerts.
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
        lifecycle: coreServices.lifecycle,
        scheduler: coreServices.scheduler,
        producers: valueStreamProducersExtensionPoint,
      },
      async init({ config, logger, lifecycle, scheduler, producers }) {
        const demo = readDemoConfig(config);
        if (!demo.enabled) return;
        const { importApi } = demo;
        if (importApi) {
          await serveImportDemo({
            config: { ...demo, importApi },
            logger,
            lifecycle,
          });
        }
        if (demo.chatReceiver) {
          await serveChatDemo({
            port: demo.chatReceiver.port,
            logger,
            lifecycle,
          });
        }
        producers.addProducers(
          createDemoProducer({ config: demo, logger, scheduler }),
        );
      },
    });
  },
});
