import { authServiceFactory } from '@backstage/backend-defaults/auth';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Config } from '@backstage/config';
import { ConfigSources } from '@backstage/config-loader';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';

jest.setTimeout(60_000);

/**
 * The configs this repository ships, and the ones its docs tell an adopter to write, loaded the
 * way the backend loads them (config-loader, `${VAR}` substitution) with a given environment.
 */
const root = path.resolve(__dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

async function load(
  sources: Array<{ file: string } | { text: string }>,
  env: Record<string, string> = {},
): Promise<Config> {
  const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'cfg-'));
  const targets = sources.map((s, i) => {
    if ('file' in s)
      return { type: 'path' as const, target: path.join(root, s.file) };
    const target = path.join(dir, `snippet-${i}.yaml`);
    fs.writeFileSync(target, s.text);
    return { type: 'path' as const, target };
  });
  const config = await ConfigSources.toConfig(
    ConfigSources.defaultForTargets({
      rootDir: root,
      targets,
      substitutionFunc: async name => env[name],
    }),
  );
  config.close();
  return config;
}

/** The config with its database replaced by an in-memory SQLite (production names PostgreSQL). */
function inMemoryDatabase(config: Config) {
  const data = config.get() as any;
  return {
    ...data,
    backend: {
      ...data.backend,
      database: { client: 'better-sqlite3', connection: ':memory:' },
    },
  };
}

/** Starts Backstage's real auth service on `config`, as every plugin's start-up does. */
async function startAuth(config: Config) {
  let auth: unknown;
  const backend = await startTestBackend({
    features: [
      authServiceFactory,
      mockServices.rootConfig.factory({ data: inMemoryDatabase(config) }),
      createBackendPlugin({
        pluginId: 'probe',
        register(env) {
          env.registerInit({
            deps: { a: coreServices.auth },
            async init({ a }) {
              auth = a;
            },
          });
        },
      }),
    ],
  });
  await backend.stop();
  return auth;
}

/** The `--config` files of the Dockerfile's CMD, with `${VAR:+...}` expanded as sh does. */
function imageConfigs(env: Record<string, string>): string[] {
  const dockerfile = read('packages/backend/Dockerfile');
  const cmd = dockerfile.split('\n').find(l => l.startsWith('CMD '))!;
  const expanded = cmd.replace(/\$\{(\w+):\+([^}]*)\}/g, (_, name, word) =>
    env[name] ? word : '',
  );
  return [...expanded.matchAll(/--config"?,? "?([\w.-]+\.yaml)/g)].map(
    m => m[1],
  );
}

/** The fallbacks of `${VAR:-fallback}` in app-config.development.yaml: the dev secrets. */
const devSecrets = [
  ...read('app-config.development.yaml').matchAll(/\$\{\w+:-([^}]+)\}/g),
].map(m => m[1].trim());

describe('the backend image', () => {
  it('copies and loads no development config', () => {
    const dockerfile = read('packages/backend/Dockerfile');
    const copied = dockerfile
      .split('\n')
      .filter(l => l.startsWith('COPY '))
      .join('\n');
    expect(copied).not.toMatch(/app-config\*|app-config\.development/);
    expect(read('.dockerignore').split('\n')).toContain(
      'app-config.development.yaml',
    );
    expect(imageConfigs({})).toEqual([
      'app-config.yaml',
      'app-config.production.yaml',
    ]);
    expect(imageConfigs({ VALUE_STREAM_TOKEN: 'x'.repeat(32) })).toEqual([
      'app-config.yaml',
      'app-config.production.yaml',
      'app-config.ingest.yaml',
    ]);
    for (const file of imageConfigs({ VALUE_STREAM_TOKEN: 'x' })) {
      expect(copied).toContain(file);
    }
  });

  it('has no webhook secret and no development secret when the environment sets none', async () => {
    expect(devSecrets).toEqual(
      expect.arrayContaining([
        'dev-github-webhook-secret',
        'dev-gitlab-webhook-token',
        'dev-value-stream-token',
      ]),
    );
    const config = await load(
      imageConfigs({ VALUE_STREAM_TOKEN: 'x'.repeat(32) }).map(file => ({
        file,
      })),
      { VALUE_STREAM_TOKEN: 'x'.repeat(32) },
    );
    const sources = config.getOptionalConfig('valueStream.sources');
    for (const id of sources?.keys() ?? []) {
      expect(sources!.getOptionalString(`${id}.webhookSecret`)).toBeUndefined();
    }
    const text = JSON.stringify(config.get());
    for (const secret of devSecrets) expect(text).not.toContain(secret);
  });

  it('starts its auth service without VALUE_STREAM_TOKEN, and with it', async () => {
    const without = await load(imageConfigs({}).map(file => ({ file })));
    await expect(startAuth(without)).resolves.toBeDefined();
    const env = { VALUE_STREAM_TOKEN: 'x'.repeat(32) };
    const withToken = await load(
      imageConfigs(env).map(file => ({ file })),
      env,
    );
    expect(
      withToken
        .getConfigArray('backend.auth.externalAccess')[0]
        .getString('options.token'),
    ).toBe('x'.repeat(32));
    await expect(startAuth(withToken)).resolves.toBeDefined();
  });
});

