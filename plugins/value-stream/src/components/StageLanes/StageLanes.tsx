import { Flex } from '@backstage/ui';
import type {
  MetricsResponse,
  WorkItemSummary,
} from '@valuestream/backstage-plugin-value-stream-common';
import { useMemo } from 'react';
import { groupItemsByStage } from './groupItems';
import { StageLane } from './StageLane';

/**
 * One lane per stage of the metrics response. Counts come from the API's
 * per-stage WIP (the Done lane: items done in the range), cards from the
 * open-items listing.
 * @public
 */
export function StageLanes(props: {
  metrics: MetricsResponse;
  items: WorkItemSummary[];
  onOpenItem: (key: string) => void;
  now?: number;
}) {
  const { metrics, items, onOpenItem, now } = props;
  const byStage = useMemo(() => groupItemsByStage(items), [items]);
  return (
    <Flex
      gap="3"
      align="start"
      style={{ overflowX: 'auto', paddingBottom: 'var(--bui-space-2)' }}
    >
      {metrics.stages.map(stage => {
        const stageItems = byStage.get(stage.name) ?? [];
        const count =
          stage.category === 'done'
            ? metrics.flow.throughput.total
            : stage.wip ?? stageItems.length;
        return (
          <StageLane
            key={stage.name}
            stage={stage}
            items={stageItems}
            count={count}
            onOpen={onOpenItem}
            now={now}
          />
        );
      })}
    </Flex>
  );
}
