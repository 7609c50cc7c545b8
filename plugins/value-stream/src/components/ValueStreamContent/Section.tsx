import { Flex, Text } from '@backstage/ui';
import type { ReactNode } from 'react';

/** A titled block of the Value Stream tab. */
export function Section(props: {
  title: string;
  description?: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { title, description, actions, children } = props;
  return (
    <section aria-label={title}>
      <Flex direction="column" gap="2">
        <Flex justify="between" align="center" style={{ flexWrap: 'wrap' }}>
          <Flex direction="column" gap="0.5">
            <Text as="h2" variant="title-x-small" weight="bold">
              {title}
            </Text>
            {description && (
              <Text variant="body-small" color="secondary">
                {description}
              </Text>
            )}
          </Flex>
          {actions}
        </Flex>
        {children}
      </Flex>
    </section>
  );
}
