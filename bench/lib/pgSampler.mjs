// A poor man's profiler for PostgreSQL (pg_stat_statements is not loaded on every server):
// polls pg_stat_activity every few ms while a phase runs and counts the plugin's active
// statements by shape (literals and IN-lists collapsed). The share of samples is the share of
// wall time the database spent in that statement shape.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const shape = sql =>
  sql
    .replace(/\s+/g, ' ')
    .replace(/\(\$\d+(, \$\d+)*\)/g, '(…)')
    .replace(/\$\d+/g, '?')
    .replace(/'[^']*'/g, "'…'")
    .replace(/\b\d+\b/g, 'N')
    .slice(0, 240);

export function startPgSampler({ pg, database, everyMs = 10 }) {
  const knex = require('knex')({
    client: 'pg',
    connection: { ...pg, database: 'postgres' },
    pool: { min: 1, max: 1 },
  });
  const counts = new Map();
  let samples = 0;
  let busy = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await knex.raw(
        "select query from pg_stat_activity where datname = ? and state = 'active' and pid <> pg_backend_pid()",
        [database],
      );
      samples++;
      if (rows.length) busy++;
      for (const r of rows) {
        const k = shape(r.query);
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      await new Promise(r => setTimeout(r, everyMs));
    }
  })();
  return async (top = 6) => {
    running = false;
    await loop.catch(() => {});
    await knex.destroy();
    return {
      samples,
      dbBusyShare: samples ? Number((busy / samples).toFixed(3)) : null,
      top: [...counts]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([statement, n]) => ({
          share: Number((n / samples).toFixed(3)),
          statement,
        })),
    };
  };
}
