import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import type { ValueStreamIngestContext } from '@valuestream/backstage-plugin-value-stream-node';
import {
  valueStreamImportersExtensionPoint,
  valueStreamProducersExtensionPoint,
} from '@valuestream/backstage-plugin-value-stream-node';
import { BoardEntities } from './BoardEntities';
import {
  FocalboardClient,
  readFocalboardClientConfig,
} from './FocalboardClient';
import { FocalboardHistoryImporter } from './import/FocalboardHistoryImporter';
import {
  createWebhookRouter,
  WEBHOOK_PATH,
} from './webhook/createWebhookRouter';

/**
 * Adds Focalboard as a value-stream source: its outgoing webhook at
 * `POST /api/value-stream/focalboard/webhook` and, with `baseUrl` and `token`, the import
 * of the boards named by `focalboard/board-id`.
 * @public
 */
export const valueStreamModuleFocalboard = createBackendModule({
  pluginId: 'value-stream',
  moduleId: 'focalboard',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        httpRouter: coreServices.httpRouter,
        catalog: catalogServiceRef,
        importers: valueStreamImportersExtensionPoint,
        producers: valueStreamProducersExtensionPoint,
      },
      async init({
        config,
        logger,
        auth,
        httpRouter,
        catalog,
        importers,
        producers,
      }) {
        const source = config.getOptionalConfig(
          'valueStream.sources.focalboard',
        );
        const statusProperty = source?.getOptionalString('statusProperty');
        const clientConfig = readFocalboardClientConfig(config);
        const client = clientConfig && new FocalboardClient(clientConfig);
        let ingest: ValueStreamIngestContext | undefined;
        // The webhook's events go through the backend's ingest, as a producer's do.
        producers.addProducers({
          id: 'focalboard',
          start: async context => {
            ingest = context;
          },
        });
        const boards = new BoardEntities(catalog, auth);
        httpRouter.use(
          createWebhookRouter({
            secret: source?.getOptionalString('webhookSecret'),
            client,
            entityOf: boardId => boards.entityOf(boardId),
            ingest: () => ingest && (events => ingest!.ingest(events)),
            statusProperty,
          }),
        );
        httpRouter.addAuthPolicy({
          path: WEBHOOK_PATH,
          allow: 'unauthenticated',
        });
        if (client) {
          importers.addImporters(
            new FocalboardHistoryImporter(client, { statusProperty }),
          );
        } else {
          logger.info(
            'Focalboard cards cannot be read (no import, webhooks refused): set valueStream.sources.focalboard.baseUrl and token',
          );
        }
      },
    });
  },
});
