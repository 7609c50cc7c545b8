/** A closed span of time in epoch ms. @internal */
export interface Span {
  from: number;
  to: number;
}

/** Sort and merge overlapping or touching spans; empty spans are dropped. @internal */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans
    .filter(s => s.to > s.from)
    .sort((a, b) => a.from - b.from);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.from <= last.to) {
      last.to = Math.max(last.to, span.to);
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}

/** Milliseconds of `[from, to)` covered by the merged `spans`. @internal */
export function overlapMs(
  from: number,
  to: number,
  spans: readonly Span[],
): number {
  let total = 0;
  for (const span of spans) {
    const start = Math.max(from, span.from);
    const end = Math.min(to, span.to);
    if (end > start) total += end - start;
  }
  return total;
}
