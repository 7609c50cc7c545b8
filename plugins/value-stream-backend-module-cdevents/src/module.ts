import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';

export const valueStreamModuleCdevents = createBackendModule({
  pluginId: 'value-stream',
  moduleId: 'cdevents',
  register(reg) {
    reg.registerInit({
      deps: { logger: coreServices.logger },
      async init({ logger }) {
        logger.info('Hello World!');
      },
    });
  },
});
