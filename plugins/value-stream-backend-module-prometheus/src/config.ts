import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** `valueStream.sources.prometheus`, read. @internal */
export interface PrometheusConfig {
  baseUrl: string;
  token?: string;
  /** work-item key → PromQL */
  features: Record<string, string>;
  days: number;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

const KEY = 'valueStream.sources.prometheus';

/** @internal */
export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 24 },
  timeout: { minutes: 10 },
  initialDelay: { minutes: 1 },
};

/**
 * Reads `valueStream.sources.prometheus`; undefined without `baseUrl` or `features`
 * (the module then does nothing). A malformed value stops start-up, naming the key.
 * @internal
 */
export function readPrometheusConfig(
  root: Config,
): PrometheusConfig | undefined {
  const c = root.getOptionalConfig(KEY);
  const baseUrl = c?.getOptionalString('baseUrl');
  // Read raw: work-item keys such as `acme/shop#12` are not valid config key names.
  const raw = c?.getOptional('features');
  if (!c || !baseUrl || raw === undefined) return undefined;
  if (!/^https?:\/\/[^/\s]+/i.test(baseUrl))
    throw new InputError(`${KEY}.baseUrl: expected an http(s) URL`);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new InputError(
      `${KEY}.features: expected an object { <work-item key>: <PromQL> }`,
    );
  const features: Record<string, string> = {};
  for (const [key, query] of Object.entries(raw)) {
    if (!key || /[\s@]/.test(key) || key.length > 300)
      throw new InputError(
        `${KEY}.features.${key}: expected a work-item key (no spaces, no "@", at most 300 characters)`,
      );
    if (typeof query !== 'string' || !query.trim())
      throw new InputError(`${KEY}.features.${key}: expected a PromQL query`);
    features[key] = query;
  }
  const days = c.getOptional('days') ?? 7;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1)
    throw new InputError(
      `${KEY}.days: expected a whole number of days, 1 or more`,
    );
  return {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    token: c.getOptionalString('token'),
    features,
    days,
    schedule: c.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          c.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE,
  };
}
