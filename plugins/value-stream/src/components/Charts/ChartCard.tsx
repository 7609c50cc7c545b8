import { Box, Flex, Text } from '@backstage/ui';
import type { ReactNode } from 'react';

/** A titled panel holding one chart, with a text summary for screen readers. */
export function ChartCard(props: {
  title: string;
  summary: string;
  empty?: boolean;
  children: ReactNode;
}) {
  const { title, summary, empty, children } = props;
  return (
    <Box
      as="figure"
      p="3"
      m="0"
      aria-label={title}
      style={{
        background: 'var(--bui-bg-neutral-1)',
        border: '1px solid var(--bui-border-1)',
        borderRadius: 'var(--bui-radius-3)',
        minWidth: 0,
      }}
    >
      <Flex direction="column" gap="2">
        <Text as="h3" variant="body-medium" weight="bold">
          {title}
        </Text>
        <Text as="p" variant="body-x-small" color="secondary">
          {summary}
        </Text>
        {empty ? (
          <Text variant="body-small" color="secondary">
            No data in this range.
          </Text>
        ) : (
          <div style={{ width: '100%', height: 240 }}>{children}</div>
        )}
      </Flex>
    </Box>
  );
}
