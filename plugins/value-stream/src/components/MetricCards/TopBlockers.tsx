import { Text } from '@backstage/ui';
import type { MetricsResponse } from '@valuestream/backstage-plugin-value-stream-common';
import { formatDuration, formatPercent } from '../../lib/format';
import { topBlockers } from './topBlockers';

/** The top blocker categories of the range's done items, by blocked time. */
export function TopBlockers(props: { metrics: MetricsResponse }) {
  const { blockedTime } = props.metrics.flow;
  const top = topBlockers(blockedTime);
  return (
    <Text
      as="p"
      variant="body-small"
      color="secondary"
      data-testid="top-blockers"
    >
      {top.length === 0
        ? 'No blocked time in the items done in range.'
        : `Top blockers (${formatDuration(blockedTime.total)} blocked): ${top
            .map(
              b =>
                `${b.category} ${formatDuration(b.seconds)} (${formatPercent(
                  b.share,
                )})`,
            )
            .join(' · ')}`}
    </Text>
  );
}
