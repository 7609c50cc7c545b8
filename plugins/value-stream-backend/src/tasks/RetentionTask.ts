import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { ForwardedError } from '@backstage/errors';
import type { DatabaseValueStreamStore } from '../database/DatabaseValueStreamStore';
import type { Expired, RetentionStore } from '../database/RetentionStore';

const DAY_MS = 86_400_000;
/** Candidates looked at per transaction: a few thousand rows deleted at most. */
const BATCH = 200;
/** Events or alerts deleted per transaction. */
const ROWS = 5000;

/** What one retention pass deleted. */
export interface RetentionResult {
  /** Work items, with their journeys and links. */
  items: number;
  /** Every row deleted, of all tables. */
  rows: number;
}

/** Lets the correlation worker and requests run between two batches. */
const yieldToIngest = () => new Promise<void>(resolve => setImmediate(resolve));

/**
 * Reads `valueStream.retention.days`: undefined when it is not set (retention off); a
 * positive whole number of days otherwise, or start-up stops naming the key.
 */
export function readRetentionDays(config: Config): number | undefined {
  const days = config.getOptionalNumber('valueStream.retention.days');
  if (days === undefined) return undefined;
  if (!Number.isInteger(days) || days < 1)
    throw new Error(
      `valueStream.retention.days must be a whole number of days of at least 1, got ${days}`,
    );
  return days;
}

/**
 * `valueStream.retention.days` (DESIGN §16): deletes the events and derived rows older than
 * the limit, once a day across replicas (`scope: 'global'`). It works in bounded batches,
 * each its own short transaction under the ingest lock, and yields between them, so ingest
 * and reads go on during a pass. A second pass right after finds nothing to delete.
 */
export class RetentionTask {
  private readonly days: number | undefined;

  constructor(
    private readonly options: {
      config: Config;
      scheduler: SchedulerService;
      logger: LoggerService;
      store: DatabaseValueStreamStore;
      now?: () => number;
      /** Candidates per transaction (tests). */
      batchSize?: number;
    },
  ) {
    this.days = readRetentionDays(options.config);
  }

  async start() {
    const { logger, scheduler } = this.options;
    if (this.days === undefined) {
      logger.info(
        'value-stream: retention is off (valueStream.retention.days is not set)',
      );
      return;
    }
    await scheduler.scheduleTask({
      id: 'value-stream-retention',
      frequency: { hours: 24 },
      timeout: { hours: 6 },
      initialDelay: { minutes: 10 },
      scope: 'global',
      fn: async () => {
        try {
          const { items, rows } = await this.run();
          if (rows)
            logger.info(
              `value-stream: retention deleted ${rows} rows (${items} work items) older than ${this.days} days`,
            );
        } catch (e) {
          throw new ForwardedError('value-stream: retention pass failed', e);
        }
      },
    });
  }

  /** One pass: deletes what is older than the limit; answers what it deleted. */
  async run(): Promise<RetentionResult> {
    if (this.days === undefined) return { items: 0, rows: 0 };
    const { store } = this.options;
    const cutoff = (this.options.now ?? Date.now)() - this.days * DAY_MS;
    const batch = this.options.batchSize ?? BATCH;
    const inBatch = <T>(fn: (r: RetentionStore) => Promise<T>) =>
      store.withIngestLock(() => store.transaction(tx => fn(tx.retention)));
    const result: RetentionResult = { items: 0, rows: 0 };

    // Items done before the limit, with their journeys, links and own artifacts.
    let after = '';
    for (;;) {
      const keys = await store.retention.doneBefore(cutoff, after, batch);
      if (!keys.length) break;
      after = keys[keys.length - 1];
      const { items, rows } = await inBatch(async r => {
        const expired = await r.expiredItems(keys, cutoff);
        return { items: expired.length, rows: await r.deleteItems(expired) };
      });
      result.items += items;
      result.rows += rows;
      await yieldToIngest();
    }

    // Artifacts no item is linked to, then deployments and incidents left with nothing.
    const sweep = async (
      find: (r: RetentionStore, after: string) => Promise<Expired>,
      remove: (r: RetentionStore, ids: string[]) => Promise<number>,
    ) => {
      const step = (cursor: string) =>
        inBatch(async r => {
          const found = await find(r, cursor);
          return { rows: await remove(r, found.expired), next: found.next };
        });
      let next: string | null = '';
      while (next !== null) {
        const done: { rows: number; next: string | null } = await step(next);
        result.rows += done.rows;
        next = done.next;
        if (next !== null) await yieldToIngest();
      }
    };
    await sweep(
      (r, a) => r.expiredUnlinkedPullRequests(cutoff, a, batch),
      (r, ids) => r.deletePullRequests(ids),
    );
    await sweep(
      (r, a) => r.expiredUnlinkedCommits(cutoff, a, batch),
      (r, ids) => r.deleteCommits(ids),
    );
    await sweep(
      (r, a) => r.expiredDeployments(cutoff, a, batch),
      (r, ids) => r.deleteDeployments(ids),
    );
    await sweep(
      (r, a) => r.expiredIncidents(cutoff, a, batch),
      (r, ids) => r.deleteIncidents(ids),
    );

    // Raw events no derived row stands for, and resolved alerts.
    for (const remove of [
      (r: RetentionStore) => r.deleteLooseEvents(cutoff, ROWS),
      (r: RetentionStore) => r.deleteResolvedAlerts(cutoff, ROWS),
    ]) {
      for (;;) {
        const n = await inBatch(remove);
        result.rows += n;
        if (n < ROWS) break;
        await yieldToIngest();
      }
    }
    return result;
  }
}
