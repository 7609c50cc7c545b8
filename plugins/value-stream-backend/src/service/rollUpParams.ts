import { InputError } from '@backstage/errors';

/** `?compare=previous` (DESIGN §17); anything else is a 400 naming the parameter. */
export function parseCompare(query: { compare?: unknown }): boolean {
  const v = query.compare;
  if (v === undefined) return false;
  if (v === 'previous') return true;
  throw new InputError('compare: expected "previous"');
}

/** `?includeSubgroups=true|false` (default true). */
export function parseIncludeSubgroups(query: {
  includeSubgroups?: unknown;
}): boolean {
  const v = query.includeSubgroups;
  if (v === undefined || v === 'true') return true;
  if (v === 'false') return false;
  throw new InputError('includeSubgroups: expected true or false');
}
