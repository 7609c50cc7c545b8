import { EntityRefLink, EntityRefLinks } from '@backstage/plugin-catalog-react';
import { Text } from '@backstage/ui';
import type {
  OverviewGroup,
  OverviewMetrics,
} from '@valuestream/backstage-plugin-value-stream-common';
import { formatDuration, formatNumber, formatPercent } from '../../lib/format';
import { type Better, changeOf } from '../MetricCards/metricTrends';

const cell = {
  padding: '6px 8px',
  borderBottom: '1px solid var(--bui-border-1)',
  textAlign: 'left' as const,
  verticalAlign: 'top' as const,
  fontSize: 13,
};

interface Column {
  id: string;
  label: string;
  value: (m: OverviewMetrics) => number | null | undefined;
  format: (v: number | null | undefined) => string;
  better: Better;
}

const COLUMNS: Column[] = [
  {
    id: 'throughput',
    label: 'Throughput',
    value: m => m.flow.throughput.perWeek,
    format: v => `${formatNumber(v ?? 0)} / week`,
    better: 'higher',
  },
  {
    id: 'cycle-time',
    label: 'Cycle time (p50)',
    value: m => m.flow.cycleTime?.p50,
    format: v => formatDuration(v ?? undefined),
    better: 'lower',
  },
  {
    id: 'flow-efficiency',
    label: 'Flow efficiency',
    value: m => m.flow.efficiency,
    format: formatPercent,
    better: 'higher',
  },
  {
    id: 'load',
    label: 'WIP',
    value: m => m.flow.load,
    format: v => String(v ?? 0),
    better: 'neutral',
  },
  {
    id: 'value-delivered',
    label: 'Value delivered',
    value: m => m.value?.delivered,
    format: v => formatNumber(v ?? 0),
    better: 'higher',
  },
  {
    id: 'deployments',
    label: 'Deployments',
    value: m => m.dora.deploymentFrequency.perWeek,
    format: v => `${formatNumber(v ?? 0)} / week`,
    better: 'higher',
  },
];

function Change(props: { column: Column; group: OverviewGroup }) {
  const { column, group } = props;
  const change = changeOf(
    column.value(group.metrics),
    column.value(group.previous),
    column.better,
  );
  if (!change) return null;
  let color: 'secondary' | 'success' | 'danger' = 'secondary';
  if (change.improved === true) color = 'success';
  else if (change.improved === false) color = 'danger';
  return (
    <Text
      as="div"
      variant="body-x-small"
      color={color}
      title={change.description}
      data-testid="group-change"
    >
      {change.text}
    </Text>
  );
}

/**
 * Every group with its roll-up and the change against the previous period, with links
 * to the team and each of its services (DESIGN §15).
 */
export function OrganisationGroups(props: { groups: OverviewGroup[] }) {
  return (
    <div style={{ overflowX: 'auto' }}>
      <table
        data-testid="organisation-groups"
        style={{ borderCollapse: 'collapse', width: '100%' }}
      >
        <thead>
          <tr>
            <th scope="col" style={cell}>
              Group
            </th>
            <th scope="col" style={cell}>
              Services
            </th>
            {COLUMNS.map(c => (
              <th key={c.id} scope="col" style={cell}>
                {c.label}
              </th>
            ))}
            <th scope="col" style={cell}>
              Open alerts
            </th>
          </tr>
        </thead>
        <tbody>
          {props.groups.map(g => (
            <tr
              key={g.groupRef}
              data-testid="organisation-group"
              data-group={g.groupRef}
            >
              <th scope="row" style={cell}>
                <EntityRefLink entityRef={g.groupRef} defaultKind="group" />
              </th>
              <td style={cell}>
                {g.entityRefs.length ? (
                  <EntityRefLinks
                    entityRefs={g.entityRefs}
                    defaultKind="component"
                  />
                ) : (
                  <Text variant="body-x-small" color="secondary">
                    none
                  </Text>
                )}
              </td>
              {COLUMNS.map(c => (
                <td key={c.id} style={cell} data-testid={`group-${c.id}`}>
                  {c.format(c.value(g.metrics))}
                  <Change column={c} group={g} />
                </td>
              ))}
              <td style={cell} data-testid="group-open-alerts">
                {g.metrics.openAlerts}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Text as="p" variant="body-x-small" color="secondary">
        ▲ / ▼: against the period of equal length before; green is better, red
        worse. Each group includes its sub-groups' services.
      </Text>
    </div>
  );
}
