import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { valueStreamSourcesExtensionPoint } from '@valuestream/backstage-plugin-value-stream-node';
import { createJiraSourceAdapter } from './adapter';

/**
 * Adds Jira Cloud issue webhooks as a value-stream source.
 * @public
 */
export const valueStreamModuleJira = createBackendModule({
  pluginId: 'value-stream',
  moduleId: 'jira',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        sources: valueStreamSourcesExtensionPoint,
      },
      async init({ config, sources }) {
        sources.addSources(
          createJiraSourceAdapter({
            storyPointsField: config.getOptionalString(
              'valueStream.sources.jira.storyPointsField',
            ),
          }),
        );
      },
    });
  },
});
