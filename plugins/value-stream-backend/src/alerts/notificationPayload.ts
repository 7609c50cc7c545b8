import type { NotificationService } from '@backstage/plugin-notifications-node';
import type {
  Alert,
  AlertSeverity,
} from '@valuestream/backstage-plugin-value-stream-common';

type NotificationPayload = Parameters<
  NotificationService['send']
>[0]['payload'];

/** Longest work-item key put into a notification, in characters. */
const MAX_KEY_LENGTH = 100;

// C0 and C1 controls (newlines included), zero-width and bidirectional formatting characters.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- control characters are what it removes
  /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** One line of plain text: no control or invisible characters, whitespace collapsed. @internal */
export function oneLine(text: string): string {
  return collapse(text).trim();
}
/** As `oneLine`, without trimming. @internal */
export function collapse(text: string): string {
  return text.replace(INVISIBLE, ' ').replace(/\s+/g, ' ');
}

/**
 * Text from an event made safe for a notification: one line, at most `max` characters, and
 * `&`, `<`, `>` as HTML entities, so that neither an e-mail body nor Slack (`<url|text>`,
 * `<!channel>`) reads markup in it; both show the entities as the characters.
 * @internal
 */
export function escapeNotificationText(text: string, max: number): string {
  const line = oneLine(text);
  const cut = line.length > max ? `${line.slice(0, max - 1)}…` : line;
  return cut.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The notifications topic of every alert (DESIGN §15), which the Slack and e-mail modules route on. @internal */
export const NOTIFICATION_TOPIC = 'value-stream';

/**
 * The notification severity of an alert severity (the notifications service's
 * critical/high/normal/low): `critical` → `high`, `warning` → `normal`, `info` → `low`;
 * `critical` is left to outages. @internal
 */
export function notificationSeverity(
  severity: AlertSeverity,
): 'critical' | 'high' | 'normal' | 'low' {
  if (severity === 'critical') return 'high';
  if (severity === 'warning') return 'normal';
  return 'low';
}

/**
 * The path of the entity's Value Stream tab: `/catalog/<namespace>/<kind>/<name>/value-stream`
 * for `<kind>:<namespace>/<name>`. @internal
 */
export function entityTabPath(entityRef: string): string {
  return `/catalog/${entityRef
    .replace(':', '/')
    .replace(/^([^/]+)\/([^/]+)\/(.+)$/, '$2/$1/$3')}/value-stream`;
}

/**
 * The Backstage notification of a new alert. The work-item key comes from an event (any tool
 * with a token can choose it) and is escaped; the rest of the message is the rule's own text
 * with configured stage names, kept as one line.
 * @internal
 */
export function alertNotificationPayload(
  entityRef: string,
  alert: Alert,
): NotificationPayload {
  const key = alert.workItemKey;
  const description = key
    ? oneLine(
        alert.message
          .split(key)
          .map(collapse)
          .join(escapeNotificationText(key, MAX_KEY_LENGTH)),
      )
    : oneLine(alert.message);
  return {
    title: oneLine(
      `Value stream: ${alert.rule.replace(/_/g, ' ')} on ${entityRef}`,
    ),
    description,
    link: entityTabPath(entityRef),
    severity: notificationSeverity(alert.severity),
    topic: NOTIFICATION_TOPIC,
  };
}
