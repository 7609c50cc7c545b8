import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { Flex, Grid } from '@backstage/ui';
import type { ValueMetrics } from '@valuestream/backstage-plugin-value-stream-common';
import { MetricCard } from '../MetricCards/MetricCard';
import { IterationChart } from './IterationChart';
import { useIterations } from './useIterations';
import { valueFigures } from './valueText';

/**
 * Value delivered in the range (DESIGN §14): delivered, value velocity, value per day of
 * cycle time and the share of done items with a value, then delivered vs planned per
 * iteration (sprint, milestone).
 * @public
 */
export function ValueDelivered(props: {
  entityRef: string;
  value: ValueMetrics | undefined;
  from: string;
  to: string;
}) {
  const { entityRef, value, from, to } = props;
  const iterations = useIterations(entityRef, from, to);
  const f = value && valueFigures(value);
  return (
    <Flex direction="column" gap="3" data-testid="value-delivered">
      {f && (
        <Grid.Root columns={{ initial: '2', md: '4' }} gap="3">
          <MetricCard
            testId="value-delivered"
            label="Value delivered"
            value={f.delivered}
            detail={f.unvalued}
          />
          <MetricCard
            testId="value-velocity"
            label="Value velocity"
            value={f.velocity}
            detail="value delivered per week"
          />
          <MetricCard
            testId="value-efficiency"
            label="Value efficiency"
            value={f.efficiency}
            detail="value per day of cycle time"
          />
          <MetricCard
            testId="value-share"
            label="Items with a value"
            value={f.valuedShare}
            detail={`${value!.valued} of ${
              value!.valued + value!.unvalued
            } done`}
          />
        </Grid.Root>
      )}
      {iterations.error && (
        <ResponseErrorPanel
          error={iterations.error}
          title="Iterations unavailable"
        />
      )}
      {iterations.loading && <Progress />}
      {iterations.value && (
        <IterationChart iterations={iterations.value.items} />
      )}
    </Flex>
  );
}
