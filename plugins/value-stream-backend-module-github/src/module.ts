import { createBackendModule } from '@backstage/backend-plugin-api';
import { valueStreamSourcesExtensionPoint } from '@valuestream/backstage-plugin-value-stream-node';
import { githubSourceAdapter } from './adapter';

/**
 * Adds GitHub webhooks (push, pull requests, reviews, workflow runs, check
 * suites, deployments, issues) as a value-stream source.
 * @public
 */
export const valueStreamModuleGithub = createBackendModule({
  pluginId: 'value-stream',
  moduleId: 'github',
  register(reg) {
    reg.registerInit({
      deps: { sources: valueStreamSourcesExtensionPoint },
      async init({ sources }) {
        sources.addSources(githubSourceAdapter);
      },
    });
  },
});
