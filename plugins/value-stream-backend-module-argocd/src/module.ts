import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { valueStreamSourcesExtensionPoint } from '@valuestream/backstage-plugin-value-stream-node';
import { createArgoCdSourceAdapter } from './adapter';

/**
 * Adds Argo CD sync notifications as a value-stream deployment source.
 * @public
 */
export const valueStreamModuleArgocd = createBackendModule({
  pluginId: 'value-stream',
  moduleId: 'argocd',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        sources: valueStreamSourcesExtensionPoint,
      },
      async init({ config, sources }) {
        sources.addSources(
          createArgoCdSourceAdapter({
            environmentLabel: config.getOptionalString(
              'valueStream.sources.argocd.environmentLabel',
            ),
          }),
        );
      },
    });
  },
});
