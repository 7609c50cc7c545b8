import { mockServices } from '@backstage/backend-test-utils';
import { CorrelationWorker } from './CorrelationWorker';

/** A queue in memory standing in for vs_pending; records when each pass ran and its size. */
function fakeQueue() {
  let queue: { seq: number }[] = [];
  let seq = 0;
  const passes: { at: number; size: number }[] = [];
  const t0 = Date.now();
  const store: any = {
    withIngestLock: (fn: () => unknown) => fn(),
    transaction: (fn: (tx: unknown) => unknown) => fn(store),
    pendingEvents: async (n: number) => queue.slice(0, n),
    clearPending: async (seqs: number[]) => {
      queue = queue.filter(e => !seqs.includes(e.seq));
    },
    pendingStatus: async () => ({ lowestSeq: queue[0]?.seq ?? null }),
  };
  const correlator: any = {
    using: () => ({
      apply: async (batch: unknown[]) => {
        passes.push({ at: Date.now() - t0, size: batch.length });
        return { items: [] };
      },
    }),
  };
  return {
    store,
    correlator,
    passes,
    accept: () => {
      queue.push({ seq: ++seq });
      return seq;
    },
  };
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

describe('CorrelationWorker deferral', () => {
  const make = (q: ReturnType<typeof fakeQueue>) =>
    new CorrelationWorker({
      store: q.store,
      correlator: q.correlator,
      logger: mockServices.logger.mock(),
      // wide margins: a loaded CI machine stretches every sleep
      quietMs: 250,
      maxDelayMs: 1200,
    });

  it('folds a burst of accepts in one pass once the stream pauses', async () => {
    const q = fakeQueue();
    const worker = make(q);
    for (let i = 0; i < 5; i++) {
      q.accept();
      worker.kick();
      await sleep(10);
    }
    expect(q.passes).toEqual([]); // nothing ran while requests kept coming
    await sleep(600);
    expect(q.passes.map(p => p.size)).toEqual([5]);
    await worker.stop();
  });

  it('runs at most maxDelayMs after the first accept of an endless stream', async () => {
    const q = fakeQueue();
    const worker = make(q);
    const start = Date.now();
    while (Date.now() - start < 2000) {
      q.accept();
      worker.kick();
      await sleep(10);
    }
    await worker.stop();
    expect(q.passes.length).toBeGreaterThanOrEqual(1);
    expect(q.passes[0].at).toBeGreaterThanOrEqual(1100);
    expect(q.passes[0].at).toBeLessThan(1900);
  });

  it('runs at once for a reader waiting for its events', async () => {
    const q = fakeQueue();
    const worker = make(q);
    const seq = q.accept();
    worker.kick();
    const before = Date.now();
    await worker.waitFor(seq);
    // well before the quiet period would have started it
    expect(Date.now() - before).toBeLessThan(200);
    expect(q.passes.map(p => p.size)).toEqual([1]);
    await worker.stop();
  });
});
