import { collapse, oneLine } from '../notificationPayload';
import type { ChatAlert } from './types';

/** Longest work-item key or entity ref put into a chat message, in characters. */
const MAX_TEXT = 100;

/** `item_blocked` → `Item blocked`. @internal */
export function ruleTitle(rule: string): string {
  const words = rule.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** One line, at most `MAX_TEXT` characters. */
export function bounded(text: string): string {
  const line = oneLine(text);
  return line.length > MAX_TEXT ? `${line.slice(0, MAX_TEXT - 1)}…` : line;
}

/**
 * The alert's message as one line, with each occurrence of the work-item key (chosen by
 * whoever sent the event) replaced by `key(escaped key)`, and the rest (the rule's text and
 * configured stage names) through `rest`. @internal
 */
export function alertMessage(
  { alert }: ChatAlert,
  rest: (text: string) => string,
  key: (text: string) => string,
): string {
  const k = alert.workItemKey;
  if (!k) return oneLine(rest(alert.message));
  return oneLine(
    alert.message
      .split(k)
      .map(part => rest(collapse(part)))
      .join(key(bounded(k))),
  );
}

/** A link a chat can open (buttons and actions need an absolute URL). @internal */
export function isAbsolute(link: string): boolean {
  return /^https?:\/\//i.test(link);
}

/** The label of the tab link. @internal */
export const LINK_LABEL = 'Open the Value Stream tab';
