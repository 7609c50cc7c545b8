import { CodeSnippet, EmptyState } from '@backstage/core-components';
import { Flex, Text } from '@backstage/ui';
import { VALUE_STREAM_ANNOTATIONS } from '../../lib/annotations';

const EXAMPLE = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments
  annotations:
    github.com/project-slug: acme/payments   # GitHub repository
    jira/project-key: PAY                    # Jira project of its work items
    argocd/app-name: payments                # Argo CD application
    pagerduty.com/service-id: PABC123        # PagerDuty service
`;

/**
 * Shown when the entity has none of the annotations that tie events to it.
 * @public
 */
export function MissingAnnotation() {
  return (
    <EmptyState
      missing="field"
      title="No value-stream annotation on this entity"
      description="Value Stream links tool events to an entity through its annotations, and this entity has none of them."
      action={
        <Flex direction="column" gap="2">
          <Text as="p" variant="body-medium">
            Add at least one of{' '}
            {VALUE_STREAM_ANNOTATIONS.map(a => a.annotation).join(', ')} to
            catalog-info.yaml. Each source also needs its webhook secret in
            app-config, for example{' '}
            <code>valueStream.sources.github.webhookSecret</code>.
          </Text>
          <CodeSnippet text={EXAMPLE} language="yaml" showLineNumbers />
        </Flex>
      }
    />
  );
}
