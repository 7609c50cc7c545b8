import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { Grid } from '@backstage/ui';
import type { MetricsResponse } from '@valuestream/backstage-plugin-value-stream-common';
import { CumulativeFlowChart } from './CumulativeFlowChart';
import { CycleTimeScatter } from './CycleTimeScatter';
import { FlowDistributionChart } from './FlowDistributionChart';
import { LeadTimeBreakdownChart } from './LeadTimeBreakdownChart';
import { ThroughputChart } from './ThroughputChart';
import { useTimeseries } from './useTimeseries';
import { WipTrendChart } from './WipTrendChart';

/**
 * The five flow charts and the lead-time breakdown of an entity for a range.
 * @public
 */
export function Charts(props: {
  entityRef: string;
  metrics: MetricsResponse;
  from: string;
  to: string;
  onOpenItem: (key: string) => void;
}) {
  const { entityRef, metrics, from, to, onOpenItem } = props;
  const { value, loading, error } = useTimeseries(entityRef, from, to);
  if (error)
    return <ResponseErrorPanel error={error} title="Charts unavailable" />;
  if (loading || !value) return <Progress />;
  const stages = metrics.stages.map(s => s.name);
  return (
    <Grid.Root columns={{ initial: '1', md: '2' }} gap="3">
      <CumulativeFlowChart
        series={value.cfd}
        stages={stages}
        valueSeries={value.value}
      />
      <CycleTimeScatter
        series={value.cycleTime}
        stats={metrics.flow.cycleTime}
        onOpenItem={onOpenItem}
      />
      <ThroughputChart series={value.throughput} />
      <FlowDistributionChart metrics={metrics} />
      <WipTrendChart series={value.wip} />
      <LeadTimeBreakdownChart
        series={value.breakdown}
        breakdown={metrics.dora.leadTimeBreakdown}
      />
    </Grid.Root>
  );
}
