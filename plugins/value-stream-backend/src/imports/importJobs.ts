import type { Entity } from '@backstage/catalog-model';
import type { ImportJob } from '@valuestream/backstage-plugin-value-stream-common';
import type { HistoryImporter } from '@valuestream/backstage-plugin-value-stream-node';
import type { ImportJobKey, ImportJobRecord } from '../model/importJobs';
import { DAY_MS } from '../metrics/time';

/** A reconciliation run re-reads this much before the last finished run began (repeats are no-ops). */
export const RECONCILE_OVERLAP_MS = 3_600_000;
const BACKOFF_BASE_MS = 10_000;
const BACKOFF_MAX_MS = 3_600_000;

/** Wait before the `attempts`-th retry after a transient failure: 10 s, 20 s, 40 s, … up to 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(
    BACKOFF_MAX_MS,
    BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1),
  );
}

/**
 * Where a claimed job's run starts. With a cursor it resumes the interrupted run (same
 * `since`, same start); otherwise it is a new run: the full history when the job never
 * finished (or was re-queued), else from the last finished run's start minus an overlap.
 */
export function runStart(
  job: ImportJobRecord,
  now: number,
  historyDays: number,
): { fresh: boolean; since: number; startedAt: number } {
  if (job.cursor !== null && job.since !== null && job.startedAt !== null)
    return { fresh: false, since: job.since, startedAt: job.startedAt };
  const since =
    job.lastSuccessStartedAt === null
      ? now - historyDays * DAY_MS
      : job.lastSuccessStartedAt - RECONCILE_OVERLAP_MS;
  return { fresh: true, since, startedAt: now };
}

const iso = (ms: number | null) =>
  ms === null ? null : new Date(ms).toISOString();

/** The API's view of a job (DESIGN §12). */
export function toImportJob(job: ImportJobRecord): ImportJob {
  return {
    source: job.source,
    scope: job.scope,
    state: job.state,
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
    items: job.items,
    events: job.events,
    ...(job.total !== null ? { total: job.total } : {}),
    ...(job.error !== null ? { error: job.error } : {}),
    nextRunAt: iso(job.nextRunAt),
  };
}

/** The jobs the importers name for entities, from their annotations. */
export function jobKeysOf(
  entityRef: string,
  entity: Entity,
  importers: Iterable<HistoryImporter>,
): ImportJobKey[] {
  const keys: ImportJobKey[] = [];
  for (const importer of importers) {
    for (const scope of new Set(importer.scopes(entity)))
      keys.push({ entityRef, source: importer.source, scope });
  }
  return keys;
}

export const jobId = (k: ImportJobKey) =>
  `${k.entityRef}\u0000${k.source}\u0000${k.scope}`;
