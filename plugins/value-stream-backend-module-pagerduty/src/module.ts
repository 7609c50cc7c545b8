import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';

export const valueStreamModulePagerduty = createBackendModule({
  pluginId: 'value-stream',
  moduleId: 'pagerduty',
  register(reg) {
    reg.registerInit({
      deps: { logger: coreServices.logger },
      async init({ logger }) {
        logger.info('Hello World!');
      },
    });
  },
});
