import type {
  AuditorService,
  AuthService,
  DatabaseService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { EventsService } from '@backstage/plugin-events-node';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type {
  EventProducer,
  HistoryImporter,
  SourceAdapter,
  StatusMapper,
} from '@valuestream/backstage-plugin-value-stream-node';
import { AlertService } from './alerts/AlertService';
import { readAlertWebhooks, WebhookDelivery } from './alerts/chat';
import { alertNotificationPayload } from './alerts/notificationPayload';
import { withDefaultThresholds } from './alerts/thresholds';
import { profileResolver } from './config/profiles';
import { readValueStreamConfig } from './config/readConfig';
import type { EntityIndex } from './entities/EntityIndex';
import { Correlator } from './correlation/Correlator';
import { CorrectionService } from './corrections/CorrectionService';
import { DatabaseValueStreamStore } from './database/DatabaseValueStreamStore';
import { EntityIndexRefresher } from './entities/EntityIndexRefresher';
import { readClaimPins } from './entities/claims';
import { CorrelationWorker } from './ingest/CorrelationWorker';
import { IngestService } from './ingest/IngestService';
import { subscribeToEvents } from './ingest/subscribeToEvents';
import { DataHealthService } from './dataHealth/DataHealthService';
import { MetricsService } from './service/MetricsService';
import { FeatureOutcomeService } from './service/FeatureOutcomeService';
import { createRouter } from './service/router';
import { OverviewService } from './service/OverviewService';
import { WorkItemService } from './service/WorkItemService';
import { ImportService } from './imports/ImportService';
import {
  AlertTask,
  DeliveredDoneTask,
  EntityIndexTask,
  ImportRunner,
  JourneyRebuild,
  ProfileRebuild,
  RetentionTask,
} from './tasks';
import { createTelemetry, observeStore, TelemetryLabels } from './telemetry';

/** Everything the plugin needs from the backend. */
export interface ValueStreamDeps {
  config: RootConfigService;
  logger: LoggerService;
  database: DatabaseService;
  httpAuth: HttpAuthService;
  auth: AuthService;
  permissions: PermissionsService;
  scheduler: SchedulerService;
  catalog: CatalogService;
  events?: EventsService;
  notifications?: NotificationService;
  /** Records every correction (DESIGN §16). */
  auditor?: AuditorService;
  sources: Map<string, SourceAdapter>;
  statusMapper?: StatusMapper;
  /** History importers by source (valueStreamImportersExtensionPoint). */
  importers?: ReadonlyMap<string, HistoryImporter>;
  now?: () => number;
}

/** Builds the services and router of the plugin; `start` runs once the backend is up. */
export async function createValueStream(deps: ValueStreamDeps) {
  const { logger, scheduler } = deps;
  const now = deps.now ?? Date.now;
  const config = readValueStreamConfig(deps.config);
  const store = await DatabaseValueStreamStore.create({
    database: deps.database,
  });
  const telemetry = createTelemetry();

  // Each entity's profile, over the index current when asked (DESIGN §13 "Profiles").
  const indexRef: { current?: () => EntityIndex } = {};
  const profileOf = profileResolver(config.profiles, () => indexRef.current!());
  const alerts = new AlertService(store, {
    profiles: config.profiles,
    profileOf,
    stages: config.stages,
    thresholds: withDefaultThresholds(config.alerts.thresholds),
    refreshMs: config.alerts.refreshMs,
    logger,
    now,
  });
  const importers = deps.importers ?? new Map<string, HistoryImporter>();
  // The service creates jobs that the runner (created with ingest, below) picks up.
  const runnerRef: { current?: ImportRunner } = {};
  const imports = new ImportService({
    store: store.imports,
    importers,
    enabled: config.import.enabled,
    logger,
    kick: () => runnerRef.current?.kick(),
  });
  // The index attaches unmatched items through the correlator, created right after it.
  const correlatorRef: { current?: Correlator } = {};
  // Items of entities on another or a changed profile, after each new index.
  const profileRebuild = new ProfileRebuild({
    config,
    store,
    rebuildItems: keys => correlatorRef.current!.rebuildItems(keys),
    logger,
  });
  const index = new EntityIndexRefresher({
    catalog: deps.catalog,
    auth: deps.auth,
    logger,
    pins: readClaimPins(deps.config),
    onRead: entities =>
      imports
        .discover(entities)
        .catch(e => logger.warn(`value-stream: import discovery failed: ${e}`)),
    // Attach what matched no entity before, now that the catalog has changed.
    onChange: (next, previous) =>
      store.withIngestLock(async () => {
        const result = await correlatorRef.current!.reresolve(
          previous.changesTo(next),
        );
        alerts.schedule(result.entityRefs);
        // Entities on another profile, or on a changed one, since the last index.
        alerts.schedule(new Set(await profileRebuild.onIndex(next)));
      }),
  });
  indexRef.current = index.current;
  const labels = new TelemetryLabels({
    knownSources: () => [...deps.sources.keys(), 'events', 'cdevents'],
    isKnownEntity: ref => index.current().has(ref),
    ownersOf: ref => index.current().profileHint(ref)?.owners,
  });
  const correlator = new Correlator(
    store,
    config,
    index.current,
    deps.statusMapper,
    now,
    item => {
      const attributes = {
        team: labels.team(item.entityRefs[0]),
        type: labels.type(item.journey.itemType),
      };
      telemetry.completed.add(1, attributes);
      if (item.stats.cycleTime !== null)
        telemetry.cycleTime.record(item.stats.cycleTime, attributes);
    },
  );
  correlatorRef.current = correlator;
  const worker = new CorrelationWorker({ store, correlator, logger });
  const ingest = new IngestService({
    store,
    worker,
    config,
    logger,
    now,
    onCounted: (source, result, n) =>
      telemetry.ingested.add(n, { source: labels.source(source), result }),
  });
  const importRunner = new ImportRunner({
    store: store.imports,
    importers,
    ingest,
    config: config.import,
    scheduler,
    logger,
    now,
  });
  runnerRef.current = importRunner;
  const stopTelemetry = observeStore(telemetry, {
    read: doneSince => store.telemetry.entityStageAggregates(doneSince),
    labels,
    now,
    onError: e => logger.warn(`value-stream: telemetry read failed: ${e}`),
  });
  if (config.alerts.enabled) {
    ingest.onIngested(async result => alerts.schedule(result.entityRefs));
  }
  // New alerts go to the owner's notifications and to the chat webhooks (DESIGN §15); the
  // webhooks only queue, so evaluation never waits for a chat.
  const chat = new WebhookDelivery({
    webhooks: readAlertWebhooks(deps.config),
    logger,
    baseUrl: deps.config.getOptionalString('app.baseUrl'),
    ownersOf: ref => index.current().profileHint(ref)?.owners ?? [],
  });
  const notifications =
    deps.notifications && config.notifications.enabled
      ? deps.notifications
      : undefined;
  if (notifications || chat.enabled) {
    alerts.setNotifier(async (entityRef, alert) => {
      chat.notify(entityRef, alert);
      await notifications?.send({
        recipients: { type: 'entity', entityRef },
        payload: alertNotificationPayload(entityRef, alert),
      });
    });
  }

  const journeyRebuild = new JourneyRebuild({
    config,
    logger,
    store,
    correlator,
    alerts,
  });
  const rebuild = journeyRebuild.rebuild;

  const metrics = new MetricsService(store.metrics, config, now, profileOf);
  const overview = new OverviewService(
    store.overview,
    () => config.stages.map(s => s.name),
    config.blockedReasons,
    now,
  );
  const router = await createRouter({
    httpAuth: deps.httpAuth,
    auth: deps.auth,
    permissions: deps.permissions,
    catalog: deps.catalog,
    logger,
    ingest,
    metrics,
    featureOutcomes: new FeatureOutcomeService(
      store.features,
      store.metrics,
      config,
      now,
    ),
    overview,
    dataHealth: new DataHealthService(store, index.current, now),
    workItems: new WorkItemService(
      store,
      index.current,
      now,
      store.metrics,
      config.incidentAttributionWindowMs,
    ),
    alerts,
    corrections: new CorrectionService({
      access: deps,
      store,
      worker,
      auditor: deps.auditor,
      now,
    }),
    sources: deps.sources,
    webhookSecrets: config.webhookSecrets,
    index: index.current,
    rebuild,
    imports,
    now,
  });

  // `valueStream.retention.days` (DESIGN §16): a bad value stops start-up here.
  const retention = new RetentionTask({
    config: deps.config,
    scheduler,
    logger,
    store,
    now,
  });

  async function start(producers: EventProducer[]) {
    await new EntityIndexTask(scheduler, index).start();
    await new AlertTask({ config, scheduler, logger, store, alerts }).start();
    await retention.start();
    await new DeliveredDoneTask({
      scheduler,
      logger,
      store,
      correlator,
      onChanged: refs => alerts.schedule(refs),
      now,
    }).start();
    worker.start();
    await importRunner.start();
    if (deps.events)
      await subscribeToEvents(deps.events, ingest, deps.sources, logger);
    await journeyRebuild.onStart();
    await index
      .refresh()
      .catch(e => logger.warn(`value-stream: first catalog read failed: ${e}`));
    for (const p of producers) {
      p.start({ ingest: events => ingest.ingest(events) }).catch(e =>
        logger.error(`value-stream: producer ${p.id} failed: ${e}`),
      );
    }
  }

  return {
    router,
    start,
    store,
    ingest,
    worker,
    alerts,
    metrics,
    index,
    correlator,
    rebuild,
    imports,
    importRunner,
    chat,
    /** Removes the gauges' callback (shutdown). */
    stopTelemetry,
  };
}
