import { Box, Flex, Text } from '@backstage/ui';
import type { DoraTier } from '@valuestream/backstage-plugin-value-stream-common';
import type { FigureChange, FigureTarget } from './metricTrends';

const TIER_COLOR: Record<DoraTier, 'success' | 'info' | 'warning' | 'danger'> =
  {
    elite: 'success',
    high: 'info',
    medium: 'warning',
    low: 'danger',
  };

function changeColor(change?: FigureChange) {
  if (!change || change.improved === null) return 'secondary' as const;
  return change.improved ? ('success' as const) : ('danger' as const);
}

/** One figure with its label, an optional detail line and DORA tier. */
export function MetricCard(props: {
  testId: string;
  label: string;
  value: string;
  detail?: string;
  tier?: DoraTier | null;
  change?: FigureChange;
  target?: FigureTarget;
}) {
  const { testId, label, value, detail, tier, change, target } = props;
  return (
    <Box
      p="3"
      data-testid={`metric-${testId}`}
      role="group"
      aria-label={label}
      style={{
        background: 'var(--bui-bg-neutral-1)',
        border: '1px solid var(--bui-border-1)',
        borderRadius: 'var(--bui-radius-3)',
        minWidth: 0,
      }}
    >
      <Flex direction="column" gap="1">
        <Text variant="body-small" color="secondary">
          {label}
        </Text>
        <Text variant="title-small" weight="bold" data-testid="metric-value">
          {value}
        </Text>
        <Flex justify="between" align="center" gap="2">
          <Text variant="body-x-small" color="secondary">
            {detail ?? ''}
          </Text>
          {tier && (
            <Text
              variant="body-x-small"
              weight="bold"
              color={TIER_COLOR[tier]}
              data-testid="metric-tier"
            >
              {tier[0].toLocaleUpperCase('en-US') + tier.slice(1)}
            </Text>
          )}
        </Flex>
        {(change || target) && (
          <Flex justify="between" align="center" gap="2">
            <Text
              variant="body-x-small"
              weight="bold"
              color={changeColor(change)}
              data-testid="metric-change"
              title={change?.description}
            >
              {change ? `${change.text} vs previous` : ''}
            </Text>
            {target && (
              <Text
                variant="body-x-small"
                color={target.met ? 'success' : 'danger'}
                data-testid="metric-target"
              >
                {`${target.text}${target.met ? ' ✓' : ''}`}
              </Text>
            )}
          </Flex>
        )}
      </Flex>
    </Box>
  );
}
