import { Grid } from '@backstage/ui';
import type { MetricsResponse } from '@valuestream/backstage-plugin-value-stream-common';
import { MetricCard } from './MetricCard';
import { metricFigures } from './metricFigures';

/**
 * Flow metrics and the five DORA metrics, the first four with their tiers: on wide
 * screens one row each.
 * @public
 */
export function MetricCards(props: { metrics: MetricsResponse }) {
  return (
    <Grid.Root columns={{ initial: '2', md: '6' }} gap="3">
      {metricFigures(props.metrics).map(figure => (
        <MetricCard key={figure.testId} {...figure} />
      ))}
    </Grid.Root>
  );
}
