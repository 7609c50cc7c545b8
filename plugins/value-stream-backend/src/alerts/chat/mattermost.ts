import {
  alertMessage,
  bounded,
  isAbsolute,
  LINK_LABEL,
  ruleTitle,
} from './chatText';
import type { ChatAlert } from './types';

/** A Mattermost incoming-webhook message (DESIGN §17): `{ text }`, in Markdown. @internal */
export interface MattermostMessage {
  text: string;
}

/** Inline code: no Markdown, link or `@channel` mention is read in it. */
function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/**
 * The Mattermost message of a new alert, naming the rule, the entity, the work item or stage
 * and linking to the tab; the event-chosen key and the entity ref are inline code. Pure.
 * @internal
 */
export function mattermostMessage(input: ChatAlert): MattermostMessage {
  const { entityRef, alert, link } = input;
  const message = alertMessage(input, t => t, code);
  const subject = alert.workItemKey
    ? `Work item ${code(bounded(alert.workItemKey))}${
        alert.stage ? ` in stage **${alert.stage}**` : ''
      }`
    : `Stage **${alert.stage ?? 'all stages'}**`;
  const linkText = isAbsolute(link)
    ? `[${LINK_LABEL}](${link})`
    : `${LINK_LABEL}: ${link}`;
  return {
    text: [
      `**${ruleTitle(alert.rule)}** (\`${alert.rule}\`, ${
        alert.severity
      }) on ${code(bounded(entityRef))}`,
      message,
      `${subject} · ${linkText}`,
    ].join('\n'),
  };
}
