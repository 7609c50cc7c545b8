import { Box, Flex, Text } from '@backstage/ui';
import {
  RiAlarmWarningLine,
  RiErrorWarningLine,
  RiInformationLine,
} from '@remixicon/react';
import type {
  Alert,
  AlertSeverity,
} from '@valuestream/backstage-plugin-value-stream-common';
import { formatDateTime } from '../../lib/format';
import { INTENT_FG } from '../../lib/tokens';

const SEVERITY: Record<
  AlertSeverity,
  {
    label: string;
    color: 'danger' | 'warning' | 'info';
    Icon: typeof RiInformationLine;
  }
> = {
  critical: { label: 'Critical', color: 'danger', Icon: RiAlarmWarningLine },
  warning: { label: 'Warning', color: 'warning', Icon: RiErrorWarningLine },
  info: { label: 'Info', color: 'info', Icon: RiInformationLine },
};

const ORDER: AlertSeverity[] = ['critical', 'warning', 'info'];

function AlertRow(props: { alert: Alert; onOpenItem: (key: string) => void }) {
  const { alert, onOpenItem } = props;
  const { label, color, Icon } = SEVERITY[alert.severity];
  return (
    <Box
      as="li"
      p="2"
      data-testid="alert"
      data-severity={alert.severity}
      style={{
        listStyle: 'none',
        borderLeft: `3px solid ${INTENT_FG[color]}`,
        background: 'var(--bui-bg-neutral-1)',
        borderRadius: 'var(--bui-radius-2)',
      }}
    >
      <Flex align="start" gap="2">
        <Icon size={16} aria-hidden color={INTENT_FG[color]} />
        <Flex direction="column" gap="1">
          <Flex gap="2" align="center">
            <Text variant="body-x-small" weight="bold" color={color}>
              {label}
            </Text>
            <Text variant="body-x-small" color="secondary">
              {alert.rule.replace(/_/g, ' ')}
              {alert.stage ? ` · ${alert.stage}` : ''}
            </Text>
          </Flex>
          <Text variant="body-small">{alert.message}</Text>
          <Flex gap="2" align="center">
            <Text variant="body-x-small" color="secondary">
              Detected{' '}
              <time dateTime={alert.detectedAt}>
                {formatDateTime(alert.detectedAt)}
              </time>
            </Text>
            {alert.workItemKey && (
              <button
                type="button"
                onClick={() => onOpenItem(alert.workItemKey!)}
                aria-label={`Open journey of ${alert.workItemKey}`}
                style={{
                  all: 'unset',
                  cursor: 'pointer',
                  color: INTENT_FG.info,
                  textDecoration: 'underline',
                  fontSize: 'var(--bui-font-size-1)',
                }}
              >
                {alert.workItemKey}
              </button>
            )}
          </Flex>
        </Flex>
      </Flex>
    </Box>
  );
}

/**
 * Open bottleneck alerts, most severe first.
 * @public
 */
export function AlertsList(props: {
  alerts: Alert[];
  onOpenItem: (key: string) => void;
}) {
  const sorted = [...props.alerts].sort(
    (a, b) =>
      ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity) ||
      b.detectedAt.localeCompare(a.detectedAt),
  );
  if (sorted.length === 0) {
    return (
      <Text variant="body-small" color="secondary">
        No open bottleneck alerts.
      </Text>
    );
  }
  return (
    <ul
      aria-label="Open alerts"
      style={{
        margin: 0,
        padding: 0,
        display: 'flex',
        flexDirection: 'column',
        gap: 'var(--bui-space-2)',
      }}
    >
      {sorted.map(alert => (
        <AlertRow key={alert.id} alert={alert} onOpenItem={props.onOpenItem} />
      ))}
    </ul>
  );
}
