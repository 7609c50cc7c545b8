import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';

export const valueStreamModuleArgocd = createBackendModule({
  pluginId: 'value-stream',
  moduleId: 'argocd',
  register(reg) {
    reg.registerInit({
      deps: { logger: coreServices.logger },
      async init({ logger }) {
        logger.info('Hello World!');
      },
    });
  },
});
