import type { LoggerService } from '@backstage/backend-plugin-api';
import type { CorrelationResult, Correlator } from '../correlation/Correlator';
import type { DatabaseValueStreamStore } from '../database/DatabaseValueStreamStore';

export type CorrelationListener = (result: CorrelationResult) => Promise<void>;

/** Most events one pass folds: bounds memory, and the time a pass holds the ingest lock. */
export const DEFAULT_PASS_SIZE = 20000;
/** How often a replica looks for events another replica accepted (or a crash left). */
export const DEFAULT_POLL_MS = 1000;
/**
 * After an accept, the pass waits until no event arrived for this long, so that a stream of
 * requests is answered without sharing the CPU (and SQLite's one connection) with
 * correlation, and its events are folded together.
 */
export const DEFAULT_QUIET_MS = 50;
/**
 * ...but starts at most this long after the first event it waits for (alerts stay well
 * inside their 60 s). Reads do not wait for it: a read starts the pass at once. Fewer,
 * larger passes also cost less in all: each re-reads the touched repositories' history.
 */
export const DEFAULT_MAX_DELAY_MS = 10000;

/**
 * Correlates accepted events behind the 202 (DESIGN §8): takes the oldest queued events
 * (`vs_pending`), folds them in one pass under the ingest lock, and removes them from the
 * queue in the same transaction. Passes coalesce: an item touched by many requests is
 * re-folded once per pass, not once per request. Any replica may run a pass; the ingest
 * lock makes them take turns, and the queue in the database makes a crash lose nothing.
 */
export class CorrelationWorker {
  private readonly listeners: CorrelationListener[] = [];
  private running: Promise<void> | undefined;
  private again = false;
  /** Every queued seq below this one has been correlated (as of the last pass). */
  private lowWatermark = 0;
  /** The highest seq a pass took (an empty queue means everything up to it is done). */
  private highestTaken = 0;
  private waiters: { seq: number; resolve: () => void }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private deferred: { timer: NodeJS.Timeout; since: number } | undefined;
  private passSize: number;

  constructor(
    private readonly options: {
      store: DatabaseValueStreamStore;
      correlator: Correlator;
      logger: LoggerService;
      passSize?: number;
      pollMs?: number;
      quietMs?: number;
      maxDelayMs?: number;
    },
  ) {
    this.passSize = options.passSize ?? DEFAULT_PASS_SIZE;
  }

  onCorrelated(listener: CorrelationListener) {
    this.listeners.push(listener);
  }

  /** Starts looking for queued events on a timer (events of other replicas, or a crash). */
  start() {
    if (this.timer) return;
    // A deferred pass is coming anyway: polling now would correlate mid-stream.
    this.timer = setInterval(
      () => this.deferred || this.runNow(),
      this.options.pollMs ?? DEFAULT_POLL_MS,
    );
    this.timer.unref?.();
    this.runNow();
  }

  async stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.clearDeferred();
    await this.running;
  }

  /**
   * Events were accepted: a pass runs once the stream pauses (`quietMs`), or `maxDelayMs`
   * after the first of them at the latest. A reader waiting for them starts it at once.
   */
  kick(): void {
    const quiet = this.options.quietMs ?? DEFAULT_QUIET_MS;
    const maxDelay = this.options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
    const now = Date.now();
    const since = this.deferred?.since ?? now;
    if (this.deferred) clearTimeout(this.deferred.timer);
    const timer = setTimeout(
      () => this.runNow(),
      Math.max(0, Math.min(quiet, since + maxDelay - now)),
    );
    timer.unref?.();
    this.deferred = { timer, since };
  }

  private clearDeferred() {
    if (this.deferred) clearTimeout(this.deferred.timer);
    this.deferred = undefined;
  }

  /** Runs a pass now; a pass already running is followed by another one. */
  runNow(): Promise<void> {
    this.clearDeferred();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain()
      .catch(e =>
        this.options.logger.warn(
          `value-stream: correlation paused, retried on the next poll: ${e}`,
        ),
      )
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  /**
   * Resolves once every event queued with a seq ≤ `seq` is correlated, or after
   * `timeoutMs` (then the caller reads what is there).
   */
  waitFor(seq: number | null, timeoutMs?: number): Promise<void> {
    if (seq === null || seq < this.lowWatermark) return Promise.resolve();
    return new Promise(resolve => {
      const waiter = { seq, resolve };
      this.waiters.push(waiter);
      if (timeoutMs !== undefined) {
        setTimeout(() => {
          this.waiters = this.waiters.filter(w => w !== waiter);
          resolve();
        }, timeoutMs).unref?.();
      }
      this.runNow();
    });
  }

  private async drain() {
    do {
      this.again = false;
      let more = true;
      while (more) {
        more = await this.pass();
        // After every pass, so callers waiting for early events need not wait for the
        // queue to empty under a steady stream.
        const { lowestSeq } = await this.options.store.pendingStatus();
        this.advance(lowestSeq ?? this.highestTaken + 1);
      }
    } while (this.again);
  }

  /**
   * One pass; true when more may be queued from before it started (a full pass, or a
   * failed one to retry smaller). Events accepted during a pass have kicked their own.
   */
  private async pass(): Promise<boolean> {
    const { store, correlator, logger } = this.options;
    let result: CorrelationResult | undefined;
    let taken = 0;
    try {
      result = await store.withIngestLock(() =>
        store.transaction(async tx => {
          const batch = await tx.pendingEvents(this.passSize);
          taken = batch.length;
          for (const e of batch)
            if (e.seq > this.highestTaken) this.highestTaken = e.seq;
          if (!batch.length) return undefined;
          const res = await correlator.using(tx).apply(batch);
          await tx.clearPending(batch.map(e => e.seq));
          return res;
        }),
      );
    } catch (e) {
      // A pass that fails is rolled back: its events stay queued. Smaller passes isolate an
      // event that cannot be folded; alone, it is left for a rebuild and logged.
      if (this.passSize > 1) {
        this.passSize = Math.max(1, Math.floor(this.passSize / 10));
        logger.warn(
          `value-stream: correlation pass failed, retrying with ${this.passSize} events per pass: ${e}`,
        );
        return true;
      }
      logger.error(`value-stream: correlation of an event failed: ${e}`);
      await this.skipOldest();
      return true;
    }
    const full = taken >= this.passSize;
    if (taken && this.passSize < (this.options.passSize ?? DEFAULT_PASS_SIZE))
      this.passSize = Math.min(
        this.options.passSize ?? DEFAULT_PASS_SIZE,
        this.passSize * 10,
      );
    if (result) {
      for (const l of this.listeners) {
        await l(result).catch(e =>
          logger.warn(`value-stream: post-ingest step failed: ${e}`),
        );
      }
    }
    return full;
  }

  /** Takes the one event that cannot be folded off the queue (it stays stored). */
  private async skipOldest() {
    const { store } = this.options;
    const [first] = await store.pendingEvents(1);
    if (first) await store.clearPending([first.seq]);
  }

  private advance(lowestPending: number) {
    this.lowWatermark = lowestPending;
    const ready = this.waiters.filter(w => w.seq < lowestPending);
    this.waiters = this.waiters.filter(w => w.seq >= lowestPending);
    ready.forEach(w => w.resolve());
  }
}
