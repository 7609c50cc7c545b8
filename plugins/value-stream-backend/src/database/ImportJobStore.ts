import type { Knex } from 'knex';
import type {
  ImportJobKey,
  ImportJobPatch,
  ImportJobRecord,
} from '../model/importJobs';
import type { ImportJobsTable } from './tables';
import { insertIgnore, num } from './util';

const TABLE = 'vs_import_jobs';

const keyWhere = (k: ImportJobKey) => ({
  entity_ref: k.entityRef,
  source: k.source,
  scope: k.scope,
});

const PATCH_COLUMNS: Record<keyof ImportJobPatch, keyof ImportJobsTable> = {
  state: 'state',
  cursor: 'cursor',
  items: 'items',
  events: 'events',
  total: 'total',
  error: 'error',
  attempts: 'attempts',
  since: 'since',
  startedAt: 'started_at',
  finishedAt: 'finished_at',
  nextRunAt: 'next_run_at',
  lastSuccessStartedAt: 'last_success_started_at',
};

function toColumns(patch: ImportJobPatch): Partial<ImportJobsTable> {
  const out: Record<string, unknown> = {};
  for (const [k, column] of Object.entries(PATCH_COLUMNS)) {
    const v = patch[k as keyof ImportJobPatch];
    if (v !== undefined) out[column] = v;
  }
  return out as Partial<ImportJobsTable>;
}

function toRecord(r: ImportJobsTable): ImportJobRecord {
  return {
    entityRef: r.entity_ref,
    source: r.source,
    scope: r.scope,
    state: r.state,
    cursor: r.cursor,
    items: num(r.items) ?? 0,
    events: num(r.events) ?? 0,
    total: num(r.total),
    error: r.error,
    attempts: num(r.attempts) ?? 0,
    since: num(r.since),
    startedAt: num(r.started_at),
    finishedAt: num(r.finished_at),
    nextRunAt: num(r.next_run_at),
    lastSuccessStartedAt: num(r.last_success_started_at),
  };
}

/** The values of a job that starts over: the next run reads `historyDays` back. */
const FROM_SCRATCH = {
  state: 'pending',
  cursor: null,
  items: 0,
  events: 0,
  total: null,
  error: null,
  attempts: 0,
  since: null,
  started_at: null,
  finished_at: null,
  next_run_at: null,
  last_success_started_at: null,
} as const;

/**
 * `vs_import_jobs` (DESIGN §12). A runner changes a job only while it holds the job's
 * lease: `claim` takes it with one conditional UPDATE per row (the row-level atomicity of
 * both databases decides between replicas), and every later write of the holder is
 * conditional on still holding it, so a lost lease shows as `false`.
 */
export class ImportJobStore {
  constructor(private readonly db: Knex) {}

  /** Adds pending jobs for keys that have none; existing jobs are left as they are. */
  async ensureJobs(keys: ImportJobKey[]): Promise<void> {
    await insertIgnore(
      this.db,
      TABLE,
      keys.map(k => ({ ...keyWhere(k), ...FROM_SCRATCH })),
      ['entity_ref', 'source', 'scope'],
    );
  }

  /**
   * Queues the jobs again from scratch (cursor null, full history), creating missing ones.
   * A lease stays with its holder, whose next write then finds the job no longer running
   * and stops.
   */
  async requeue(keys: ImportJobKey[]): Promise<void> {
    for (const k of keys) {
      await this.db(TABLE)
        .insert({ ...keyWhere(k), ...FROM_SCRATCH })
        .onConflict(['entity_ref', 'source', 'scope'])
        .merge(Object.keys(FROM_SCRATCH));
    }
  }

  /**
   * Takes the lease of at most `limit` due jobs: pending, done ones whose next run has
   * come, and running ones whose holder's lease ran out (a killed replica). Failed jobs
   * wait for a trigger.
   */
  async claim(options: {
    owner: string;
    now: number;
    leaseMs: number;
    limit: number;
  }): Promise<ImportJobRecord[]> {
    const { owner, now, leaseMs, limit } = options;
    if (limit <= 0) return [];
    const due = (q: Knex.QueryBuilder) =>
      q
        .whereIn('state', ['pending', 'running', 'done'])
        .where(w =>
          w.whereNull('next_run_at').orWhere('next_run_at', '<=', now),
        )
        .where(w =>
          w.whereNull('lease_until').orWhere('lease_until', '<', now),
        );
    const candidates: ImportJobsTable[] = await due(this.db(TABLE))
      .select('entity_ref', 'source', 'scope')
      .orderByRaw('coalesce(next_run_at, 0) asc')
      .limit(limit * 4);
    const claimed: ImportJobRecord[] = [];
    for (const c of candidates) {
      if (claimed.length >= limit) break;
      const key = { entityRef: c.entity_ref, source: c.source, scope: c.scope };
      const n = await due(this.db(TABLE).where(keyWhere(key))).update({
        state: 'running',
        next_run_at: null,
        lease_owner: owner,
        lease_until: now + leaseMs,
      });
      if (n !== 1) continue; // another replica was quicker
      const row = await this.db<ImportJobsTable>(TABLE)
        .where(keyWhere(key))
        .first();
      if (row) claimed.push(toRecord(row));
    }
    return claimed;
  }

  /** Writes `patch` and extends the lease, if `owner` still holds it on a running job. */
  async update(
    key: ImportJobKey,
    owner: string,
    patch: ImportJobPatch,
    leaseUntil: number,
  ): Promise<boolean> {
    const n = await this.db(TABLE)
      .where({ ...keyWhere(key), lease_owner: owner, state: 'running' })
      .update({ ...toColumns(patch), lease_until: leaseUntil });
    return n === 1;
  }

  /** Writes the run's outcome and gives the lease up, if `owner` still holds it. */
  async finish(
    key: ImportJobKey,
    owner: string,
    patch: ImportJobPatch,
  ): Promise<boolean> {
    const n = await this.db(TABLE)
      .where({ ...keyWhere(key), lease_owner: owner, state: 'running' })
      .update({ ...toColumns(patch), lease_owner: null, lease_until: null });
    return n === 1;
  }

  /** Gives the lease up without changing the job (it was re-queued while running). */
  async release(key: ImportJobKey, owner: string): Promise<void> {
    await this.db(TABLE)
      .where({ ...keyWhere(key), lease_owner: owner })
      .update({ lease_owner: null, lease_until: null });
  }

  /** One entity's jobs, or every job; by entity, source, scope. */
  async list(entityRef?: string): Promise<ImportJobRecord[]> {
    const q = this.db<ImportJobsTable>(TABLE).orderBy([
      'entity_ref',
      'source',
      'scope',
    ]);
    if (entityRef !== undefined) q.where({ entity_ref: entityRef });
    return (await q).map(toRecord);
  }
}
