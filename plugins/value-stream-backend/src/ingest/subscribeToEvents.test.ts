import { mockServices } from '@backstage/backend-test-utils';
import type { EventParams, EventsService } from '@backstage/plugin-events-node';
import type { SourceAdapter } from '@valuestream/backstage-plugin-value-stream-node';
import { createDirectValueStream } from '../__testUtils__/directValueStream';
import { payments } from '../__testUtils__/testBackend';
import { subscribeToEvents } from './subscribeToEvents';

jest.setTimeout(60_000);

/** An in-memory events service: publish() calls the subscribers of the topic. */
function memoryEvents() {
  const subscribers: {
    topics: string[];
    onEvent: (p: EventParams) => Promise<void>;
  }[] = [];
  const events: EventsService = {
    async publish(params) {
      for (const s of subscribers)
        if (s.topics.includes(params.topic)) await s.onEvent(params);
    },
    async subscribe(options) {
      subscribers.push({ topics: options.topics, onEvent: options.onEvent });
    },
  };
  return events;
}

// A source as the GitHub module registers it: it maps the payload by `x-github-event`.
const github: SourceAdapter = {
  id: 'github',
  eventTopics: ['github'],
  verify: () => true,
  toEvents: (payload: any, headers) =>
    headers['x-github-event'] === 'issues'
      ? [
          {
            id: `issue:${payload.repository.full_name}#${payload.issue.number}`,
            source: 'github',
            type: 'work_item.created',
            occurredAt: payload.issue.created_at,
            repository: payload.repository.full_name,
            data: {
              key: `${payload.repository.full_name}#${payload.issue.number}`,
              title: payload.issue.title,
              itemType: 'defect',
            },
          },
        ]
      : [],
};

describe('events service intake', () => {
  it('ingests canonical events on topic value-stream and source payloads on their topics', async () => {
    const vs = await createDirectValueStream('SQLITE_3', [payments]);
    const events = memoryEvents();
    await subscribeToEvents(
      events,
      vs.ingest,
      new Map([['github', github]]),
      mockServices.logger.mock(),
    );

    await events.publish({
      topic: 'value-stream',
      eventPayload: {
        events: [
          {
            id: '1',
            source: 'kafka',
            type: 'work_item.created',
            occurredAt: '2026-01-01T00:00:00Z',
            data: { key: 'PAY-41', title: 'Via Kafka', itemType: 'feature' },
          },
        ],
      },
    });
    await events.publish({
      topic: 'github',
      eventPayload: {
        repository: { full_name: 'acme/payments' },
        issue: {
          number: 12,
          title: 'Broken refund',
          created_at: '2026-01-02T00:00:00Z',
        },
      },
      metadata: { 'X-GitHub-Event': 'issues' },
    });
    // Redelivery by the broker is a no-op.
    await events.publish({
      topic: 'github',
      eventPayload: {
        repository: { full_name: 'acme/payments' },
        issue: {
          number: 12,
          title: 'Broken refund',
          created_at: '2026-01-02T00:00:00Z',
        },
      },
      metadata: { 'X-GitHub-Event': 'issues' },
    });

    // Correlation runs behind the accept; the read routes wait for it, as this does.
    await vs.ingest.settled();
    const items = await vs
      .knex('vs_work_items')
      .select('key', 'title')
      .orderBy('key');
    expect(items).toEqual([
      { key: 'PAY-41', title: 'Via Kafka' },
      { key: 'acme/payments#12', title: 'Broken refund' },
    ]);
    expect(await vs.knex('vs_events').count({ n: '*' })).toEqual([{ n: 2 }]);
    const entities = await vs
      .knex('vs_item_entities')
      .select('entity_ref', 'item_key')
      .orderBy('item_key');
    expect(entities.map(e => e.entity_ref)).toEqual([
      'component:default/payments',
      'component:default/payments',
    ]);
  });
});
