import { Flex, Grid, Text } from '@backstage/ui';
import type { WorkItemDetail } from '@valuestream/backstage-plugin-value-stream-common';
import { formatDateTime, formatDuration } from '../../lib/format';
import { observationLeft } from '../../lib/observation';

function Figure(props: { label: string; value: string }) {
  return (
    <Flex direction="column" gap="0.5">
      <Text variant="body-x-small" color="secondary">
        {props.label}
      </Text>
      <Text variant="body-small" weight="bold">
        {props.value}
      </Text>
    </Flex>
  );
}

function leadTime(item: WorkItemDetail): number | null {
  if (!item.doneAt) return null;
  return (Date.parse(item.doneAt) - Date.parse(item.createdAt)) / 1000;
}

/** Key facts of a work item: where it is and how long it took. */
export function JourneySummary(props: { item: WorkItemDetail; now?: number }) {
  const { item } = props;
  const observation = observationLeft(item, props.now);
  return (
    <Flex direction="column" gap="2">
      <Text variant="body-medium">{item.title}</Text>
      <Text variant="body-x-small" color="secondary">
        {item.itemType}
        {item.priority ? ` · priority ${item.priority}` : ''} · now in{' '}
        {item.stage}
        {item.blocked ? ' · blocked' : ''}
        {item.excluded ? ' · excluded from metrics and lanes' : ''}
        {observation ? ` · ${observation}` : ''}
      </Text>
      <Grid.Root columns={{ initial: '2', sm: '4' }} gap="2">
        <Figure label="Created" value={formatDateTime(item.createdAt)} />
        <Figure label="Started" value={formatDateTime(item.startedAt)} />
        <Figure label="Done" value={formatDateTime(item.doneAt)} />
        <Figure label="Item lead time" value={formatDuration(leadTime(item))} />
        <Figure label="Cycle time" value={formatDuration(item.cycleTime)} />
        <Figure label="Active time" value={formatDuration(item.activeTime)} />
        <Figure label="Wait time" value={formatDuration(item.waitTime)} />
        <Figure label="Blocked time" value={formatDuration(item.blockedTime)} />
        <Figure
          label="Lead time for changes"
          value={formatDuration(item.leadTimeForChanges)}
        />
      </Grid.Root>
    </Flex>
  );
}
