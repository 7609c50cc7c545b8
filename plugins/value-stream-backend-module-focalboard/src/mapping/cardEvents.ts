import type {
  CanonicalEvent,
  ItemType,
} from '@valuestream/backstage-plugin-value-stream-common';
import { canonicalEvent } from '@valuestream/backstage-plugin-value-stream-node';
import type {
  FocalboardBlock,
  FocalboardBoard,
  FocalboardPropertyTemplate,
} from './types';

/** Options of {@link cardEvents}. */
export interface CardEventsOptions {
  /** The entity the board belongs to (its `focalboard/board-id`); cards carry no key the catalog knows. */
  entityRef?: string;
  /** The select property holding the status; default `Status`. */
  statusProperty?: string;
}

const SOURCE = 'focalboard';
const ITEM_TYPES: Record<string, ItemType> = {
  bug: 'defect',
  defect: 'defect',
  risk: 'risk',
  security: 'risk',
  debt: 'debt',
  'tech debt': 'debt',
  chore: 'debt',
  task: 'debt',
};

const select = (
  board: FocalboardBoard,
  name: string,
): FocalboardPropertyTemplate | undefined =>
  board.cardProperties.find(
    p => p.type === 'select' && p.name.toLowerCase() === name.toLowerCase(),
  );

/** The option name a card has for a select property. */
function optionOf(
  card: FocalboardBlock,
  property: FocalboardPropertyTemplate | undefined,
) {
  const id = property && card.fields?.properties?.[property.id];
  const option = property?.options?.find(o => o.id === id);
  return option ? { id: option.id, name: option.value } : undefined;
}

/**
 * A card's state as canonical events (pure). Focalboard keeps no status history in its
 * API, so each state is "this status since `updateAt`": the ids name the fact (card,
 * option, time), so the webhook and the import of one state are one event, and a later
 * state with the same status moves nothing (same stage). `work_item.created` at
 * `createAt`; the title and type as `work_item.updated` at `updateAt`. A deleted or
 * template card, or a block that is no card, gives nothing.
 */
export function cardEvents(
  card: FocalboardBlock,
  board: FocalboardBoard,
  options: CardEventsOptions = {},
): CanonicalEvent[] {
  if (card.type !== 'card' || card.deleteAt || card.fields?.isTemplate)
    return [];
  const key = card.id;
  const status = optionOf(
    card,
    select(board, options.statusProperty ?? 'Status'),
  );
  const typeOption = optionOf(card, select(board, 'Type'));
  const itemType =
    ITEM_TYPES[typeOption?.name.toLowerCase() ?? ''] ?? 'feature';
  const attrs = { key, title: card.title, itemType };
  const event = (id: string, type: string, at: number, data: object) =>
    canonicalEvent({
      id,
      source: SOURCE,
      type,
      occurredAt: new Date(at).toISOString(),
      entityRef: options.entityRef,
      data: data as Record<string, unknown>,
    });
  const events = [
    event(`${key}:created`, 'work_item.created', card.createAt, attrs),
  ];
  if (card.updateAt > card.createAt)
    events.push(
      event(
        `${key}:updated:${card.updateAt}`,
        'work_item.updated',
        card.updateAt,
        attrs,
      ),
    );
  if (status)
    events.push(
      event(
        `${key}:status:${status.id}:${card.updateAt}`,
        'work_item.status_changed',
        card.updateAt,
        {
          key,
          to: status.name,
        },
      ),
    );
  return events;
}
