import { randomUUID } from 'node:crypto';
import type { LoggerService } from '@backstage/backend-plugin-api';

/** What `POST /rebuild` and `GET /rebuild/:id` answer. */
export interface RebuildJob {
  id: string;
  state: 'running' | 'done' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  items: number | null;
  error: string | null;
}

/**
 * Runs rebuilds in the background, one at a time: a request while one runs gets that job
 * back instead of starting a second replay. The replay takes the ingest lock per page of
 * events, so ingest and reads go on between pages.
 */
export class RebuildJobs {
  private current: RebuildJob | undefined;
  private readonly jobs = new Map<string, RebuildJob>();
  private running: Promise<void> | undefined;

  constructor(
    private readonly rebuild: () => Promise<{ items: number }>,
    private readonly logger: LoggerService,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts a rebuild, or returns the one running (single flight). */
  start(): RebuildJob {
    if (this.current?.state === 'running') return this.current;
    const job: RebuildJob = {
      id: randomUUID(),
      state: 'running',
      startedAt: new Date(this.now()).toISOString(),
      finishedAt: null,
      items: null,
      error: null,
    };
    this.current = job;
    this.jobs.set(job.id, job);
    // Keep the last few jobs only.
    for (const id of [...this.jobs.keys()].slice(0, -20)) this.jobs.delete(id);
    this.running = this.rebuild().then(
      r => {
        Object.assign(job, {
          state: 'done',
          items: r.items,
          finishedAt: new Date(this.now()).toISOString(),
        });
      },
      e => {
        this.logger.error(`value-stream: rebuild failed: ${e}`);
        Object.assign(job, {
          state: 'failed',
          error: String((e as Error)?.message ?? e),
          finishedAt: new Date(this.now()).toISOString(),
        });
      },
    );
    return job;
  }

  get(id: string): RebuildJob | undefined {
    return this.jobs.get(id);
  }

  /** Waits for the running rebuild (shutdown). */
  async settled() {
    await this.running;
  }
}