describe('local development', () => {
  it('gets its development token and webhook secrets from app-config.development.yaml', async () => {
    const config = await load([
      { file: 'app-config.yaml' },
      { file: 'app-config.development.yaml' },
    ]);
    expect(
      config
        .getConfigArray('backend.auth.externalAccess')[0]
        .getString('options.token'),
    ).toBe('dev-value-stream-token');
    expect(config.getString('valueStream.sources.github.webhookSecret')).toBe(
      'dev-github-webhook-secret',
    );
    await expect(startAuth(config)).resolves.toBeDefined();
  });

  it("points the import demo's GitHub integration and Jira at the demo module's loopback API", async () => {
    const config = await load(
      [{ file: 'app-config.yaml' }, { file: 'app-config.development.yaml' }],
      { VALUE_STREAM_DEMO_IMPORT_PORT: '7123' },
    );
    const api = config.getConfig('valueStream.demo.importApi');
    expect(api.getNumber('port')).toBe(7123);
    const url = 'http://127.0.0.1:7123';
    const github = config
      .getConfigArray('integrations.github')
      .find(c => c.getString('host') === 'demo-github.localhost')!;
    expect(github.getString('apiBaseUrl')).toBe(url);
    expect(github.getString('token')).toBe(api.getString('token'));
    expect(config.getString('valueStream.sources.jira.baseUrl')).toBe(url);
    expect(config.getString('valueStream.sources.jira.token')).toBe(
      api.getString('token'),
    );
    // the example service's source location names that host (GitHub Enterprise-style)
    expect(read('examples/entities.yaml')).toContain(
      'url:https://demo-github.localhost/acme/checkout-service/',
    );
    // and the image never serves it
    const image = await load(imageConfigs({}).map(file => ({ file })));
    expect(image.getOptional('valueStream.demo.importApi')).toBeUndefined();
    expect(
      image.getOptional('valueStream.sources.jira.baseUrl'),
    ).toBeUndefined();
  });

  it('is what `yarn start` and `yarn workspace backend start` load', () => {
    const scripts = [
      JSON.parse(read('package.json')).scripts.start,
      JSON.parse(read('packages/backend/package.json')).scripts.start,
    ];
    for (const script of scripts) {
      expect(script).toMatch(
        /^BACKSTAGE_ENV=\$\{BACKSTAGE_ENV:-development\} /,
      );
    }
  });
});

/**
 * Every YAML block of the install guide and the README that configures `backend` or
 * `valueStream`, except the one meant for app-config.ingest.yaml: merged onto app-config.yaml
 * with an empty environment, the host app's auth service must still start.
 */
const snippets = ['docs/install.md', 'README.md'].flatMap(doc =>
  [...read(doc).matchAll(/^( *)```yaml\n([\s\S]*?)^\1```/gm)]
    .map(([, indent, body]) =>
      body
        .split('\n')
        .map(line => line.slice(indent.length))
        .join('\n'),
    )
    .filter(text => {
      const parsed = yaml.parse(text);
      return parsed && (parsed.backend || parsed.valueStream);
    })
    .map(text => ({ doc, text })),
);

describe('the documented configs', () => {
  it('are found', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(3);
  });

  const isIngestFile = (text: string) =>
    text.split('\n')[0].includes('app-config.ingest.yaml');

  it('keep the static token in a file loaded only where VALUE_STREAM_TOKEN is set', () => {
    const tokens = snippets.filter(s =>
      s.text.includes('${VALUE_STREAM_TOKEN}'),
    );
    expect(tokens.length).toBeGreaterThan(0);
    for (const { text } of tokens) expect(isIngestFile(text)).toBe(true);
  });

  it.each(
    snippets
      .filter(s => !isIngestFile(s.text))
      .map(s => [s.doc, s.text.split('\n')[0], s.text]),
  )(
    '%s %s: an unset variable does not stop the backend',
    async (_doc, _firstLine, text) => {
      const config = await load([{ file: 'app-config.yaml' }, { text }]);
      await expect(startAuth(config)).resolves.toBeDefined();
    },
  );
});
