// Starts packages/backend on PostgreSQL with a database prefix through bench/lib/backend.mjs's
// launcher, with what the reliability scripts need: extra valueStream config (alert frequency),
// a fixed token so a restarted or second replica accepts the same senders, and kill -9 of the
// backend's process group. Every backend started here is killed when this process exits.
import { launchBackend, waitForCatalog } from '../../bench/lib/backend.mjs';

/**
 * Starts one backend. `name` names its config and log files in `dir`; `valueStream` is merged
 * into the generated config, `config` adds top-level keys. Resolves when it is ready and the catalog lists every entity.
 * Returns { base, pid, logFile, kill9, stop, alive, logTail }.
 */
export async function startBackend({
  root,
  dir,
  name,
  pg,
  prefix,
  token,
  entities,
  valueStream = {},
  config,
  log,
}) {
  const t0 = Date.now();
  const backend = await launchBackend({
    root,
    dir,
    name,
    database: { client: 'pg', connection: pg, prefix },
    token,
    subject: 'reliability',
    entities,
    valueStream,
    config,
  });
  await waitForCatalog(backend, entities, token, 300000);
  log(
    `  ${name} ready in ${((Date.now() - t0) / 1000).toFixed(1)} s (${
      backend.base
    }, pid ${backend.pid})`,
  );
  const { fail, ...rest } = backend;
  return rest;
}
