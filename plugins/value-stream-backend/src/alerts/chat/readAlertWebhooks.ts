import type { Config } from '@backstage/config';
import type { AlertSeverity } from '@valuestream/backstage-plugin-value-stream-common';
import { ownerRef } from '../../config/profiles';
import type { ChatFormat } from './types';

/** One `valueStream.alerts.webhooks` entry, checked. @internal */
export interface AlertWebhook {
  format: ChatFormat;
  /** A secret (Slack's and Mattermost's URLs are the credential): never logged. */
  url: string;
  /** Alerts below it are not posted. */
  minSeverity: AlertSeverity;
  /** Owner refs (lower case, full); only their entities' alerts are posted. All when absent. */
  owners?: string[];
  /** How logs name it: `webhooks[0] (slack)`, never by URL. */
  name: string;
}

const FORMATS: readonly ChatFormat[] = ['slack', 'mattermost', 'teams'];
/** Alert severities, lowest first. @internal */
export const SEVERITIES: readonly AlertSeverity[] = [
  'info',
  'warning',
  'critical',
];

/**
 * `valueStream.alerts.webhooks` (DESIGN §15): `[{ url, format, minSeverity?, owners? }]`.
 * A bad entry stops the start with an error naming the key (never the URL).
 * @internal
 */
export function readAlertWebhooks(config: Config): AlertWebhook[] {
  const key = 'valueStream.alerts.webhooks';
  const list = config.getOptionalConfigArray(key) ?? [];
  return list.map((c, i) => {
    const at = `${key}[${i}]`;
    const format = c.getString('format');
    if (!FORMATS.includes(format as ChatFormat)) {
      throw new Error(
        `Invalid ${at}.format '${format}': expected one of ${FORMATS.join(
          ', ',
        )}`,
      );
    }
    const url = c.getString('url');
    let protocol: string | undefined;
    try {
      protocol = new URL(url).protocol;
    } catch {
      protocol = undefined;
    }
    if (protocol !== 'https:' && protocol !== 'http:') {
      throw new Error(`Invalid ${at}.url: expected an http or https URL`);
    }
    const minSeverity = c.getOptionalString('minSeverity') ?? 'info';
    if (!SEVERITIES.includes(minSeverity as AlertSeverity)) {
      throw new Error(
        `Invalid ${at}.minSeverity '${minSeverity}': expected one of ${SEVERITIES.join(
          ', ',
        )}`,
      );
    }
    const owners = c.getOptionalStringArray('owners');
    return {
      format: format as ChatFormat,
      url,
      minSeverity: minSeverity as AlertSeverity,
      ...(owners ? { owners: owners.map(ownerRef) } : {}),
      name: `webhooks[${i}] (${format})`,
    };
  });
}
