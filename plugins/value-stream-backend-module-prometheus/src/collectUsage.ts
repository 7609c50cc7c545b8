import type { LoggerService } from '@backstage/backend-plugin-api';
import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import type { PrometheusConfig } from './config';
import { queryPrometheus } from './queryPrometheus';
import { completeDays, usageEvent } from './usageEvents';

/**
 * Runs each feature's query at the end of each of the last `days` complete UTC days
 * and turns each answer into a `usage.reported` event. A query without a result (no
 * series) reports nothing for that day; one that fails is logged and the others
 * still run.
 * @internal
 */
export async function collectUsage(options: {
  config: Pick<PrometheusConfig, 'baseUrl' | 'token' | 'features' | 'days'>;
  logger: LoggerService;
  /** Epoch ms; defaults to now. */
  now?: number;
  signal?: AbortSignal;
}): Promise<CanonicalEvent[]> {
  const { config, logger, signal } = options;
  const days = completeDays(options.now ?? Date.now(), config.days);
  const events: CanonicalEvent[] = [];
  for (const [key, query] of Object.entries(config.features)) {
    for (const day of days) {
      try {
        const count = await queryPrometheus({
          baseUrl: config.baseUrl,
          token: config.token,
          query,
          time: day.to,
          signal,
        });
        if (count === null) continue;
        if (count < 0) {
          logger.warn(
            `valueStream.sources.prometheus.features.${key}: negative usage ${count} on ${new Date(
              day.from,
            )
              .toISOString()
              .slice(0, 10)}, not reported`,
          );
          continue;
        }
        events.push(usageEvent(key, day, count));
      } catch (error) {
        if (signal?.aborted) throw error;
        logger.warn(
          `valueStream.sources.prometheus.features.${key}: query failed, skipped: ${
            (error as Error).message
          }`,
        );
        break; // the same query fails on the other days too
      }
    }
  }
  return events;
}
