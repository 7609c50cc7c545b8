import type { GitlabApi } from './GitlabApi';

/**
 * Where a list stands: objects updated at or after `after` (GitLab's `updated_after` is
 * inclusive), minus `skip` (ids already read at exactly `after`), from page `page`.
 */
export interface ListPosition {
  after: string | null;
  skip: number[];
  page: number;
}

/** The start of a list: from the run's `since`. */
export const FIRST: ListPosition = { after: null, skip: [], page: 1 };

/** A listed object: its id and its last update. */
export interface Listed {
  id: number;
  updated_at: string;
}

/**
 * One page of objects updated since `since`, oldest update first, keyed on `updated_at`
 * rather than an offset: an object updated during the run moves to the end, and with
 * `page=N` the one after it would shift onto a page already read and never be read.
 * Here each page starts at the last update read, so nothing is skipped (the moved object
 * is read again: its events are duplicates). `page` only grows when a whole page shares
 * one `updated_at` (a bulk edit; that costs one request more). Returns the new objects, the next position (null at the
 * end) and the objects left counting this page (`X-Total`).
 */
export async function listSince<T extends Listed>(
  api: GitlabApi,
  path: string,
  since: string,
  at: ListPosition,
  query: Record<string, string> = {},
): Promise<{ items: T[]; next: ListPosition | null; total?: number }> {
  const list = await api.page<T>(path, {
    ...query,
    updated_after: at.after ?? since,
    order_by: 'updated_at',
    sort: 'asc',
    page: at.page,
  });
  const boundary = at.after === null ? NaN : Date.parse(at.after);
  const skip = new Set(at.skip);
  const items = list.items.filter(
    i => !(skip.has(i.id) && Date.parse(i.updated_at) === boundary),
  );
  let next: ListPosition | null = null;
  const last = list.items[list.items.length - 1];
  if (list.nextPage !== null && last) {
    const lastMs = Date.parse(last.updated_at);
    const atLast = list.items
      .filter(i => Date.parse(i.updated_at) === lastMs)
      .map(i => i.id);
    next =
      lastMs === boundary
        ? {
            after: at.after,
            skip: [...new Set([...at.skip, ...atLast])],
            page: at.page + 1,
          }
        : { after: new Date(lastMs).toISOString(), skip: atLast, page: 1 };
  }
  const total =
    list.total === undefined
      ? undefined
      : list.total - (list.items.length - items.length);
  return { items, next, total };
}
