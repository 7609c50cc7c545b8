import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  valueStreamImportersExtensionPoint,
  valueStreamSourcesExtensionPoint,
} from '@valuestream/backstage-plugin-value-stream-node';
import { githubSourceAdapter } from './adapter';
import { GithubHistoryImporter } from './import';

/**
 * Adds GitHub webhooks (push, pull requests, reviews, workflow runs, check
 * suites, deployments, issues) as a value-stream source, and the history
 * importer that reads the same facts through GitHub's APIs (`integrations.github`).
 * @public
 */
export const valueStreamModuleGithub = createBackendModule({
  pluginId: 'value-stream',
  moduleId: 'github',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        sources: valueStreamSourcesExtensionPoint,
        importers: valueStreamImportersExtensionPoint,
      },
      async init({ config, sources, importers }) {
        sources.addSources(githubSourceAdapter);
        importers.addImporters(GithubHistoryImporter.fromConfig(config));
      },
    });
  },
});
