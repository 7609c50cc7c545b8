import type { WorkItemSummary } from '@valuestream/backstage-plugin-value-stream-common';

/** Items by stage name, longest in stage first. */
export function groupItemsByStage(
  items: WorkItemSummary[],
): Map<string, WorkItemSummary[]> {
  const byStage = new Map<string, WorkItemSummary[]>();
  for (const item of items) {
    const list = byStage.get(item.stage) ?? [];
    list.push(item);
    byStage.set(item.stage, list);
  }
  for (const list of byStage.values()) {
    list.sort((a, b) => a.stageEnteredAt.localeCompare(b.stageEnteredAt));
  }
  return byStage;
}
