import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type {
  EventProducer,
  ValueStreamIngestContext,
} from '@valuestream/backstage-plugin-value-stream-node';
import type { DemoConfig } from './config';
import { DemoFeed } from './DemoFeed';

/** Events per ingest call: well under the 5,000 a request may carry. */
const BATCH_SIZE = 1000;

/** @internal */
export const DEMO_TICK_TASK_ID = 'value-stream-demo-tick';

/**
 * The demo producer: on start it sends the history up to now through the
 * ingest path, then a task sends, every minute, the events whose time has come.
 * @internal
 */
export function createDemoProducer(options: {
  config: DemoConfig;
  logger: LoggerService;
  scheduler: SchedulerService;
  /** Epoch ms; tests move it. */
  clock?: () => number;
}): EventProducer {
  const { config, logger, scheduler, clock = Date.now } = options;
  return {
    id: 'demo',
    async start(context: ValueStreamIngestContext) {
      const startedAt = clock();
      const feed = new DemoFeed({
        seed: config.seed,
        days: config.days,
        anchor: DemoFeed.anchorFor(startedAt, config.anchor),
        observedAt: startedAt,
      });
      const release = async () => {
        const due = feed.due(clock());
        let accepted = 0;
        let duplicates = 0;
        for (let i = 0; i < due.length; i += BATCH_SIZE) {
          const batch = due.slice(i, i + BATCH_SIZE);
          const result = await context.ingest(batch);
          feed.markSent(batch.length);
          accepted += result.accepted;
          duplicates += result.duplicates;
        }
        return { sent: due.length, accepted, duplicates };
      };

      try {
        const result = await release();
        logger.info(
          `Demo history anchored at ${new Date(feed.anchor).toISOString()}: ` +
            `sent ${result.sent} events (${result.accepted} new, ${result.duplicates} duplicates)`,
        );
      } catch (error) {
        // Not fatal: the next tick sends what is still due.
        logger.error('Demo history backfill failed', error as Error);
      }

      await scheduler.scheduleTask({
        id: DEMO_TICK_TASK_ID,
        frequency: { minutes: 1 },
        timeout: { minutes: 5 },
        scope: 'global',
        fn: async () => {
          const result = await release();
          if (result.sent > 0) {
            logger.debug(
              `Demo data: sent ${result.sent} events (${result.accepted} new)`,
            );
          }
        },
      });
    },
  };
}
