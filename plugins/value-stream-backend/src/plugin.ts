import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  EventProducer,
  HistoryImporter,
  SourceAdapter,
  StatusMapper,
  valueStreamImportersExtensionPoint,
  valueStreamProducersExtensionPoint,
  valueStreamSourcesExtensionPoint,
  valueStreamStageMappingExtensionPoint,
} from '@valuestream/backstage-plugin-value-stream-node';
import { valueStreamPermissions } from '@valuestream/backstage-plugin-value-stream-common';
import {
  checkWebhookSecrets,
  isProductionMode,
  readWebhookSecrets,
} from './config/webhookSecrets';
import { createValueStream } from './createValueStream';

/**
 * The value-stream backend plugin: ingest, correlation, journeys, metrics and alerts.
 *
 * @public
 */
export const valueStreamPlugin = createBackendPlugin({
  pluginId: 'value-stream',
  register(env) {
    const sources = new Map<string, SourceAdapter>();
    const producers: EventProducer[] = [];
    const importers = new Map<string, HistoryImporter>();
    let statusMapper: StatusMapper | undefined;
    env.registerExtensionPoint(valueStreamSourcesExtensionPoint, {
      addSources(...added) {
        for (const s of added) {
          if (sources.has(s.id))
            throw new Error(`value-stream source "${s.id}" registered twice`);
          sources.set(s.id, s);
        }
      },
    });
    env.registerExtensionPoint(valueStreamStageMappingExtensionPoint, {
      setStatusMapper(mapper) {
        if (statusMapper)
          throw new Error('value-stream status mapper already set');
        statusMapper = mapper;
      },
    });
    env.registerExtensionPoint(valueStreamProducersExtensionPoint, {
      addProducers(...added) {
        producers.push(...added);
      },
    });

    env.registerExtensionPoint(valueStreamImportersExtensionPoint, {
      addImporters(...added) {
        for (const i of added) {
          if (importers.has(i.source))
            throw new Error(
              `value-stream importer of "${i.source}" registered twice`,
            );
          importers.set(i.source, i);
        }
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
        notifications: notificationService,
        auditor: coreServices.auditor,
      },
      async init(deps) {
        // Lists the plugin's permissions in the metadata that policy tools and external
        // access tokens' accessRestrictions name (value-stream.entity.read, .event.create, …).
        deps.permissionsRegistry.addPermissions(valueStreamPermissions);
        // In production (NODE_ENV=production) a short or published webhook secret stops start-up.
        checkWebhookSecrets(
          readWebhookSecrets(
            deps.config.getOptionalConfig('valueStream.sources'),
          ),
          { production: isProductionMode() },
        );
        const vs = await createValueStream({
          ...deps,
          sources,
          statusMapper,
          importers,
        });
        deps.httpRouter.use(vs.router);
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
        // Webhooks verify their own signatures (HMAC or token per source).
        deps.httpRouter.addAuthPolicy({
          path: '/webhooks',
          allow: 'unauthenticated',
        });
        deps.lifecycle.addStartupHook(async () => {
          await vs.start(producers);
        });
        // Finish the running correlation pass and the alert evaluations it queued before the
        // database closes (events still queued are taken by the next start or another replica).
        deps.lifecycle.addShutdownHook(async () => {
          await vs.importRunner.stop();
          await vs.worker.stop();
          await vs.alerts.flush();
          vs.chat.close();
          vs.stopTelemetry();
        });
      },
    });
  },
});
