import { createBackendModule } from '@backstage/backend-plugin-api';
import { valueStreamSourcesExtensionPoint } from '@valuestream/backstage-plugin-value-stream-node';
import { cdeventsSourceAdapter } from './adapter';

/**
 * Adds a CDEvents (CloudEvents) webhook as a value-stream source.
 * @public
 */
export const valueStreamModuleCdevents = createBackendModule({
  pluginId: 'value-stream',
  moduleId: 'cdevents',
  register(reg) {
    reg.registerInit({
      deps: { sources: valueStreamSourcesExtensionPoint },
      async init({ sources }) {
        sources.addSources(cdeventsSourceAdapter);
      },
    });
  },
});
