import type { ItemType } from '@valuestream/backstage-plugin-value-stream-common';

const WORDS: Array<[ItemType, string[]]> = [
  ['defect', ['bug', 'defect', 'incident']],
  ['risk', ['security', 'vulnerability', 'risk', 'cve']],
  [
    'debt',
    ['debt', 'tech-debt', 'technical-debt', 'refactor', 'chore', 'task'],
  ],
  ['feature', ['feature', 'story', 'epic', 'enhancement']],
];

/** The item type a ticket type or label names, if any. */
export function itemTypeOf(word: string | undefined): ItemType | undefined {
  const w = word?.trim().toLowerCase();
  if (!w) return undefined;
  return WORDS.find(([, words]) => words.includes(w))?.[0];
}

/** Ticket type first, then the first label that names a type, else `feature`. */
export function classifyTicket(
  ticketType: string | undefined,
  labels: string[],
): ItemType {
  return (
    itemTypeOf(ticketType) ??
    labels.map(itemTypeOf).find(t => t !== undefined) ??
    'feature'
  );
}
