import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLinks, useEntity } from '@backstage/plugin-catalog-react';
import { Flex, Grid, Text } from '@backstage/ui';
import type { MetricsResponse } from '@valuestream/backstage-plugin-value-stream-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { valueStreamApiRef } from '../../api';
import { presetRange } from '../../lib/dateRange';
import { READABLE_INTENT_TEXT } from '../../lib/tokens';
import { WeakestServices } from '../DataHealth';
import { MetricCard, metricFigures } from '../MetricCards';
import { StatusMarker } from '../StageLanes/StatusMarker';
import { valueFigures } from '../ValueDelivered/valueText';
import { worstStages } from './worstStages';

const ROLL_UP = [
  'cycle-time-p50',
  'throughput',
  'flow-efficiency',
  'load',
  'deployment-frequency',
  'change-failure-rate',
];

const plural = (n: number, one: string, many: string) =>
  `${n} ${n === 1 ? one : many}`;

/** "3 services, 2 processes: stages shown by category" (DESIGN §13 "Profiles"). @internal */
export function processesNote(services: number, profiles: number): string {
  return `${plural(services, 'service', 'services')}, ${plural(
    profiles,
    'process',
    'processes',
  )}: stages shown by category`;
}

/** The roll-up figures, worst bottlenecks and entities of a group or system. @internal */
export function RollUp(props: { metrics: MetricsResponse }) {
  const { metrics } = props;
  const figures = metricFigures(metrics).filter(f =>
    ROLL_UP.includes(f.testId),
  );
  const worst = worstStages(metrics.stages);
  return (
    <Flex direction="column" gap="3">
      <Grid.Root columns={{ initial: '2', md: '3' }} gap="2">
        {figures.map(f => (
          <MetricCard key={f.testId} {...f} />
        ))}
        {metrics.value && (
          <MetricCard
            testId="value-delivered"
            label="Value delivered"
            value={valueFigures(metrics.value).delivered}
            detail={valueFigures(metrics.value).velocity}
          />
        )}
      </Grid.Root>
      <section aria-label="Worst bottlenecks">
        <Text as="h3" variant="body-medium" weight="bold">
          Worst bottlenecks
        </Text>
        {worst.length === 0 ? (
          <Text variant="body-small" color="secondary">
            No stage is a bottleneck or near its limit.
          </Text>
        ) : (
          <ul style={{ margin: 0, padding: 0 }}>
            {worst.map(stage => (
              <li
                key={stage.name}
                data-testid="team-bottleneck"
                style={{ listStyle: 'none' }}
              >
                <Flex justify="between" align="center" py="1">
                  <Text variant="body-small">
                    {stage.name}: {stage.wip ?? 0}
                    {stage.wipLimit !== null ? ` / ${stage.wipLimit}` : ''} in
                    progress
                  </Text>
                  <StatusMarker status={stage.status} />
                </Flex>
              </li>
            ))}
          </ul>
        )}
      </section>
      {metrics.stagesByCategory && (
        <Text
          variant="body-small"
          color="secondary"
          data-testid="team-profiles-note"
        >
          {processesNote(
            metrics.entityRefs?.length ?? 0,
            metrics.profiles?.length ?? 0,
          )}
        </Text>
      )}
      {metrics.entityRefs && metrics.entityRefs.length > 0 && (
        <WeakestServices entityRefs={metrics.entityRefs} />
      )}
      {metrics.entityRefs && metrics.entityRefs.length > 0 && (
        <Text variant="body-small" color="secondary">
          Across{' '}
          <EntityRefLinks
            entityRefs={metrics.entityRefs}
            defaultKind="component"
          />
        </Text>
      )}
    </Flex>
  );
}

/**
 * Group page card: the value-stream roll-up of the entities the group owns
 * over the last 30 days.
 * @public
 */
export function TeamCard() {
  const { entity } = useEntity();
  const api = useApi(valueStreamApiRef);
  const groupRef = stringifyEntityRef(entity);
  const [range] = useState(() => presetRange('30'));
  const { value, loading, error } = useAsync(
    () =>
      api.getGroupMetrics(groupRef, {
        from: range.from,
        to: range.to,
        compare: 'previous',
      }),
    [api, groupRef, range],
  );
  return (
    <div data-testid="value-stream-team-card" style={READABLE_INTENT_TEXT}>
      <InfoCard title="Value stream" subheader="Team roll-up, last 30 days">
        {loading && <Progress />}
        {error && (
          <ResponseErrorPanel error={error} title="Roll-up unavailable" />
        )}
        {value && <RollUp metrics={value} />}
      </InfoCard>
    </div>
  );
}
