import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';

/**
 * Longest values the store's columns hold (migrations/…_init.js). Checked at ingest so
 * an over-long value is a 400 naming the field, never a database error (500) on
 * PostgreSQL, which unlike SQLite enforces varchar lengths.
 */
const MAX_LENGTH: Record<string, number> = {
  key: 300,
  sha: 100,
  commitSha: 100,
  mergeCommitSha: 100,
  branch: 300,
  pipeline: 300,
  buildId: 300,
  deploymentId: 300,
  environment: 200,
  service: 300,
  incidentId: 300,
  severity: 100,
  runId: 300,
};
const MAX_REPOSITORY = 300;
/** PR numbers are stored in a 32-bit integer column. */
const MAX_PR_NUMBER = 2_147_483_647;

/**
 * A message naming the first field too long to store, or undefined. `data` of an
 * unknown type is only kept raw, so only `repository` (a column of every event) counts.
 */
export function fieldLimitProblem(
  e: CanonicalEvent,
  known: boolean,
): string | undefined {
  if (e.repository && e.repository.length > MAX_REPOSITORY)
    return `repository: at most ${MAX_REPOSITORY} characters`;
  if (!known) return undefined;
  const data = e.data as Record<string, unknown>;
  for (const [field, max] of Object.entries(MAX_LENGTH)) {
    const v = data[field];
    if (typeof v === 'string' && v.length > max)
      return `data.${field}: at most ${max} characters`;
  }
  const commits = data.commits;
  if (Array.isArray(commits)) {
    const i = commits.findIndex(
      c => typeof c === 'string' && c.length > MAX_LENGTH.sha,
    );
    if (i >= 0)
      return `data.commits.${i}: at most ${MAX_LENGTH.sha} characters`;
  }
  if (
    e.type.startsWith('pull_request.') &&
    typeof data.number === 'number' &&
    data.number > MAX_PR_NUMBER
  ) {
    return `data.number: at most ${MAX_PR_NUMBER}`;
  }
  return undefined;
}
