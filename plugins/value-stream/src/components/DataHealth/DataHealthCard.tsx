import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { Box, Button, Flex, Text } from '@backstage/ui';
import {
  RiCheckLine,
  RiErrorWarningLine,
  RiRefreshLine,
} from '@remixicon/react';
import type { DataHealth } from '@valuestream/backstage-plugin-value-stream-common';
import { INTENT_FG } from '../../lib/tokens';
import { healthFigures } from './healthFigures';
import { useDataHealth } from './useDataHealth';

/** The shares and warnings of one data-health answer. @internal */
export function DataHealthView(props: { health: DataHealth }) {
  const { health } = props;
  return (
    <Flex direction="column" gap="3" data-testid="data-health">
      <Flex gap="4" style={{ flexWrap: 'wrap' }}>
        {healthFigures(health).map(f => (
          <Text key={f.testId} variant="body-small" data-testid={f.testId}>
            {f.total === 0 ? f.none : `${f.part} of ${f.total} ${f.label}`}
          </Text>
        ))}
      </Flex>
      {health.warnings.length === 0 ? (
        <Flex gap="2" align="center" data-testid="data-health-ok">
          <RiCheckLine size={16} color={INTENT_FG.success} aria-hidden />
          <Text variant="body-small">
            Nothing to fix: every source sent data and the input is linked.
          </Text>
        </Flex>
      ) : (
        <ul
          style={{ margin: 0, padding: 0 }}
          aria-label="What to fix in the input"
        >
          {health.warnings.map(w => (
            <li
              key={`${w.code}-${w.subject ?? ''}`}
              data-testid="data-health-warning"
              data-code={w.code}
              style={{ listStyle: 'none' }}
            >
              <Flex gap="2" align="start" py="1">
                <Box style={{ flexShrink: 0, paddingTop: 2 }}>
                  <RiErrorWarningLine
                    size={16}
                    color={INTENT_FG.warning}
                    aria-hidden
                  />
                </Box>
                <Text variant="body-small">{w.message}</Text>
              </Flex>
            </li>
          ))}
        </ul>
      )}
    </Flex>
  );
}

/**
 * Data health of the entity over the last 30 days (DESIGN §16): how much of its input is
 * linked, and each warning with the fix a team acts on.
 * @internal
 */
export function DataHealthCard(props: { entityRef: string }) {
  const { value, loading, error, retry } = useDataHealth(props.entityRef);
  if (error)
    return (
      <Flex direction="column" gap="2">
        <ResponseErrorPanel error={error} title="Data health unavailable" />
        <Box>
          <Button variant="secondary" onClick={retry}>
            <RiRefreshLine size={16} aria-hidden /> Retry
          </Button>
        </Box>
      </Flex>
    );
  if (!value) return loading ? <Progress /> : null;
  return <DataHealthView health={value} />;
}
