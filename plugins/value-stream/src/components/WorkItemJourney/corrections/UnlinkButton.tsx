import { Button } from '@backstage/ui';

/** "Unlink" beside a commit or PR of the journey; its accessible name names the link. */
export function UnlinkButton(props: {
  label: string;
  busy: boolean;
  onUnlink: () => void;
}) {
  return (
    <Button
      size="small"
      variant="tertiary"
      aria-label={`Unlink ${props.label}`}
      isDisabled={props.busy}
      onPress={props.onUnlink}
    >
      Unlink
    </Button>
  );
}
