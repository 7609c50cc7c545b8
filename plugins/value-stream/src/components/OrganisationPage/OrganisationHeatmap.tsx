import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Text } from '@backstage/ui';
import type {
  OverviewGroup,
  OverviewResponse,
} from '@valuestream/backstage-plugin-value-stream-common';
import { formatPercent } from '../../lib/format';
import { heatmapRows } from './organisation';

const cellStyle = {
  padding: '6px 8px',
  border: '1px solid var(--bui-border-1)',
  textAlign: 'left' as const,
  fontSize: 13,
};

/** The shade of a cell: stronger with more of the group's time (and with alerts, warmer). */
function background(timeShare: number, openAlerts: number) {
  const alpha = Math.min(0.85, timeShare * 1.4);
  const hue = openAlerts > 0 ? 20 : 210;
  return `hsl(${hue} 80% 55% / ${alpha.toFixed(2)})`;
}

/**
 * The bottleneck heatmap (DESIGN §15): one row per group, one column per stage; each cell
 * shows the stage's share of the group's time and its open alerts, in text as well as shade.
 */
export function OrganisationHeatmap(props: {
  overview: OverviewResponse;
  groups: OverviewGroup[];
}) {
  const { stages, rows } = heatmapRows(props.overview, props.groups);
  if (!rows.length)
    return (
      <Text variant="body-small" color="secondary">
        No groups to show.
      </Text>
    );
  return (
    <div style={{ overflowX: 'auto' }}>
      <table
        data-testid="organisation-heatmap"
        style={{ borderCollapse: 'collapse', width: '100%' }}
      >
        <caption style={{ textAlign: 'left', paddingBottom: 4 }}>
          <Text variant="body-x-small" color="secondary">
            Share of each group's time per stage (stage visits that ended in the
            range) and the open alerts there
          </Text>
        </caption>
        <thead>
          <tr>
            <th scope="col" style={cellStyle}>
              Group
            </th>
            {stages.map(s => (
              <th key={s} scope="col" style={cellStyle}>
                {s}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(row => (
            <tr key={row.groupRef} data-testid="heatmap-row">
              <th scope="row" style={cellStyle}>
                <EntityRefLink entityRef={row.groupRef} defaultKind="group" />
              </th>
              {row.cells.map(c => (
                <td
                  key={c.stage}
                  data-testid="heatmap-cell"
                  data-stage={c.stage}
                  style={{
                    ...cellStyle,
                    background: background(c.timeShare, c.openAlerts),
                    color: 'var(--bui-fg-primary)',
                  }}
                >
                  {formatPercent(c.timeShare)}
                  {c.openAlerts > 0
                    ? ` · ${c.openAlerts} alert${c.openAlerts === 1 ? '' : 's'}`
                    : ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
