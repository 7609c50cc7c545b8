import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  valueStreamImportersExtensionPoint,
  valueStreamSourcesExtensionPoint,
} from '@valuestream/backstage-plugin-value-stream-node';
import { gitlabSourceAdapter } from './adapter';
import { GitlabHistoryImporter } from './importer';

/**
 * Adds GitLab webhooks (push, merge request, pipeline, deployment, issue hooks)
 * as a value-stream source, and the import of a project's history through the
 * REST API with the `integrations.gitlab` token.
 * @public
 */
export const valueStreamModuleGitlab = createBackendModule({
  pluginId: 'value-stream',
  moduleId: 'gitlab',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        sources: valueStreamSourcesExtensionPoint,
        importers: valueStreamImportersExtensionPoint,
      },
      async init({ config, sources, importers }) {
        sources.addSources(gitlabSourceAdapter);
        importers.addImporters(GitlabHistoryImporter.fromConfig(config));
      },
    });
  },
});
