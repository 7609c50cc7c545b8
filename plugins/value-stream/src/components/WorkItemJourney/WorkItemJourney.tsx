import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Dialog, DialogBody, DialogHeader, Flex, Text } from '@backstage/ui';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { valueStreamApiRef } from '../../api';
import { READABLE_INTENT_TEXT } from '../../lib/tokens';
import {
  ItemCorrections,
  UndoNotice,
  UnlinkButton,
  useCorrections,
} from './corrections';
import { JourneyLinks, type JourneyLinkRef } from './JourneyLinks';
import { JourneySummary } from './JourneySummary';
import { JourneyTimeline } from './JourneyTimeline';

function JourneyBody(props: { itemKey: string }) {
  const api = useApi(valueStreamApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getWorkItem(props.itemKey),
    [api, props.itemKey],
  );
  // Offered only to users allowed value-stream.correction.create (DESIGN §16).
  const corrections = useCorrections(value, retry);
  // A reload after a correction keeps showing the journey it replaces.
  if (loading && !value) return <Progress />;
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
      {corrections.last && (
        <UndoNotice
          last={corrections.last}
          busy={corrections.busy}
          onUndo={corrections.undo}
        />
      )}
      <JourneyLinks
        links={value.links}
        linkAction={
          corrections.allowed
            ? (link: JourneyLinkRef) => (
                <UnlinkButton
                  label={link.label}
                  busy={corrections.busy}
                  onUnlink={() =>
                    corrections.apply(
                      link.kind === 'commit'
                        ? {
                            kind: 'unlink',
                            workItemKey: value.key,
                            commitSha: link.sha,
                          }
                        : {
                            kind: 'unlink',
                            workItemKey: value.key,
                            pullRequest: {
                              repository: link.repository,
                              number: link.number,
                            },
                          },
                      `Unlinked ${link.label}.`,
                    )
                  }
                />
              )
            : undefined
        }
      />
      {corrections.allowed && (
        <ItemCorrections item={value} corrections={corrections} />
      )}
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
            <div style={READABLE_INTENT_TEXT}>
              <JourneyBody itemKey={itemKey} />
            </div>
          </DialogBody>
        </>
      )}
    </Dialog>
  );
}
