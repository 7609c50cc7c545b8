import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';

export const valueStreamModuleJenkins = createBackendModule({
  pluginId: 'value-stream',
  moduleId: 'jenkins',
  register(reg) {
    reg.registerInit({
      deps: { logger: coreServices.logger },
      async init({ logger }) {
        logger.info('Hello World!');
      },
    });
  },
});
