import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { AlertService } from '../alerts/AlertService';
import {
  alertConfigFingerprint,
  type ValueStreamConfig,
} from '../config/readConfig';
import type { DatabaseValueStreamStore } from '../database/DatabaseValueStreamStore';

const ALERT_FINGERPRINT_KEY = 'alert-config';

/**
 * The alert pass across replicas (`scope: 'global'`) every `alerts.frequencySeconds`, over
 * the entities that are due; a changed alert config first makes every entity due.
 */
export class AlertTask {
  constructor(
    private readonly options: {
      config: ValueStreamConfig;
      scheduler: SchedulerService;
      logger: LoggerService;
      store: DatabaseValueStreamStore;
      alerts: AlertService;
    },
  ) {}

  async start() {
    const { config, scheduler, logger, store, alerts } = this.options;
    if (!config.alerts.enabled) return;
    const alertFingerprint = alertConfigFingerprint(config);
    if ((await store.getMeta(ALERT_FINGERPRINT_KEY)) !== alertFingerprint) {
      await alerts.resetSchedule();
      await store.setMeta(ALERT_FINGERPRINT_KEY, alertFingerprint);
    }
    await scheduler.scheduleTask({
      id: 'value-stream-alerts',
      frequency: { seconds: config.alerts.frequencySeconds },
      // The first pass after an upgrade or a threshold change evaluates every entity.
      timeout: { minutes: 30 },
      scope: 'global',
      fn: async () => {
        const t0 = Date.now();
        const r = await alerts.evaluateDue();
        // A pass should fit well inside `alerts.frequencySeconds`; this shows whether it does.
        logger.info(
          `value-stream: alert pass over ${r.entities} due entities took ${
            Date.now() - t0
          } ms (${r.opened} opened, ${r.resolved} resolved)`,
        );
      },
    });
  }
}
