import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { EventProducer } from '@valuestream/backstage-plugin-value-stream-node';
import { collectUsage } from './collectUsage';
import type { PrometheusConfig } from './config';

/** Events per ingest call: well under the 5,000 a request may carry. */
const BATCH_SIZE = 1000;

/** @internal */
export const PROMETHEUS_TASK_ID = 'value-stream-prometheus-usage';

/**
 * The producer: a scheduled task (once across replicas) that collects the features'
 * daily usage and ingests it through the usual path.
 * @internal
 */
export function createPrometheusProducer(options: {
  config: PrometheusConfig;
  logger: LoggerService;
  scheduler: SchedulerService;
}): EventProducer {
  const { config, logger, scheduler } = options;
  return {
    id: 'prometheus',
    async start(context) {
      await scheduler.scheduleTask({
        id: PROMETHEUS_TASK_ID,
        ...config.schedule,
        scope: 'global',
        fn: async (signal: AbortSignal) => {
          const events = await collectUsage({
            config,
            logger,
            signal,
          });
          let accepted = 0;
          for (let i = 0; i < events.length; i += BATCH_SIZE) {
            const result = await context.ingest(
              events.slice(i, i + BATCH_SIZE),
            );
            accepted += result.accepted;
          }
          logger.info(
            `Prometheus usage: ${events.length} daily reports, ${accepted} new`,
          );
        },
      });
    },
  };
}
