import { mockServices } from '@backstage/backend-test-utils';
import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { createDemoProducer, DEMO_TICK_TASK_ID } from './createDemoProducer';

const MINUTE = 60_000;
const THURSDAY = Date.parse('2025-03-13T15:00:00Z');

function setup(config = { enabled: true, seed: 42, days: 30 }) {
  let now = THURSDAY;
  const scheduler = mockServices.scheduler.mock();
  const ingested: CanonicalEvent[][] = [];
  const ingest = jest.fn(async (events: CanonicalEvent[]) => {
    ingested.push(events);
    return { accepted: events.length, duplicates: 0, ignored: 0 };
  });
  const producer = createDemoProducer({
    config,
    logger: mockServices.logger.mock(),
    scheduler,
    clock: () => now,
  });
  return {
    producer,
    scheduler,
    ingest,
    ingested,
    setNow: (t: number) => {
      now = t;
    },
  };
}

describe('createDemoProducer', () => {
  it('backfills up to now in batches, then schedules a global tick every minute', async () => {
    const { producer, scheduler, ingest, ingested } = setup();
    await producer.start({ ingest });

    expect(producer.id).toBe('demo');
    const sent = ingested.flat();
    expect(sent.length).toBeGreaterThan(2000);
    expect(ingested.every(batch => batch.length <= 1000)).toBe(true);
    expect(sent.every(e => Date.parse(e.occurredAt) <= THURSDAY)).toBe(true);
    expect(ingest).toHaveBeenCalledTimes(Math.ceil(sent.length / 1000));
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: DEMO_TICK_TASK_ID,
        frequency: { minutes: 1 },
        scope: 'global',
      }),
    );
  });

  it('sends on each tick only the events that came due since the last one', async () => {
    const { producer, scheduler, ingest, ingested, setNow } = setup();
    await producer.start({ ingest });
    const backfilled = ingested.flat().length;
    const tick = scheduler.scheduleTask.mock.calls[0][0]
      .fn as () => Promise<void>;

    await tick(); // nothing new at the same instant
    expect(ingested.flat().length).toBe(backfilled);

    setNow(THURSDAY + 120 * MINUTE);
    await tick();
    const fresh = ingested.flat().slice(backfilled);
    expect(fresh.length).toBeGreaterThan(0);
    expect(
      fresh.every(e => {
        const t = Date.parse(e.occurredAt);
        return t > THURSDAY && t <= THURSDAY + 120 * MINUTE;
      }),
    ).toBe(true);
  });

  it('keeps what failed to send for the next tick', async () => {
    const { producer, scheduler, ingest, ingested } = setup();
    ingest.mockRejectedValueOnce(new Error('database is locked'));
    await producer.start({ ingest });
    expect(ingested).toHaveLength(0);
    const tick = scheduler.scheduleTask.mock.calls[0][0]
      .fn as () => Promise<void>;
    await tick();
    expect(ingested.flat().length).toBeGreaterThan(2000);
  });
});
