import type { ItemType } from '@valuestream/backstage-plugin-value-stream-common';

const ISSUE_TYPES: Record<string, ItemType> = {
  bug: 'defect',
  defect: 'defect',
  incident: 'defect',
  story: 'feature',
  feature: 'feature',
  epic: 'feature',
  'new feature': 'feature',
  task: 'debt',
  improvement: 'debt',
  'tech debt': 'debt',
  'technical debt': 'debt',
  risk: 'risk',
  security: 'risk',
  vulnerability: 'risk',
};

/** Jira issue type name → Flow item type; unknown types (Sub-task, custom) are features. */
export function itemTypeOf(issueType: string | undefined): ItemType {
  return ISSUE_TYPES[issueType?.trim().toLowerCase() ?? ''] ?? 'feature';
}
