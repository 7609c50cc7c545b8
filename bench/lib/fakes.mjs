// Forks TypeScript files with Backstage's node transform (as `backstage-cli package start`
// runs a backend), and the fake GitHub / Jira of bench/lib/fakeServer.ts in such a child.
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** `file` (a .ts) in a child process with an IPC channel; killed when this process exits. */
export function forkTs(root, file, args, { execArgv = [], ...options } = {}) {
  const transform = require.resolve(
    '@backstage/cli-node/config/nodeTransform.cjs',
    { paths: [path.join(root, 'packages/backend')] },
  );
  const child = fork(path.join(root, file), args, {
    cwd: root,
    execArgv: ['--enable-source-maps', ...execArgv, '--require', transform],
    env: {
      ...process.env,
      ESBK_TSCONFIG_PATH: path.join(root, 'tsconfig.json'),
    },
    ...options,
  });
  process.on('exit', () => child.kill('SIGKILL'));
  return child;
}

/** The next IPC message of `type` from `child` (rejects if it exits first). */
export function nextMessage(child, type) {
  return new Promise((resolve, reject) => {
    const onMessage = m => {
      if (m?.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(m);
    };
    const onExit = code => {
      child.off('message', onMessage);
      reject(
        new Error(
          `${path.basename(child.spawnfile)} exited (${code}) before "${type}"`,
        ),
      );
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/**
 * A fake `kind` (github: `size` PRs with 2 commits and a review each; jira: `size` issues with
 * their changelogs; or a `generateHistory` size object for github) in a child process. Returns { url, requests(), stop() }; `requests()` are
 * the fake's own counts by request kind.
 */
export async function startFake({ root, kind, size, delayMs = 0 }) {
  const child = forkTs(root, 'bench/lib/fakeServer.ts', [
    kind,
    typeof size === 'object' ? JSON.stringify(size) : String(size),
    String(delayMs),
  ]);
  const { url } = await nextMessage(child, 'ready');
  return {
    url,
    pid: child.pid,
    requests: async () => {
      const answer = nextMessage(child, 'requests');
      child.send({ type: 'requests' });
      return (await answer).requests;
    },
    stop: async () => {
      const exited = new Promise(r => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
