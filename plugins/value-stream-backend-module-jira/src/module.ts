import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';

export const valueStreamModuleJira = createBackendModule({
  pluginId: 'value-stream',
  moduleId: 'jira',
  register(reg) {
    reg.registerInit({
      deps: { logger: coreServices.logger },
      async init({ logger }) {
        logger.info('Hello World!');
      },
    });
  },
});
