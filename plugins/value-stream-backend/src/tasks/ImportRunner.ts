import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import type { HistoryImporter } from '@valuestream/backstage-plugin-value-stream-node';
import { randomUUID } from 'node:crypto';
import type { ValueStreamConfig } from '../config/readConfig';
import type { ImportJobStore } from '../database/ImportJobStore';
import { backoffMs, jobId, runStart } from '../imports/importJobs';
import type { ImportJobKey, ImportJobRecord } from '../model/importJobs';

/** A lease outlives a stalled or killed holder by at most this long. */
const LEASE_MS = 60_000;
/** How long `stop` waits for running jobs to reach a page boundary. */
const STOP_WAIT_MS = 10_000;

/** By name too: a module may bundle its own copy of -node's class. */
const isImportFailed = (e: unknown): e is Error =>
  e instanceof Error && e.name === 'ImportFailedError';

/**
 * Runs due history-import jobs (DESIGN §12): every 5 s on each replica, at most
 * `import.concurrency` at once here. A job runs only under its database lease, so one
 * replica at a time runs it; each page's events go through the normal accept path
 * (repeats are duplicates), then its cursor and counts are stored in one write, so a kill
 * repeats at most one page.
 */
export class ImportRunner {
  /** This runner's lease owner id. */
  readonly owner = randomUUID();
  private readonly running = new Map<
    string,
    { controller: AbortController; done: Promise<void> }
  >();
  private stopped = false;
  private ticking?: Promise<void>;

  constructor(
    private readonly options: {
      store: ImportJobStore;
      importers: ReadonlyMap<string, HistoryImporter>;
      ingest: {
        acceptEvents(
          events: CanonicalEvent[],
        ): Promise<{ accepted: number; ignored: number }>;
      };
      config: ValueStreamConfig['import'];
      scheduler: SchedulerService;
      logger: LoggerService;
      now?: () => number;
      leaseMs?: number;
    },
  ) {}

  private get now() {
    return this.options.now ?? Date.now;
  }
  private get leaseMs() {
    return this.options.leaseMs ?? LEASE_MS;
  }

  async start() {
    if (!this.options.config.enabled || !this.options.importers.size) return;
    await this.options.scheduler.scheduleTask({
      id: 'value-stream-import',
      frequency: { seconds: 5 },
      timeout: { minutes: 1 },
      initialDelay: { seconds: 1 },
      // Each replica claims jobs of its own; the leases keep them apart.
      scope: 'local',
      fn: () => this.tick(),
    });
  }

  /** Starts a pass now (after a trigger) instead of at the next scheduled one. */
  kick() {
    if (!this.options.config.enabled) return;
    this.tick().catch(e =>
      this.options.logger.warn(`value-stream: import pass failed: ${e}`),
    );
  }

  /** Claims due jobs for the free slots and starts them (it does not wait for them). */
  tick(): Promise<void> {
    // One claim at a time per runner, or two passes could overfill the slots.
    this.ticking ??= this.claimAndRun().finally(() => {
      this.ticking = undefined;
    });
    return this.ticking;
  }

  /** Resolves when no job of this runner is running (tests). */
  async idle() {
    while (this.running.size || this.ticking) {
      await Promise.all([
        this.ticking,
        ...[...this.running.values()].map(r => r.done),
      ]);
    }
  }

  /** Aborts the running jobs at their next page and gives their leases up (shutdown). */
  async stop() {
    this.stopped = true;
    for (const r of this.running.values()) r.controller.abort();
    await Promise.race([
      this.idle(),
      new Promise(resolve => setTimeout(resolve, STOP_WAIT_MS).unref()),
    ]);
  }

  private async claimAndRun() {
    const free = this.options.config.concurrency - this.running.size;
    if (this.stopped || free <= 0) return;
    const jobs = await this.options.store.claim({
      owner: this.owner,
      now: this.now(),
      leaseMs: this.leaseMs,
      limit: free,
    });
    for (const job of jobs) {
      const controller = new AbortController();
      const id = jobId(job);
      const done = this.run(job, controller)
        .catch(e =>
          this.options.logger.error(
            `value-stream: import ${job.source} ${job.scope} of ${job.entityRef}: ${e}`,
          ),
        )
        .finally(() => {
          this.running.delete(id);
          // A freed slot takes the next due job at once.
          if (!this.stopped) this.kick();
        });
      this.running.set(id, { controller, done });
    }
  }

  private async run(job: ImportJobRecord, controller: AbortController) {
    const { store, importers, ingest, config, logger } = this.options;
    const key: ImportJobKey = job;
    const importer = importers.get(job.source);
    if (!importer) {
      await store.finish(key, this.owner, {
        state: 'failed',
        error: `No importer for source "${job.source}" is installed`,
        finishedAt: this.now(),
      });
      return;
    }
    const start = runStart(job, this.now(), config.historyDays);
    let progress = start.fresh
      ? { items: 0, events: 0, total: null as number | null }
      : { items: job.items, events: job.events, total: job.total };
    const held = await store.update(
      key,
      this.owner,
      { since: start.since, startedAt: start.startedAt, ...progress },
      this.now() + this.leaseMs,
    );
    if (!held) return;
    // A long page (a rate-limit wait) must not let the lease run out.
    const renew = setInterval(() => {
      store
        .update(key, this.owner, {}, this.now() + this.leaseMs)
        .then(ok => ok || controller.abort())
        .catch(() => controller.abort());
    }, this.leaseMs / 3);
    try {
      const pages = importer.pages({
        entityRef: job.entityRef,
        scope: job.scope,
        cursor: start.fresh ? null : job.cursor,
        since: new Date(start.since),
        signal: controller.signal,
        logger: logger.child({ importer: job.source, scope: job.scope }),
      });
      for await (const page of pages) {
        if (controller.signal.aborted) break;
        // new events stored: correlated ones and those kept raw (reviews, unknown
        // types); repeats of facts already stored (webhooks, an earlier run) do not count
        const { accepted, ignored } = await ingest.acceptEvents(page.events);
        progress = {
          items: progress.items + page.items,
          events: progress.events + accepted + ignored,
          total: page.total ?? progress.total,
        };
        const ok = await store.update(
          key,
          this.owner,
          { cursor: page.cursor, ...progress },
          this.now() + this.leaseMs,
        );
        if (!ok) controller.abort();
      }
      if (controller.signal.aborted) {
        await store.release(key, this.owner);
        return;
      }
      const now = this.now();
      await store.finish(key, this.owner, {
        state: 'done',
        cursor: null,
        error: null,
        attempts: 0,
        finishedAt: now,
        nextRunAt: now + config.reconcileMinutes * 60_000,
        lastSuccessStartedAt: start.startedAt,
      });
    } catch (e) {
      if (controller.signal.aborted) {
        await store.release(key, this.owner);
      } else if (isImportFailed(e)) {
        await store.finish(key, this.owner, {
          state: 'failed',
          error: e.message,
          attempts: 0,
          finishedAt: this.now(),
          nextRunAt: null,
        });
      } else {
        // Transient: wait and resume from the stored cursor.
        const attempts = job.attempts + 1;
        logger.warn(
          `value-stream: import ${job.source} ${job.scope} of ${job.entityRef} failed (attempt ${attempts}), retrying: ${e}`,
        );
        await store.finish(key, this.owner, {
          state: 'pending',
          error: `${e instanceof Error ? e.message : e} (retrying)`,
          attempts,
          nextRunAt: this.now() + backoffMs(attempts),
        });
      }
    } finally {
      clearInterval(renew);
    }
  }
}
