import type { Config } from '@backstage/config';

/** `valueStream.demo` with its defaults. */
export interface DemoConfig {
  enabled: boolean;
  seed: number;
  days: number;
  /** Epoch ms, when pinned in config. */
  anchor?: number;
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
  };
}
