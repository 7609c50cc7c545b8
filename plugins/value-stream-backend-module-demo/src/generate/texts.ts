import type { ItemType } from '@valuestream/backstage-plugin-value-stream-common';
import type { Rng } from './random';

/** Flow Framework mix of new work: ~60 % features, 25 % defects, 5 % risks, 10 % debt. */
export const ITEM_TYPE_WEIGHTS: Record<ItemType, number> = {
  feature: 60,
  defect: 25,
  risk: 5,
  debt: 10,
};

const VERBS: Record<ItemType, string[]> = {
  feature: ['Add', 'Support', 'Introduce', 'Expose', 'Improve'],
  defect: ['Fix timeout in', 'Fix rounding in', 'Fix crash in', 'Fix race in'],
  risk: ['Harden', 'Patch CVE in', 'Add audit logging to', 'Rate-limit'],
  debt: ['Refactor', 'Clean up', 'Migrate', 'Simplify'],
};

const BRANCH_PREFIX: Record<ItemType, string> = {
  feature: 'feature',
  defect: 'fix',
  risk: 'security',
  debt: 'chore',
};

const PRIORITY_WEIGHTS: Record<ItemType, Record<string, number>> = {
  feature: { High: 2, Medium: 5, Low: 2 },
  defect: { Highest: 1, High: 4, Medium: 3, Low: 1 },
  risk: { Highest: 2, High: 3, Medium: 1 },
  debt: { Medium: 3, Low: 3 },
};

export const BLOCK_REASONS = [
  'Waiting on security review',
  'Waiting for vendor sandbox access',
  'Needs a product decision',
  'Staging environment broken',
  'Depends on a platform team change',
];

export const INCIDENT_TITLES = [
  'Elevated 5xx rate',
  'Latency p99 above SLO',
  'Error budget burn alert',
  'Queue consumer lag',
  'Health check failing',
];

export interface ItemText {
  title: string;
  priority: string;
  /** Short word for the branch name, e.g. `retry`. */
  slug: string;
  branchPrefix: string;
}

export function itemText(
  rng: Rng,
  itemType: ItemType,
  topics: readonly string[],
): ItemText {
  const topic = rng.pick(topics);
  const title = `${rng.pick(VERBS[itemType])} ${topic}`;
  const slug = topic
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return {
    title,
    priority: rng.weighted(PRIORITY_WEIGHTS[itemType]),
    slug,
    branchPrefix: BRANCH_PREFIX[itemType],
  };
}

export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
