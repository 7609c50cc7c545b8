import { Box, Flex, Text } from '@backstage/ui';
import type {
  StageCategory,
  StageTransition,
} from '@valuestream/backstage-plugin-value-stream-common';
import { formatDateTime, formatDuration } from '../../lib/format';
import { INTENT_FG } from '../../lib/tokens';

const CATEGORY: Record<StageCategory, { label: string; color: string }> = {
  queue: { label: 'queue', color: 'var(--bui-gray-6)' },
  active: { label: 'active', color: INTENT_FG.success },
  wait: { label: 'wait', color: INTENT_FG.warning },
  done: { label: 'done', color: INTENT_FG.info },
};

/** Stage visits as a proportional bar (active/wait shading) and a list. */
export function JourneyTimeline(props: { transitions: StageTransition[] }) {
  const { transitions } = props;
  const total = transitions.reduce((sum, t) => sum + t.seconds, 0) || 1;
  return (
    <Flex direction="column" gap="2">
      <div
        aria-hidden
        style={{
          display: 'flex',
          height: 14,
          borderRadius: 'var(--bui-radius-2)',
          overflow: 'hidden',
          border: '1px solid var(--bui-border-1)',
        }}
      >
        {transitions.map((t, i) => (
          <div
            key={`${t.stage}-${i}`}
            title={`${t.stage}: ${formatDuration(t.seconds)}`}
            style={{
              flex: `${Math.max(t.seconds / total, 0.01)} 0 0`,
              background: CATEGORY[t.category].color,
              opacity: t.category === 'wait' ? 0.55 : 0.85,
              borderRight: '1px solid var(--bui-bg-neutral-1)',
            }}
          />
        ))}
      </div>
      <ol aria-label="Stage transitions" style={{ margin: 0, padding: 0 }}>
        {transitions.map((t, i) => (
          <Box
            as="li"
            key={`${t.stage}-${i}`}
            py="1"
            data-testid="journey-transition"
            data-category={t.category}
            style={{
              listStyle: 'none',
              borderBottom: '1px solid var(--bui-border-1)',
            }}
          >
            <Flex align="center" gap="2">
              <span
                aria-hidden
                style={{
                  width: 10,
                  height: 10,
                  borderRadius: 2,
                  background: CATEGORY[t.category].color,
                  flexShrink: 0,
                }}
              />
              <Text
                variant="body-small"
                weight="bold"
                style={{ minWidth: 130 }}
              >
                {t.stage}
              </Text>
              <Text
                variant="body-x-small"
                color="secondary"
                style={{ minWidth: 48 }}
              >
                {CATEGORY[t.category].label}
              </Text>
              <Text
                variant="body-x-small"
                color="secondary"
                style={{ flex: 1 }}
              >
                {formatDateTime(t.enteredAt)}
              </Text>
              <Text variant="body-small">
                {formatDuration(t.seconds)}
                {t.exitedAt === null ? ' (current)' : ''}
              </Text>
            </Flex>
          </Box>
        ))}
      </ol>
    </Flex>
  );
}
