/** Groups values by a key, keeping their order within each group. */
export function group<T>(xs: Iterable<T>, key: (x: T) => string) {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

/** The distinct strings, in first-seen order. */
export const unique = (xs: Iterable<string>) => [...new Set(xs)];
