import { Flex, Text } from '@backstage/ui';
import {
  RiAlarmWarningLine,
  RiCheckboxCircleLine,
  RiErrorWarningLine,
} from '@remixicon/react';
import type { StageStatus } from '@valuestream/backstage-plugin-value-stream-common';
import { INTENT_FG } from '../../lib/tokens';

const MARKERS: Record<
  StageStatus,
  {
    label: string;
    color: 'success' | 'warning' | 'danger';
    Icon: typeof RiCheckboxCircleLine;
  }
> = {
  healthy: { label: 'Healthy', color: 'success', Icon: RiCheckboxCircleLine },
  warning: { label: 'Warning', color: 'warning', Icon: RiErrorWarningLine },
  bottleneck: {
    label: 'Bottleneck',
    color: 'danger',
    Icon: RiAlarmWarningLine,
  },
};

/** Stage health as icon plus word, so it never relies on colour alone. */
export function StatusMarker(props: { status: StageStatus }) {
  const { label, color, Icon } = MARKERS[props.status];
  return (
    <Flex align="center" gap="1" data-status={props.status}>
      <Icon size={14} aria-hidden color={INTENT_FG[color]} />
      <Text variant="body-x-small" weight="bold" color={color}>
        {label}
      </Text>
    </Flex>
  );
}
