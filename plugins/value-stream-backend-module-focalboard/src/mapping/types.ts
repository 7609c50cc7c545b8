/** A select option of a card property (Focalboard `IPropertyOption`). */
export interface FocalboardOption {
  id: string;
  value: string;
  color?: string;
}

/** A card property of a board (Focalboard `IPropertyTemplate`). */
export interface FocalboardPropertyTemplate {
  id: string;
  name: string;
  type: string;
  options?: FocalboardOption[];
}

/** `GET /api/v2/boards/{boardID}` (server/model/board.go `Board`), the fields read. */
export interface FocalboardBoard {
  id: string;
  title: string;
  cardProperties: FocalboardPropertyTemplate[];
}

/**
 * A block (server/model/block.go `Block`): what the webhook posts and
 * `GET /api/v2/boards/{boardID}/blocks` lists; a card has `type: 'card'` and
 * `fields.properties` `{ <property id>: <option id> }`.
 */
export interface FocalboardBlock {
  id: string;
  boardId: string;
  parentId?: string;
  type: string;
  title: string;
  fields?: {
    icon?: string;
    properties?: Record<string, string | string[]>;
    contentOrder?: unknown[];
    isTemplate?: boolean;
  };
  createAt: number;
  updateAt: number;
  deleteAt?: number;
}
