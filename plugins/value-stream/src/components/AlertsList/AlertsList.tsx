import { Box, Button, Flex, Text } from '@backstage/ui';
import { useId, useMemo, useState } from 'react';
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
import { type AlertGroup, groupAlerts, ruleLabel } from './groupAlerts';

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
              {ruleLabel(alert.rule)}
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

/** How many alerts a group shows until it is expanded. */
export const COLLAPSED_ALERTS = 3;

function AlertGroupView(props: {
  group: AlertGroup;
  onOpenItem: (key: string) => void;
}) {
  const { group, onOpenItem } = props;
  const [expanded, setExpanded] = useState(false);
  const listId = useId();
  const headingId = useId();
  const { label } = SEVERITY[group.severity];
  const count = group.alerts.length;
  const shown = expanded
    ? group.alerts
    : group.alerts.slice(0, COLLAPSED_ALERTS);
  const title = `${ruleLabel(group.rule)}${
    group.stage ? ` · ${group.stage}` : ''
  }`;
  return (
    <Box
      as="li"
      data-testid="alert-group"
      data-rule={group.rule}
      data-stage={group.stage ?? ''}
      style={{ listStyle: 'none' }}
    >
      <Flex direction="column" gap="2">
        <Flex align="center" gap="2" style={{ flexWrap: 'wrap' }}>
          <Text as="h4" id={headingId} variant="body-small" weight="bold">
            {title}
          </Text>
          <Text
            variant="body-x-small"
            color="secondary"
            data-testid="alert-group-count"
          >
            {count} {count === 1 ? 'alert' : 'alerts'} · {label.toLowerCase()}
          </Text>
        </Flex>
        <ul
          id={listId}
          aria-labelledby={headingId}
          style={{
            margin: 0,
            padding: 0,
            display: 'flex',
            flexDirection: 'column',
            gap: 'var(--bui-space-2)',
          }}
        >
          {shown.map(alert => (
            <AlertRow key={alert.id} alert={alert} onOpenItem={onOpenItem} />
          ))}
        </ul>
        {count > COLLAPSED_ALERTS && (
          <div>
            <Button
              size="small"
              variant="tertiary"
              aria-expanded={expanded}
              aria-controls={listId}
              onPress={() => setExpanded(e => !e)}
            >
              {expanded
                ? `Show fewer (${COLLAPSED_ALERTS} of ${count})`
                : `Show all ${count}`}
            </Button>
          </div>
        )}
      </Flex>
    </Box>
  );
}

/**
 * Open bottleneck alerts grouped by rule and stage (DESIGN §15), most severe group first;
 * a group shows its first few alerts and a toggle for the rest.
 * @public
 */
export function AlertsList(props: {
  alerts: Alert[];
  onOpenItem: (key: string) => void;
}) {
  const groups = useMemo(() => groupAlerts(props.alerts), [props.alerts]);
  if (groups.length === 0) {
    return (
      <Text variant="body-small" color="secondary">
        No open bottleneck alerts.
      </Text>
    );
  }
  return (
    <Flex direction="column" gap="2">
      <Text variant="body-x-small" color="secondary">
        {props.alerts.length} open{' '}
        {props.alerts.length === 1 ? 'alert' : 'alerts'} in {groups.length}{' '}
        {groups.length === 1 ? 'group' : 'groups'} (rule and stage).
      </Text>
      <ul
        aria-label="Open alerts"
        style={{
          margin: 0,
          padding: 0,
          display: 'flex',
          flexDirection: 'column',
          gap: 'var(--bui-space-4)',
        }}
      >
        {groups.map(group => (
          <AlertGroupView
            key={group.key}
            group={group}
            onOpenItem={props.onOpenItem}
          />
        ))}
      </ul>
    </Flex>
  );
}
