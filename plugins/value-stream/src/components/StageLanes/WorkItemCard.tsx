import { Flex, Text } from '@backstage/ui';
import { RiForbidLine } from '@remixicon/react';
import type { WorkItemSummary } from '@valuestream/backstage-plugin-value-stream-common';
import { type CSSProperties, useId } from 'react';
import { formatDuration, secondsSince } from '../../lib/format';
import { observationLeft } from '../../lib/observation';
import { INTENT_FG } from '../../lib/tokens';

/** Fixed card height (px), so the lane list can be virtualised. */
export const CARD_HEIGHT = 84;

const cardStyle: CSSProperties = {
  all: 'unset',
  boxSizing: 'border-box',
  display: 'block',
  width: '100%',
  height: CARD_HEIGHT,
  padding: 'var(--bui-space-2)',
  cursor: 'pointer',
  background: 'var(--bui-bg-neutral-1)',
  border: '1px solid var(--bui-border-1)',
  borderRadius: 'var(--bui-radius-2)',
};

/** One open work item; a button that opens its journey. */
export function WorkItemCard(props: {
  item: WorkItemSummary;
  onOpen: (key: string) => void;
  now?: number;
}) {
  const { item, onOpen, now } = props;
  const inStage = formatDuration(secondsSince(item.stageEnteredAt, now));
  const observation = observationLeft(item, now);
  // The card is named by its visible text, in reading order (WCAG 2.5.3 label in name); the
  // stage and what a press does are its description.
  const descriptionId = useId();
  return (
    <button
      type="button"
      className="vs-work-item-card"
      style={{
        ...cardStyle,
        borderLeft: `3px solid ${
          item.blocked ? INTENT_FG.danger : 'var(--bui-border-2)'
        }`,
      }}
      aria-describedby={descriptionId}
      data-testid={`work-item-${item.key}`}
      onClick={() => onOpen(item.key)}
    >
      <Flex direction="column" gap="1">
        <Flex justify="between" align="center">
          <Text variant="body-small" weight="bold">
            {item.key}
          </Text>{' '}
          <Text variant="body-x-small" color="secondary">
            {item.itemType}
          </Text>{' '}
        </Flex>
        <Text variant="body-small" truncate title={item.title}>
          {item.title}
        </Text>{' '}
        <Flex justify="between" align="center">
          <Text variant="body-x-small" color="secondary">
            {inStage} in stage
          </Text>{' '}
          {observation && !item.blocked && (
            <Text
              variant="body-x-small"
              color="secondary"
              data-testid={`observation-${item.key}`}
            >
              {observation}
            </Text>
          )}
          {item.blocked && (
            <Flex align="center" gap="1">
              <RiForbidLine size={12} aria-hidden color={INTENT_FG.danger} />
              <Text variant="body-x-small" weight="bold" color="danger">
                Blocked
              </Text>
            </Flex>
          )}
        </Flex>
      </Flex>
      <span id={descriptionId} hidden>
        {`In ${item.stage}. Opens its journey.`}
      </span>
    </button>
  );
}
