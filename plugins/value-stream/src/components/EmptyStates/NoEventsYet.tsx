import { CodeSnippet, EmptyState } from '@backstage/core-components';
import { Flex, Text } from '@backstage/ui';

const CURL = `curl -X POST "$BACKSTAGE/api/value-stream/events" \\
  -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \\
  -d '[{"id":"1","source":"manual","type":"work_item.created",
        "occurredAt":"2025-06-01T09:00:00Z",
        "entityRef":"component:default/payments",
        "data":{"key":"PAY-1","title":"First item","itemType":"feature"}}]'`;

/**
 * Shown when the backend has no events for the entity yet: explains the two
 * ways in (webhooks per source, or the events API) and the config each needs.
 * @public
 */
export function NoEventsYet(props: {
  entityRef: string;
  sources: { annotation: string; source: string; value: string }[];
}) {
  const { entityRef, sources } = props;
  return (
    <EmptyState
      missing="data"
      title="No value-stream events yet"
      description={`${entityRef} has no work items, deployments or incidents in this range. Events reach Value Stream in one of two ways:`}
      action={
        <Flex direction="column" gap="2">
          <ul style={{ margin: 0 }}>
            {sources.map(s => (
              <li key={s.annotation}>
                <Text variant="body-medium">
                  {s.annotation} is <code>{s.value}</code>: point the {s.source}{' '}
                  webhook at <code>/api/value-stream/webhooks/{s.source}</code>{' '}
                  and set{' '}
                  <code>valueStream.sources.{s.source}.webhookSecret</code> in
                  app-config (a source without it refuses its webhooks).
                </Text>
              </li>
            ))}
            <li>
              <Text variant="body-medium">
                Or send canonical events to{' '}
                <code>POST /api/value-stream/events</code> with a service token
                (external access), as below.
              </Text>
            </li>
          </ul>
          <CodeSnippet text={CURL} language="bash" />
        </Flex>
      }
    />
  );
}
