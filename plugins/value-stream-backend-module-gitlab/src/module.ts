import { createBackendModule } from '@backstage/backend-plugin-api';
import { valueStreamSourcesExtensionPoint } from '@valuestream/backstage-plugin-value-stream-node';
import { gitlabSourceAdapter } from './adapter';

/**
 * Adds GitLab webhooks (push, merge request, pipeline, deployment, issue hooks)
 * as a value-stream source.
 * @public
 */
export const valueStreamModuleGitlab = createBackendModule({
  pluginId: 'value-stream',
  moduleId: 'gitlab',
  register(reg) {
    reg.registerInit({
      deps: { sources: valueStreamSourcesExtensionPoint },
      async init({ sources }) {
        sources.addSources(gitlabSourceAdapter);
      },
    });
  },
});
