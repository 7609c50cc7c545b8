import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Dialog, DialogBody, DialogHeader, Flex, Text } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { valueStreamApiRef } from '../../api';
import { JourneyLinks } from './JourneyLinks';
import { JourneySummary } from './JourneySummary';
import { JourneyTimeline } from './JourneyTimeline';

function JourneyBody(props: { itemKey: string }) {
  const api = useApi(valueStreamApiRef);
  const { value, loading, error } = useAsync(
    () => api.getWorkItem(props.itemKey),
    [api, props.itemKey],
  );
  if (loading) return <Progress />;
  if (error)
    return <ResponseErrorPanel error={error} title="Journey unavailable" />;
  if (!value) return null;
  return (
    <Flex direction="column" gap="4">
      <JourneySummary item={value} />
      <section aria-label="Timeline">
        <Text as="h3" variant="body-medium" weight="bold">
          Timeline
        </Text>
        <JourneyTimeline transitions={value.transitions} />
      </section>
      <JourneyLinks links={value.links} />
    </Flex>
  );
}

/**
 * A dialog with one work item's journey; its accessible name is
 * "Journey of <key>". Closed when `itemKey` is undefined.
 * @public
 */
export function WorkItemJourney(props: {
  itemKey?: string;
  onClose: () => void;
}) {
  const { itemKey, onClose } = props;
  return (
    <Dialog
      isOpen={!!itemKey}
      onOpenChange={open => !open && onClose()}
      width={760}
    >
      {itemKey && (
        <>
          <DialogHeader>Journey of {itemKey}</DialogHeader>
          <DialogBody>
            <JourneyBody itemKey={itemKey} />
          </DialogBody>
        </>
      )}
    </Dialog>
  );
}
