import type { Config } from '@backstage/config';

/** `valueStream.demo` with its defaults. */
export interface DemoConfig {
  enabled: boolean;
  seed: number;
  days: number;
  /** Epoch ms, when pinned in config. */
  anchor?: number;
  /** The loopback GitHub the import demo reads, when `valueStream.demo.importApi` is set. */
  importApi?: DemoImportApiConfig;
  /** The loopback chat receiver, when `valueStream.demo.chatReceiver` is set. */
  chatReceiver?: { port: number };
}

/** `valueStream.demo.importApi` with its defaults. */
export interface DemoImportApiConfig {
  port: number;
  token: string;
  pageDelayMs: number;
}

function readPort(config: Config, key: string) {
  const port = config.getOptionalNumber('port') ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(
      `Invalid valueStream.demo.${key}.port ${port}: expected 0-65535`,
    );
  }
  return port;
}

function readImportApi(config: Config | undefined) {
  if (!config) return undefined;
  const port = config.getOptionalNumber('port') ?? 0;
  const pageDelayMs = config.getOptionalNumber('pageDelayMs') ?? 2000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(
      `Invalid valueStream.demo.importApi.port ${port}: expected 0-65535`,
    );
  }
  if (!(pageDelayMs >= 0)) {
    throw new Error(
      `Invalid valueStream.demo.importApi.pageDelayMs ${pageDelayMs}: expected a number >= 0`,
    );
  }
  return {
    port,
    token: config.getString('token'),
    pageDelayMs,
  };
}

export function readDemoConfig(config: Config): DemoConfig {
  const demo = config.getOptionalConfig('valueStream.demo');
  const anchorText = demo?.getOptionalString('anchor');
  const anchor = anchorText === undefined ? undefined : Date.parse(anchorText);
  if (anchor !== undefined && Number.isNaN(anchor)) {
    throw new Error(
      `Invalid valueStream.demo.anchor '${anchorText}': expected an ISO-8601 date`,
    );
  }
  const days = demo?.getOptionalNumber('days') ?? 90;
  if (!(days > 0)) {
    throw new Error(
      `Invalid valueStream.demo.days ${days}: expected a positive number`,
    );
  }
  return {
    enabled: demo?.getOptionalBoolean('enabled') ?? false,
    seed: demo?.getOptionalNumber('seed') ?? 42,
    days,
    anchor,
    importApi: readImportApi(demo?.getOptionalConfig('importApi')),
    ...(demo?.has('chatReceiver')
      ? {
          chatReceiver: {
            port: readPort(demo.getConfig('chatReceiver'), 'chatReceiver'),
          },
        }
      : {}),
  };
}
