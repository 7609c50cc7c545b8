import { createBackendModule } from '@backstage/backend-plugin-api';
import { valueStreamSourcesExtensionPoint } from '@valuestream/backstage-plugin-value-stream-node';
import { jenkinsSourceAdapter } from './adapter';

/**
 * Adds Jenkins build notifications as a value-stream source.
 * @public
 */
export const valueStreamModuleJenkins = createBackendModule({
  pluginId: 'value-stream',
  moduleId: 'jenkins',
  register(reg) {
    reg.registerInit({
      deps: { sources: valueStreamSourcesExtensionPoint },
      async init({ sources }) {
        sources.addSources(jenkinsSourceAdapter);
      },
    });
  },
});
