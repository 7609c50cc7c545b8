import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { valueStreamProducersExtensionPoint } from '@valuestream/backstage-plugin-value-stream-node';
import { readPrometheusConfig } from './config';
import { createPrometheusProducer } from './createPrometheusProducer';

/**
 * Feature usage from Prometheus: runs the PromQL query configured per feature
 * (`valueStream.sources.prometheus.features`) for each day and reports the answer as
 * `usage.reported`, an input of the feature's outcome and Feature Success Score.
 * @public
 */
export const valueStreamModulePrometheus = createBackendModule({
  pluginId: 'value-stream',
  moduleId: 'prometheus',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        producers: valueStreamProducersExtensionPoint,
      },
      async init({ config, logger, scheduler, producers }) {
        const prometheus = readPrometheusConfig(config);
        if (!prometheus) return;
        producers.addProducers(
          createPrometheusProducer({ config: prometheus, logger, scheduler }),
        );
      },
    });
  },
});
