import type { LoggerService } from '@backstage/backend-plugin-api';
import type { EventsService } from '@backstage/plugin-events-node';
import type { SourceAdapter } from '@valuestream/backstage-plugin-value-stream-node';
import type { IngestService } from './IngestService';
import { parseEventsBody } from './parseEvents';

/**
 * Consumes the Backstage events service: canonical events / CloudEvents on topic
 * `value-stream` (so Kafka, SQS or Pub/Sub can sit in front), and each source's own
 * topics (`github`, `gitlab`) for teams that already route webhooks there.
 */
export async function subscribeToEvents(
  events: EventsService,
  ingest: IngestService,
  sources: Map<string, SourceAdapter>,
  logger: LoggerService,
) {
  const report = (topic: string) => (e: unknown) =>
    logger.warn(`value-stream: event on topic ${topic} not ingested: ${e}`);
  await events.subscribe({
    id: 'value-stream-ingest',
    topics: ['value-stream'],
    async onEvent({ eventPayload, metadata }) {
      const body = Buffer.from(
        typeof eventPayload === 'string'
          ? eventPayload
          : JSON.stringify(eventPayload),
      );
      await ingest
        .accept(
          parseEventsBody(body, {
            'content-type': 'application/json',
            ...metadata,
          }),
        )
        .catch(report('value-stream'));
    },
  });
  for (const source of sources.values()) {
    // CloudEvents sources take webhooks only; their events-service topic is `value-stream`
    if (source.cloudEvents || !source.eventTopics?.length) continue;
    const native = source;
    await events.subscribe({
      id: `value-stream-${source.id}`,
      topics: source.eventTopics,
      async onEvent({ topic, eventPayload, metadata }) {
        const headers = Object.fromEntries(
          Object.entries(metadata ?? {}).map(([k, v]) => [
            k.toLowerCase(),
            Array.isArray(v) ? v.join(',') : v,
          ]),
        );
        try {
          const mapped = native.toEvents(eventPayload, headers);
          if (mapped.length) await ingest.acceptEvents(mapped);
        } catch (e) {
          report(topic)(e);
        }
      },
    });
  }
}
