import type { LoggerService } from '@backstage/backend-plugin-api';
import type { AlertService } from '../alerts/AlertService';
import {
  journeyConfigFingerprint,
  type ValueStreamConfig,
} from '../config/readConfig';
import type { Correlator } from '../correlation/Correlator';
import type { DatabaseValueStreamStore } from '../database/DatabaseValueStreamStore';

const FINGERPRINT_KEY = 'journey-config';

/**
 * Rebuilds every journey from the stored events (`POST /rebuild`), and on start when the
 * stage/mapping config changed since the last run (`rebuildOnConfigChange`).
 */
export class JourneyRebuild {
  constructor(
    private readonly options: {
      config: ValueStreamConfig;
      logger: LoggerService;
      store: DatabaseValueStreamStore;
      correlator: Correlator;
      alerts: AlertService;
    },
  ) {}

  rebuild = async (): Promise<{ items: number }> => {
    const { config, store, correlator, alerts } = this.options;
    let items = 0;
    for await (const page of store.allEvents()) {
      const known = page.filter(e => e.subject);
      items += (
        await store.withIngestLock(() =>
          correlator.apply(known, { force: true }),
        )
      ).itemKeys.length;
    }
    await store.setMeta(FINGERPRINT_KEY, journeyConfigFingerprint(config));
    await alerts.evaluateAll();
    return { items };
  };

  /** Starts a rebuild in the background if the config changed; a first start only records it. */
  async onStart() {
    const { config, logger, store } = this.options;
    const fingerprint = journeyConfigFingerprint(config);
    const stored = await store.getMeta(FINGERPRINT_KEY);
    if (stored === fingerprint) return;
    if (stored !== undefined && config.rebuildOnConfigChange) {
      logger.info(
        'value-stream: stage/mapping config changed, rebuilding journeys from stored events',
      );
      this.rebuild().catch(e =>
        logger.error(`value-stream: rebuild failed: ${e}`),
      );
    } else {
      await store.setMeta(FINGERPRINT_KEY, fingerprint);
    }
  }
}
