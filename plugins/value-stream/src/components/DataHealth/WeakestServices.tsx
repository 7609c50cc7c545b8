import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Flex, Text } from '@backstage/ui';
import type { DataHealth } from '@valuestream/backstage-plugin-value-stream-common';
import useAsync from 'react-use/esm/useAsync';
import { valueStreamApiRef } from '../../api';
import { weakestServices } from './healthFigures';

/** Services read at most, the group's first ones in ref order. */
const MAX_SERVICES = 25;

/**
 * The group's services with the weakest data health (most warnings), each with its first
 * fix; nothing while loading or when every service is healthy. @internal
 */
export function WeakestServices(props: { entityRefs: string[] }) {
  const api = useApi(valueStreamApiRef);
  const refs = props.entityRefs.slice(0, MAX_SERVICES);
  const { value } = useAsync(async () => {
    const answers = await Promise.all(
      refs.map(ref =>
        api
          .getDataHealth(ref)
          .then(a => ({ ...a, entityRef: ref }))
          .catch(() => undefined),
      ),
    );
    return weakestServices(
      answers.filter((a): a is DataHealth => a !== undefined),
    );
  }, [api, refs.join(',')]);
  if (!value?.length) return null;
  return (
    <section aria-label="Weakest data health">
      <Text as="h3" variant="body-medium" weight="bold">
        Weakest data health
      </Text>
      <ul style={{ margin: 0, padding: 0 }}>
        {value.map(h => (
          <li
            key={h.entityRef}
            data-testid="team-weak-service"
            style={{ listStyle: 'none' }}
          >
            <Flex direction="column" gap="0.5" py="1">
              <Text variant="body-small">
                <EntityRefLink
                  entityRef={h.entityRef}
                  defaultKind="component"
                />{' '}
                · {h.warnings.length}{' '}
                {h.warnings.length === 1 ? 'warning' : 'warnings'}
              </Text>
              <Text variant="body-x-small" color="secondary">
                {h.warnings[0].message}
              </Text>
            </Flex>
          </li>
        ))}
      </ul>
    </section>
  );
}
