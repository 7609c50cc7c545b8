import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Button, Flex, Text } from '@backstage/ui';
import type { ResolvedAlert } from '@valuestream/backstage-plugin-value-stream-common';
import { useId, useMemo, useState } from 'react';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { valueStreamApiRef } from '../../api';
import { formatDateTime, formatDuration } from '../../lib/format';
import { INTENT_FG } from '../../lib/tokens';
import { ruleLabel } from '../AlertsList/groupAlerts';
import { ChartCard } from '../Charts/ChartCard';
import {
  axisColor,
  gridColor,
  seriesColor,
  tooltipStyle,
} from '../Charts/palette';
import { historyRows } from './historyRows';

/** How many resolved alerts the table shows until it is expanded. */
const COLLAPSED_ROWS = 10;

const cell = {
  padding: 'var(--bui-space-1) var(--bui-space-2)',
  textAlign: 'left' as const,
  borderBottom: '1px solid var(--bui-border-1)',
  verticalAlign: 'top' as const,
};

function ResolvedTable(props: {
  items: ResolvedAlert[];
  onOpenItem: (key: string) => void;
}) {
  const { items, onOpenItem } = props;
  const [expanded, setExpanded] = useState(false);
  const tableId = useId();
  const shown = expanded ? items : items.slice(0, COLLAPSED_ROWS);
  return (
    <Flex direction="column" gap="2">
      <div style={{ overflowX: 'auto' }}>
        <table
          id={tableId}
          data-testid="resolved-alerts"
          style={{
            borderCollapse: 'collapse',
            width: '100%',
            fontSize: 'var(--bui-font-size-2)',
            color: 'var(--bui-fg-primary)',
          }}
        >
          <caption
            style={{
              textAlign: 'left',
              paddingBottom: 'var(--bui-space-1)',
              fontWeight: 'bold',
            }}
          >
            Resolved alerts
          </caption>
          <thead>
            <tr>
              <th style={cell}>Alert</th>
              <th style={cell}>Message</th>
              <th style={cell}>Detected</th>
              <th style={cell}>Resolved</th>
              <th style={cell}>Time to resolve</th>
            </tr>
          </thead>
          <tbody>
            {shown.map(alert => (
              <tr key={alert.id} data-testid="resolved-alert">
                <td style={cell}>
                  {ruleLabel(alert.rule)}
                  {alert.stage ? ` · ${alert.stage}` : ''}
                </td>
                <td style={cell}>
                  {alert.message}
                  {alert.workItemKey && (
                    <>
                      {' '}
                      <button
                        type="button"
                        onClick={() => onOpenItem(alert.workItemKey!)}
                        style={{
                          all: 'unset',
                          cursor: 'pointer',
                          color: INTENT_FG.info,
                          textDecoration: 'underline',
                        }}
                      >
                        {alert.workItemKey}
                      </button>
                    </>
                  )}
                </td>
                <td style={cell}>
                  <time dateTime={alert.detectedAt}>
                    {formatDateTime(alert.detectedAt)}
                  </time>
                </td>
                <td style={cell}>
                  <time dateTime={alert.resolvedAt}>
                    {formatDateTime(alert.resolvedAt)}
                  </time>
                </td>
                <td style={cell}>{formatDuration(alert.timeToResolve)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {items.length > COLLAPSED_ROWS && (
        <div>
          <Button
            size="small"
            variant="tertiary"
            aria-expanded={expanded}
            aria-controls={tableId}
            onPress={() => setExpanded(e => !e)}
          >
            {expanded
              ? `Show the latest ${COLLAPSED_ROWS}`
              : `Show all ${items.length} resolved`}
          </Button>
        </div>
      )}
    </Flex>
  );
}

/**
 * The entity's bottleneck history over the range (DESIGN §15): alerts opened and resolved
 * per week with the median time to resolve, and the resolved alerts.
 */
export function AlertHistory(props: {
  entityRef: string;
  from: string;
  to: string;
  onOpenItem: (key: string) => void;
}) {
  const { entityRef, from, to, onOpenItem } = props;
  const api = useApi(valueStreamApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getAlertHistory(entityRef, { from, to }),
    [api, entityRef, from, to],
  );
  const rows = useMemo(() => (value ? historyRows(value) : []), [value]);
  if (error) {
    return (
      <Flex direction="column" gap="2">
        <ResponseErrorPanel
          error={error}
          title="Could not load the bottleneck history"
        />
        <div>
          <Button variant="secondary" onPress={retry}>
            Retry
          </Button>
        </div>
      </Flex>
    );
  }
  if (!value) return loading ? <Progress /> : null;
  const stats = value.timeToResolve;
  return (
    <Flex direction="column" gap="3" data-testid="alert-history">
      <Text variant="body-small" data-testid="alert-history-summary">
        {value.opened} opened and {stats?.count ?? 0} resolved in the range
        {stats
          ? ` · time to resolve: median ${formatDuration(
              stats.p50,
            )}, p85 ${formatDuration(stats.p85)}`
          : ''}
        .
      </Text>
      <ChartCard
        title="Alerts opened and resolved per week"
        summary="Alerts detected and resolved in each week of the range (weeks start on Monday), and the median time to resolve of the week's resolved alerts in hours."
        empty={value.opened === 0 && (stats?.count ?? 0) === 0}
      >
        <ResponsiveContainer>
          <ComposedChart data={rows}>
            <CartesianGrid stroke={gridColor} strokeDasharray="3 3" />
            <XAxis dataKey="label" stroke={axisColor} fontSize={11} />
            <YAxis
              yAxisId="count"
              allowDecimals={false}
              stroke={axisColor}
              fontSize={11}
            />
            <YAxis
              yAxisId="hours"
              orientation="right"
              stroke={axisColor}
              fontSize={11}
              unit=" h"
            />
            <Tooltip contentStyle={tooltipStyle} />
            <Legend />
            <Bar
              yAxisId="count"
              dataKey="opened"
              name="Opened"
              fill={seriesColor(4)}
              isAnimationActive={false}
            />
            <Bar
              yAxisId="count"
              dataKey="resolved"
              name="Resolved"
              fill={seriesColor(1)}
              isAnimationActive={false}
            />
            <Line
              yAxisId="hours"
              dataKey="hoursToResolve"
              name="Median hours to resolve"
              stroke={seriesColor(2)}
              connectNulls
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </ChartCard>
      {value.items.length > 0 ? (
        <ResolvedTable items={value.items} onOpenItem={onOpenItem} />
      ) : (
        <Text variant="body-small" color="secondary">
          No alert resolved in this range.
        </Text>
      )}
    </Flex>
  );
}
