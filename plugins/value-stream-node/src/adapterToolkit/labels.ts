import type { ItemType } from '@valuestream/backstage-plugin-value-stream-common';

/**
 * Label names (lower case) that mark an item type, in priority order.
 * @public
 */
export type LabelVocabulary = ReadonlyArray<
  readonly [ItemType, readonly string[]]
>;

/**
 * The item type the first matching vocabulary entry names for a set of labels
 * (case-insensitive), else `feature`. Each tool module brings its own vocabulary.
 * @public
 */
export function itemTypeFromLabels(
  labels: readonly string[],
  vocabulary: LabelVocabulary,
): ItemType {
  const lower = labels.map(l => l.toLowerCase());
  return (
    vocabulary.find(([, names]) => names.some(n => lower.includes(n)))?.[0] ??
    'feature'
  );
}
