// Starts packages/backend on PostgreSQL with a database prefix, like bench/lib/backend.mjs, but
// with what the reliability scripts need on top: extra valueStream config (alert frequency), a
// fixed token so a restarted or second replica accepts the same senders, and kill -9 of the
// backend's process group. Every backend started here is killed when this process exits.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { request, sleep } from '../../bench/lib/backend.mjs';

const require = createRequire(import.meta.url);
const groups = new Set();
const killGroup = (pgid, sig) => {
  try {
    process.kill(-pgid, sig);
  } catch {
    // already gone
  }
};
process.on('exit', () => groups.forEach(pid => killGroup(pid, 'SIGKILL')));

/** Kills the backend group if this process dies without cleaning up (e.g. SIGKILL). */
function watchdog(pgid) {
  const script =
    `trap '' TERM INT HUP; while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ` +
    `kill -KILL -- -${pgid} 2>/dev/null; exit 0`;
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

const tail = (file, n = 30) => {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-n).join('\n');
  } catch {
    return '(no log)';
  }
};

/**
 * Starts one backend. `name` names its config and log files in `dir`; `valueStream` is merged
 * into the generated config. Resolves when it is ready and the catalog lists every entity.
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
  log,
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
      database: { client: 'pg', connection: pg, prefix },
      auth: {
        externalAccess: [
          { type: 'static', options: { token, subject: 'reliability' } },
        ],
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
    valueStream: { demo: { enabled: false }, ...valueStream },
  };
  const configFile = path.join(dir, `${name}-config.yaml`);
  fs.writeFileSync(configFile, `${JSON.stringify(cfg, null, 2)}\n`);
  const logFile = path.join(dir, `${name}.log`);
  const fd = fs.openSync(logFile, 'a');
  const transform = require.resolve(
    '@backstage/cli-node/config/nodeTransform.cjs',
    { paths: [path.join(root, 'packages/backend')] },
  );
  const child = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      '--require',
      transform,
      'src/index',
      '--config',
      path.join(root, 'app-config.yaml'),
      '--config',
      configFile,
    ],
    {
      cwd: path.join(root, 'packages/backend'),
      env: {
        ...process.env,
        NODE_ENV: 'development',
        LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
        ESBK_TSCONFIG_PATH: path.join(root, 'tsconfig.json'),
      },
      detached: true,
      stdio: ['ignore', fd, fd],
    },
  );
  fs.closeSync(fd);
  groups.add(child.pid);
  watchdog(child.pid);
  let exited = null;
  child.on('exit', (code, sig) => (exited = { code, sig }));

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
    if (Date.now() - t0 > 300000) await fail('backend not ready in 300 s');
    await sleep(1000);
  }
  for (const e of entities) {
    const p = `/api/catalog/entities/by-name/${e.kind.toLowerCase()}/default/${
      e.metadata.name
    }`;
    while ((await request(base, 'GET', p, { token })).status !== 200) {
      if (Date.now() - t0 > 300000)
        await fail(`catalog never showed ${e.metadata.name}`);
      await sleep(1000);
    }
  }
  log(
    `  ${name} ready in ${((Date.now() - t0) / 1000).toFixed(
      1,
    )} s (${base}, pid ${child.pid})`,
  );
  return {
    base,
    pid: child.pid,
    logFile,
    stop,
    kill9,
    alive: () => !exited,
    logTail: () => tail(logFile),
  };
}
