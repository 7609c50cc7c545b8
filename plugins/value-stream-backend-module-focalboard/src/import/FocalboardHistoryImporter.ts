import type {
  HistoryImporter,
  ImportPage,
  ImportRunContext,
} from '@valuestream/backstage-plugin-value-stream-node';
import { boardIdsOf, FOCALBOARD_BOARD_ID_ANNOTATION } from '../boardIds';
import type { FocalboardClient } from '../FocalboardClient';
import { cardEvents } from '../mapping/cardEvents';

type Entity = Parameters<HistoryImporter['scopes']>[0];

const PAGE_SIZE = 100;

/**
 * Imports the boards of `focalboard/board-id` (one job per board): the board's card
 * properties and all its cards (`GET …/blocks?type=card`, one answer: the API does not
 * page), those updated since `since`, as the webhook maps them. Focalboard's API keeps
 * no status history (only `/admin/blocks_history` for compliance), so a card gives its
 * creation and its current state; pages of 100 cards, the cursor an offset in creation
 * order.
 */
export class FocalboardHistoryImporter implements HistoryImporter {
  readonly source = 'focalboard';

  constructor(
    private readonly client: FocalboardClient,
    private readonly options: {
      statusProperty?: string;
      pageSize?: number;
    } = {},
  ) {}

  scopes(entity: Entity): string[] {
    return boardIdsOf(
      entity.metadata.annotations?.[FOCALBOARD_BOARD_ID_ANNOTATION],
    );
  }

  async *pages(context: ImportRunContext): AsyncIterable<ImportPage> {
    const boardId = context.scope;
    const board = await this.client.board(boardId, context.signal);
    const cards = (await this.client.cards(boardId, context.signal))
      .filter(c => c.type === 'card' && c.updateAt >= context.since.getTime())
      .sort((a, b) => a.createAt - b.createAt || a.id.localeCompare(b.id));
    const size = this.options.pageSize ?? PAGE_SIZE;
    let offset = context.cursor ? Number(JSON.parse(context.cursor).offset) : 0;
    do {
      const page = cards.slice(offset, offset + size);
      offset += page.length;
      yield {
        events: page.flatMap(card =>
          cardEvents(card, board, {
            entityRef: context.entityRef,
            statusProperty: this.options.statusProperty,
          }),
        ),
        items: page.length,
        total: cards.length,
        cursor: offset < cards.length ? JSON.stringify({ offset }) : null,
      };
    } while (offset < cards.length && !context.signal.aborted);
  }
}
