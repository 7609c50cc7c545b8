import type { Knex } from 'knex';

/** Arbitrary 64-bit key of the PostgreSQL advisory lock that serialises correlation. */
const INGEST_LOCK_KEY = 7_301_119_455;

/**
 * The lock correlation runs under. Correlation re-reads an item's history and rewrites its
 * journey, so two writers on one item must not interleave: within a process a promise
 * queue does it; across replicas on PostgreSQL a session advisory lock does (SQLite has a
 * single writer process).
 */
export class IngestLock {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly db: Knex) {}

  run<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(() => this.withAdvisoryLock(fn));
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async withAdvisoryLock<T>(fn: () => Promise<T>): Promise<T> {
    if (this.db.client.config.client !== 'pg') return fn();
    const conn = await this.db.client.acquireConnection();
    try {
      await this.db
        .raw('select pg_advisory_lock(?)', [INGEST_LOCK_KEY])
        .connection(conn);
      try {
        return await fn();
      } finally {
        await this.db
          .raw('select pg_advisory_unlock(?)', [INGEST_LOCK_KEY])
          .connection(conn);
      }
    } finally {
      await this.db.client.releaseConnection(conn);
    }
  }
}
