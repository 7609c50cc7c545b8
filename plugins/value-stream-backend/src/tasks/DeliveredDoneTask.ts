import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { ForwardedError } from '@backstage/errors';
import type { Correlator } from '../correlation/Correlator';
import type { DatabaseValueStreamStore } from '../database/DatabaseValueStreamStore';

/** Items rebuilt per batch. */
const BATCH = 200;
/** Batches per run at most; the rest is taken by the next run. */
const MAX_BATCHES = 50;

/**
 * `done.mode: delivered` (DESIGN §13): an item closed in the tracker enters Done when its
 * observation ends, with no new event. Every minute, across replicas (`scope: 'global'`),
 * this rebuilds the items whose `done_due_at` has passed, read from its index in batches
 * (never a scan of all items). The rebuilt journey enters Done at the exact time the
 * observation ended, whenever the run happens.
 */
export class DeliveredDoneTask {
  constructor(
    private readonly options: {
      scheduler: SchedulerService;
      logger: LoggerService;
      store: DatabaseValueStreamStore;
      correlator: Correlator;
      /** Told which entities changed (alert scheduling). */
      onChanged?: (entityRefs: Set<string>) => void;
      now?: () => number;
    },
  ) {}

  async start() {
    await this.options.scheduler.scheduleTask({
      id: 'value-stream-delivered-done',
      frequency: { minutes: 1 },
      timeout: { minutes: 10 },
      scope: 'global',
      fn: async () => {
        try {
          const { items } = await this.run();
          if (items)
            this.options.logger.info(
              `value-stream: ${items} items reached the end of their observation`,
            );
        } catch (e) {
          throw new ForwardedError(
            'value-stream: delivered Done pass failed',
            e,
          );
        }
      },
    });
  }

  /** Rebuilds the items due now; answers how many. */
  async run(): Promise<{ items: number }> {
    const { store, correlator, onChanged } = this.options;
    const now = (this.options.now ?? Date.now)();
    let items = 0;
    let previous = '';
    for (let i = 0; i < MAX_BATCHES; i++) {
      const keys = await store.itemsDueForDone(now, BATCH);
      // A batch that is due again right after its rebuild (the correlator's clock lags
      // this one) waits for the next run instead of looping.
      if (!keys.length || keys.join('\n') === previous) break;
      previous = keys.join('\n');
      const result = await store.withIngestLock(() =>
        correlator.rebuildItems(keys),
      );
      items += keys.length;
      onChanged?.(result.entityRefs);
    }
    return { items };
  }
}
