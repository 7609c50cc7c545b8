// Starts packages/backend for one benchmark run: free loopback port, app-config.yaml plus a
// generated config (the chosen database, guest sign-in, a static external-access token, a temp
// catalog file, demo data off). The backend runs in its own process group, killed on exit.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export const sleep = ms => new Promise(r => setTimeout(r, ms));

const groups = new Set();
const killGroup = (pgid, sig) => {
  try {
    process.kill(-pgid, sig);
  } catch {
    // already gone
  }
};
process.on('exit', () => groups.forEach(pid => killGroup(pid, 'SIGKILL')));
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    console.log(`stopped by ${sig}`);
    process.exit(1);
  });
}

/** Kills the backend group if this process dies without cleaning up (e.g. SIGKILL). */
function watchdog(pgid) {
  const script =
    `trap '' TERM INT HUP; while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ` +
    `kill -TERM -- -${pgid} 2>/dev/null; sleep 3; kill -KILL -- -${pgid} 2>/dev/null; exit 0`;
  spawn('bash', ['-c', script], { detached: true, stdio: 'ignore' }).unref();
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });
}

function tail(file, n = 30) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-n).join('\n');
  } catch {
    return '(no log)';
  }
}

/** One HTTP call. Returns { status, json, text, ms }. */
export async function request(
  base,
  method,
  p,
  { body, token, timeoutMs = 600000 } = {},
) {
  const headers = { 'X-Requested-With': 'XMLHttpRequest' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const t0 = performance.now();
  try {
    const res = await fetch(base + p, {
      method,
      headers,
      body: body === undefined ? undefined : body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    const ms = performance.now() - t0;
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, json, text, ms };
  } catch (e) {
    return {
      status: 0,
      text: String(e?.cause?.code ?? e?.message ?? e),
      ms: performance.now() - t0,
    };
  }
}

/**
 * Writes the catalog and config files, spawns packages/backend (in its own process group) and
 * waits until it is ready. `name` names its config and log files in `dir`; the static token is
 * accepted as external access for `subject`; `config` adds top-level keys (e.g. `integrations`). Returns { base, pid, logFile, stop, kill9, alive,
 * logTail, fail }. Shared by the benchmarks and the reliability scripts.
 */
export async function launchBackend({
  root,
  dir,
  name = 'backend',
  database,
  token,
  subject,
  entities,
  valueStream = {},
  config = {},
  logLevel,
  readyTimeoutMs = 300000,
}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const catalogFile = path.join(dir, 'catalog.yaml');
  fs.writeFileSync(
    catalogFile,
    `${entities.map(e => JSON.stringify(e)).join('\n---\n')}\n`,
  );
  const kinds = ['Component', 'System', 'Group', 'User', 'Location'];
  const cfg = {
    backend: {
      baseUrl: base,
      listen: { port, host: '127.0.0.1' },
      database,
      auth: {
        externalAccess: [{ type: 'static', options: { token, subject } }],
      },
    },
    auth: {
      environment: 'development',
      providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
    },
    catalog: {
      rules: [{ allow: kinds }],
      locations: [
        { type: 'file', target: catalogFile, rules: [{ allow: kinds }] },
      ],
    },
    valueStream: { ...valueStream, demo: { enabled: false } },
    ...config,
  };
  const configFile = path.join(dir, `${name}-config.yaml`);
  fs.writeFileSync(configFile, `${JSON.stringify(cfg, null, 2)}\n`);

  const logFile = path.join(dir, `${name}.log`);
  const fd = fs.openSync(logFile, 'a');
  // The same node command `backstage-cli package start` runs for a backend, without its file
  // watcher: an edit elsewhere in the checkout must not restart the backend mid-measurement.
  const transform = require.resolve(
    '@backstage/cli-node/config/nodeTransform.cjs',
    { paths: [path.join(root, 'packages/backend')] },
  );
  const args = [
    '--enable-source-maps',
    '--require',
    transform,
    'src/index',
    '--config',
    path.join(root, 'app-config.yaml'),
    '--config',
    configFile,
  ];
  const child = spawn(process.execPath, args, {
    cwd: path.join(root, 'packages/backend'),
    env: {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: logLevel || process.env.LOG_LEVEL || 'warn',
      ESBK_TSCONFIG_PATH: path.join(root, 'tsconfig.json'),
    },
    detached: true,
    stdio: ['ignore', fd, fd],
  });
  fs.closeSync(fd);
  groups.add(child.pid);
  watchdog(child.pid);
  let exited = null;
  child.on('exit', (code, sig) => (exited = { code, sig }));
  child.on('error', e => (exited = { code: e.message }));

  const waitExit = async () => {
    for (let i = 0; i < 100 && !exited; i++) await sleep(100);
  };
  const stop = async () => {
    killGroup(child.pid, 'SIGTERM');
    await waitExit();
    killGroup(child.pid, 'SIGKILL');
    groups.delete(child.pid);
  };
  const kill9 = async () => {
    killGroup(child.pid, 'SIGKILL');
    await waitExit();
    groups.delete(child.pid);
  };
  const fail = async msg => {
    await stop();
    throw new Error(`${msg}\nbackend log (${logFile}):\n${tail(logFile)}`);
  };

  const t0 = Date.now();
  for (;;) {
    if (exited) await fail(`backend exited (${exited.code ?? exited.sig})`);
    const r = await request(base, 'GET', '/.backstage/health/v1/readiness', {
      timeoutMs: 3000,
    });
    if (r.status === 200) break;
    if (Date.now() - t0 > readyTimeoutMs)
      await fail(`backend not ready in ${readyTimeoutMs / 1000} s`);
    await sleep(1000);
  }
  return {
    base,
    pid: child.pid,
    logFile,
    stop,
    kill9,
    fail,
    alive: () => !exited,
    logTail: () => tail(logFile),
  };
}

/** Waits until the catalog lists every entity, read with `token`. */
export async function waitForCatalog(backend, entities, token, timeoutMs) {
  const t0 = Date.now();
  for (const e of entities) {
    const p = `/api/catalog/entities/by-name/${e.kind.toLowerCase()}/default/${
      e.metadata.name
    }`;
    while ((await request(backend.base, 'GET', p, { token })).status !== 200) {
      if (Date.now() - t0 > timeoutMs)
        await backend.fail(`catalog never showed ${e.metadata.name}`);
      await sleep(1000);
    }
  }
}

/**
 * Starts the backend for a benchmark: `database` as `backend.database`, `entities` in a temp
 * catalog, a random static token and a guest user token (reads pay the permission check).
 * Returns { base, staticToken, userToken, logFile, stop, alive, logTail }.
 */
export async function startBackend({
  root,
  dir,
  database,
  entities,
  log,
  valueStream = {},
  logLevel,
}) {
  const staticToken = crypto.randomBytes(24).toString('hex');
  const t0 = Date.now();
  const backend = await launchBackend({
    root,
    dir,
    name: 'bench',
    database,
    token: staticToken,
    subject: 'bench',
    entities,
    valueStream,
    logLevel,
  });
  log(
    `  backend ready in ${((Date.now() - t0) / 1000).toFixed(1)} s (${
      backend.base
    })`,
  );

  let userToken;
  for (let i = 0; i < 20 && !userToken; i++) {
    const r = await request(
      backend.base,
      'GET',
      '/api/auth/guest/refresh?env=development',
    );
    userToken = r.json?.backstageIdentity?.token;
    if (!userToken) await sleep(1000);
  }
  if (!userToken) await backend.fail('no guest user token');
  await waitForCatalog(backend, entities, userToken, 120000);
  return {
    base: backend.base,
    staticToken,
    userToken,
    logFile: backend.logFile,
    stop: backend.stop,
    alive: backend.alive,
    logTail: backend.logTail,
  };
}
