import { Button, Flex, Text, TextField } from '@backstage/ui';
import {
  ITEM_TYPES,
  type WorkItemDetail,
} from '@valuestream/backstage-plugin-value-stream-common';
import { useState } from 'react';
import { LinkCommitForm } from './LinkCommitForm';
import type { Corrections } from './useCorrections';

/** Type, value, exclusion and a manual commit link of one item (permitted users only). */
export function ItemCorrections(props: {
  item: Pick<WorkItemDetail, 'key' | 'itemType' | 'value' | 'excluded'>;
  corrections: Corrections;
}) {
  const { item, corrections: c } = props;
  const [value, setValue] = useState('');
  const parsed = Number(value);
  const validValue =
    value.trim() !== '' &&
    Number.isInteger(parsed) &&
    parsed >= 1 &&
    parsed <= 100;
  const workItemKey = item.key;
  return (
    <section aria-label="Corrections">
      <Flex direction="column" gap="2">
        <Text as="h4" variant="body-small" weight="bold">
          Corrections
        </Text>
        <Flex gap="1" align="center">
          <Text variant="body-x-small" color="secondary">
            Type
          </Text>
          {ITEM_TYPES.map(t => (
            <Button
              key={t}
              size="small"
              variant={t === item.itemType ? 'primary' : 'tertiary'}
              aria-pressed={t === item.itemType}
              isDisabled={c.busy || t === item.itemType}
              onPress={() =>
                c.apply(
                  { kind: 'set_item', workItemKey, itemType: t },
                  `Type set to ${t}.`,
                )
              }
            >
              {t}
            </Button>
          ))}
        </Flex>
        <Flex gap="2" align="end">
          <TextField
            label={`Value (1–100, now ${item.value ?? 'none'})`}
            size="small"
            value={value}
            onChange={setValue}
          />
          <Button
            size="small"
            variant="secondary"
            isDisabled={!validValue || c.busy}
            onPress={() => {
              c.apply(
                { kind: 'set_item', workItemKey, value: parsed },
                `Value set to ${parsed}.`,
              );
              setValue('');
            }}
          >
            Set value
          </Button>
        </Flex>
        <LinkCommitForm
          busy={c.busy}
          onLink={sha =>
            c.apply(
              { kind: 'link', workItemKey, commitSha: sha },
              `Linked commit ${sha.slice(0, 7)}.`,
            )
          }
        />
        <Flex>
          <Button
            size="small"
            variant="secondary"
            isDisabled={c.busy}
            onPress={() =>
              c.apply(
                { kind: 'exclude_item', workItemKey, excluded: !item.excluded },
                item.excluded
                  ? 'Included in metrics and lanes again.'
                  : 'Excluded from metrics and lanes.',
              )
            }
          >
            {item.excluded ? 'Include in metrics' : 'Exclude from metrics'}
          </Button>
        </Flex>
      </Flex>
    </section>
  );
}
