// Percentiles (continuous, like PostgreSQL percentile_cont) and small formatting helpers.

export function percentile(values, p) {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

export const round = (v, digits = 1) =>
  v === null || v === undefined ? null : Number(v.toFixed(digits));

/** A plain-text table: `rows` are arrays of cells, the first row is the header. */
export function table(rows) {
  const widths = rows[0].map((_, c) =>
    Math.max(...rows.map(r => String(r[c] ?? '').length)),
  );
  const line = r =>
    r
      .map((cell, c) =>
        c === 0
          ? String(cell ?? '').padEnd(widths[c])
          : String(cell ?? '').padStart(widths[c]),
      )
      .join('  ');
  return [
    line(rows[0]),
    widths.map(w => '-'.repeat(w)).join('  '),
    ...rows.slice(1).map(line),
  ].join('\n');
}
