import { Button, Flex, Text } from '@backstage/ui';
import type { LastCorrection } from './useCorrections';

/** "Unlinked commit abc1234. Undo": the last correction, with its inverse one click away. */
export function UndoNotice(props: {
  last: LastCorrection;
  busy: boolean;
  onUndo: () => void;
}) {
  return (
    <Flex gap="2" align="center" role="status" aria-label="Last correction">
      <Text variant="body-small">{props.last.message}</Text>
      <Button
        size="small"
        variant="secondary"
        isDisabled={props.busy}
        onPress={props.onUndo}
      >
        Undo
      </Button>
    </Flex>
  );
}
