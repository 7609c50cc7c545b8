import type { Knex } from 'knex';

/**
 * Bound parameters per statement: far below SQLite's 32,766 and PostgreSQL's 65,535, large
 * enough that a 1,000-event batch is a handful of statements.
 */
export const PARAMS_PER_STATEMENT = 8000;
/** knex writes SQLite multi-row inserts as a compound SELECT, limited to 500 terms. */
export const ROWS_PER_STATEMENT = 400;
const IN_LIST_SIZE = 2000;

/** Splits a list so `whereIn`/multi-row inserts stay under SQLite's and PostgreSQL's parameter limits. */
export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(items.slice(i, i + size));
  return out;
}

/** `where lower(column) in (values)`: values compared case-insensitively (give them lowercase). */
export function whereLowerIn<Q extends Knex.QueryBuilder>(
  query: Q,
  column: string,
  values: readonly string[],
): Q {
  if (!values.length) return query.whereRaw('1 = 0') as Q;
  return query.whereRaw(`lower(??) in (${values.map(() => '?').join(', ')})`, [
    column,
    ...values,
  ]) as Q;
}

/**
 * `select … where column in (values)` over chunks, concatenated. With `lower`, the column
 * is compared lowercased with the values lowercased.
 */
export async function selectIn<R>(
  query: () => Knex.QueryBuilder,
  column: string,
  values: readonly string[],
  options: { lower?: boolean } = {},
): Promise<R[]> {
  const unique = [
    ...new Set(options.lower ? values.map(v => v.toLowerCase()) : values),
  ];
  const out: R[] = [];
  for (const part of chunk(unique, IN_LIST_SIZE)) {
    const q = options.lower
      ? whereLowerIn(query(), column, part)
      : query().whereIn(column, part);
    out.push(...((await q) as R[]));
  }
  return out;
}

const columnsOf = (key: string | string[]) =>
  typeof key === 'string' ? [key] : key;

/** Multi-row upsert on a primary key, in chunks. */
export async function upsert<Row extends object>(
  db: Knex | Knex.Transaction,
  table: string,
  rows: Row[],
  key: string | string[],
  columnsPerRow?: number,
) {
  if (!rows.length) return;
  const size = Math.min(
    ROWS_PER_STATEMENT,
    Math.floor(
      PARAMS_PER_STATEMENT / (columnsPerRow ?? Object.keys(rows[0]).length),
    ),
  );
  for (const part of chunk(rows, size)) {
    await db(table).insert(part).onConflict(columnsOf(key)).merge();
  }
}

/** Multi-row insert that skips rows whose key exists. */
export async function insertIgnore<Row extends object>(
  db: Knex | Knex.Transaction,
  table: string,
  rows: Row[],
  key: string | string[],
) {
  if (!rows.length) return;
  const size = Math.min(
    ROWS_PER_STATEMENT,
    Math.floor(PARAMS_PER_STATEMENT / Object.keys(rows[0]).length),
  );
  for (const part of chunk(rows, size)) {
    await db(table).insert(part).onConflict(columnsOf(key)).ignore();
  }
}

/** bigint columns come back as strings from pg; numbers from SQLite. */
export const num = (v: unknown): number | null =>
  v === null || v === undefined ? null : Number(v);
