import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  valueStreamImportersExtensionPoint,
  valueStreamSourcesExtensionPoint,
} from '@valuestream/backstage-plugin-value-stream-node';
import { createJiraSourceAdapter } from './adapter';
import { JiraHistoryImporter, readJiraImportConfig } from './import';

/**
 * Adds Jira Cloud issue webhooks as a value-stream source and, with
 * `valueStream.sources.jira.baseUrl` and a credential, the Jira history importer.
 * @public
 */
export const valueStreamModuleJira = createBackendModule({
  pluginId: 'value-stream',
  moduleId: 'jira',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        sources: valueStreamSourcesExtensionPoint,
        importers: valueStreamImportersExtensionPoint,
      },
      async init({ config, logger, sources, importers }) {
        const storyPointsField = config.getOptionalString(
          'valueStream.sources.jira.storyPointsField',
        );
        const sprintField = config.getOptionalString(
          'valueStream.sources.jira.sprintField',
        );
        sources.addSources(
          createJiraSourceAdapter({ storyPointsField, sprintField }),
        );
        const importConfig = readJiraImportConfig(config);
        if (importConfig) {
          importers.addImporters(
            new JiraHistoryImporter({ config: importConfig }),
          );
        } else {
          logger.info(
            'Jira history import off: valueStream.sources.jira needs baseUrl and email + apiToken (Cloud) or token (Data Center)',
          );
        }
      },
    });
  },
});
