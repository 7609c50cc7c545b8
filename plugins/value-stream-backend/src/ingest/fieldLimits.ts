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
  priority: 100,
  runId: 300,
  feedbackId: 300,
  ticketId: 300,
  workItemKey: 300,
  feature: 300,
  channel: 100,
};
const MAX_REPOSITORY = 300;
/** `entity_ref` columns, checked on the normalised ref (`component:default/…`). */
export const MAX_ENTITY_REF = 512;
/**
 * Deepest nesting of objects and arrays in an event, `data` included (PostgreSQL's JSON
 * parser, and every recursive reader after it, has a stack to protect).
 */
export const MAX_DEPTH = 64;
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

interface Node {
  value: unknown;
  depth: number;
  parent?: Node;
  key?: string;
}

function pathOf(node: Node): string {
  const keys: string[] = [];
  for (let n: Node | undefined = node; n?.key !== undefined; n = n.parent)
    keys.push(n.key.split('\u0000').join('\\u0000').slice(0, 64));
  return keys.reverse().join('.') || '(event)';
}

/**
 * A message for the first NUL byte (in a string or an object key) or nesting beyond
 * {@link MAX_DEPTH}, anywhere in a candidate event, or undefined. PostgreSQL refuses
 * NUL in text and JSON, where SQLite stores it. Iterative, so no input can exhaust
 * the stack, and linear in the size of the input.
 */
export function structureProblem(input: unknown): string | undefined {
  const stack: Node[] = [{ value: input, depth: 0 }];
  while (stack.length) {
    const node = stack.pop()!;
    const v = node.value;
    if (typeof v === 'string') {
      if (v.includes('\u0000'))
        return `${pathOf(node)}: NUL bytes (\\u0000) are not allowed`;
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (node.depth >= MAX_DEPTH) {
      const top = pathOf(node).split('.').slice(0, 1)[0];
      return `${top}: at most ${MAX_DEPTH} levels of nesting`;
    }
    const entries = Array.isArray(v)
      ? v.map((x, i) => [String(i), x] as const)
      : Object.entries(v);
    // pushed last to first, so the first offending field in document order is named
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, value] = entries[i];
      const child: Node = { value, depth: node.depth + 1, parent: node, key };
      if (key.includes('\u0000'))
        return `${pathOf(child)}: NUL bytes (\\u0000) are not allowed in keys`;
      stack.push(child);
    }
  }
  return undefined;
}
