import { Flex, Text } from '@backstage/ui';
import type {
  StageMetrics,
  WorkItemSummary,
} from '@valuestream/backstage-plugin-value-stream-common';
import { formatDuration } from '../../lib/format';
import { StatusMarker } from './StatusMarker';
import { VirtualItemList } from './VirtualItemList';

function wipText(stage: StageMetrics, count: number): string {
  if (stage.category === 'done') return 'done in range';
  return stage.wipLimit === null
    ? 'no WIP limit'
    : `WIP ${count} / ${stage.wipLimit}`;
}

/** One column of the lanes: header with count, WIP, health; item cards. */
export function StageLane(props: {
  stage: StageMetrics;
  items: WorkItemSummary[];
  /** Shown instead of the stage's WIP (the Done lane counts items done). */
  count: number;
  onOpen: (key: string) => void;
  now?: number;
}) {
  const { stage, items, count, onOpen, now } = props;
  const overLimit = stage.wipLimit !== null && count > stage.wipLimit;
  return (
    <section
      aria-label={`${stage.name} lane`}
      style={{
        flex: '0 0 232px',
        padding: 'var(--bui-space-2)',
        background: 'var(--bui-bg-neutral-2)',
        border: `1px solid ${
          stage.status === 'bottleneck'
            ? 'var(--bui-negative-border)'
            : 'var(--bui-border-1)'
        }`,
        borderRadius: 'var(--bui-radius-3)',
      }}
    >
      <Flex direction="column" gap="2">
        <Flex justify="between" align="center">
          <Text as="h3" variant="body-medium" weight="bold">
            {stage.name}
          </Text>
          <Text
            variant="title-x-small"
            aria-label={`${count} items`}
            data-testid={`lane-count-${stage.name}`}
          >
            {count}
          </Text>
        </Flex>
        <Flex justify="between" align="center">
          <Text
            variant="body-x-small"
            color={overLimit ? 'danger' : 'secondary'}
            weight={overLimit ? 'bold' : 'regular'}
          >
            {wipText(stage, count)}
            {overLimit ? ' (over limit)' : ''}
          </Text>
          <StatusMarker status={stage.status} />
        </Flex>
        {stage.meanTimeInStage !== null && (
          <Text variant="body-x-small" color="secondary">
            Mean time in stage {formatDuration(stage.meanTimeInStage)}
          </Text>
        )}
        {items.length > 0 ? (
          <VirtualItemList
            items={items}
            onOpen={onOpen}
            now={now}
            label={`${stage.name} items`}
          />
        ) : (
          <Text variant="body-x-small" color="secondary">
            {stage.category === 'done' ? '' : 'No items'}
          </Text>
        )}
      </Flex>
    </section>
  );
}
