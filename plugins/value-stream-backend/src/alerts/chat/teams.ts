import {
  alertMessage,
  bounded,
  isAbsolute,
  LINK_LABEL,
  ruleTitle,
} from './chatText';
import type { ChatAlert } from './types';

/** An Adaptive Card (https://adaptivecards.io/schemas/adaptive-card.json). @internal */
export interface AdaptiveCard {
  $schema: string;
  type: 'AdaptiveCard';
  version: string;
  body: Array<Record<string, unknown>>;
  actions?: Array<Record<string, unknown>>;
}

/**
 * A Microsoft Teams incoming-webhook (or Workflows) message (DESIGN §17): one Adaptive Card
 * attachment. @internal
 */
export interface TeamsMessage {
  type: 'message';
  attachments: Array<{
    contentType: 'application/vnd.microsoft.card.adaptive';
    contentUrl: null;
    content: AdaptiveCard;
  }>;
}

/** Backslash before Markdown punctuation: the card reads no link or emphasis in event text. */
function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, c => `\\${c}`);
}

/**
 * The Teams message of a new alert: an Adaptive Card 1.4 naming the rule, the entity and the
 * work item or stage, with an action opening the tab. Pure. @internal
 */
export function teamsMessage(input: ChatAlert): TeamsMessage {
  const { entityRef, alert, link } = input;
  const facts = [
    { title: 'Rule', value: alert.rule },
    { title: 'Severity', value: alert.severity },
    { title: 'Entity', value: md(bounded(entityRef)) },
    ...(alert.workItemKey
      ? [{ title: 'Work item', value: md(bounded(alert.workItemKey)) }]
      : []),
    { title: 'Stage', value: md(alert.stage ?? 'all stages') },
  ];
  const body: Array<Record<string, unknown>> = [
    {
      type: 'TextBlock',
      text: `${ruleTitle(alert.rule)} on ${md(bounded(entityRef))}`,
      weight: 'Bolder',
      size: 'Medium',
      color: alert.severity === 'critical' ? 'Attention' : 'Warning',
      wrap: true,
    },
    { type: 'TextBlock', text: alertMessage(input, md, md), wrap: true },
    { type: 'FactSet', facts },
  ];
  if (!isAbsolute(link))
    body.push({
      type: 'TextBlock',
      text: `${LINK_LABEL}: ${link}`,
      wrap: true,
    });
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body,
          ...(isAbsolute(link)
            ? {
                actions: [
                  { type: 'Action.OpenUrl', title: LINK_LABEL, url: link },
                ],
              }
            : {}),
        },
      },
    ],
  };
}
