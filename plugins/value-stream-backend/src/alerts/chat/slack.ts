import { collapse } from '../notificationPayload';
import {
  alertMessage,
  bounded,
  isAbsolute,
  LINK_LABEL,
  ruleTitle,
} from './chatText';
import type { ChatAlert } from './types';

/** A Slack incoming-webhook message (DESIGN §17): `{ text, blocks? }`. @internal */
export interface SlackMessage {
  text: string;
  blocks?: Array<Record<string, unknown>>;
}

/** `&`, `<`, `>` as entities: Slack reads no link (`<url|text>`) or mention (`<!channel>`) in it. */
function esc(text: string): string {
  return collapse(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * The Slack message of a new alert: `text` (the notification and fallback) names the rule,
 * the entity, the work item or stage and links to the tab; `blocks` lay the same out.
 * Pure. @internal
 */
export function slackMessage(input: ChatAlert): SlackMessage {
  const { entityRef, alert, link } = input;
  const title = `${ruleTitle(alert.rule)} on ${esc(bounded(entityRef))}`;
  const message = alertMessage(input, esc, k => esc(k));
  const subject = alert.workItemKey
    ? {
        label: 'Work item',
        value: `${esc(bounded(alert.workItemKey))}${
          alert.stage ? ` (${esc(alert.stage)})` : ''
        }`,
      }
    : { label: 'Stage', value: alert.stage ? esc(alert.stage) : 'all stages' };
  const linkText = isAbsolute(link)
    ? `<${link}|${LINK_LABEL}>`
    : `${LINK_LABEL}: ${link}`;
  return {
    text: `[${alert.severity}] ${title} (${alert.rule}): ${message}. ${subject.label}: ${subject.value}. ${linkText}`,
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `*${title}*\n${message}` },
      },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: `*Rule*\n${alert.rule}` },
          { type: 'mrkdwn', text: `*Severity*\n${alert.severity}` },
          { type: 'mrkdwn', text: `*Entity*\n${esc(bounded(entityRef))}` },
          { type: 'mrkdwn', text: `*${subject.label}*\n${subject.value}` },
        ],
      },
      isAbsolute(link)
        ? {
            type: 'actions',
            elements: [
              {
                type: 'button',
                text: { type: 'plain_text', text: LINK_LABEL },
                url: link,
              },
            ],
          }
        : { type: 'section', text: { type: 'mrkdwn', text: linkText } },
    ],
  };
}
