import type { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { boardIdsOf, FOCALBOARD_BOARD_ID_ANNOTATION } from './boardIds';

const TTL_MS = 60_000;
const MISS_REFRESH_MS = 5_000;

/**
 * Board id → the entity whose `focalboard/board-id` names it, from one catalog query
 * for all annotated entities, kept for a minute (a board not known yet re-reads after
 * 5 s), so a webhook never costs a catalog query of its own.
 */
export class BoardEntities {
  #byBoard = new Map<string, string>();
  #readAt = 0;
  #reading: Promise<void> | undefined;

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async entityOf(boardId: string): Promise<string | undefined> {
    const age = Date.now() - this.#readAt;
    if (age > TTL_MS || (!this.#byBoard.has(boardId) && age > MISS_REFRESH_MS))
      await this.#refresh();
    return this.#byBoard.get(boardId);
  }

  #refresh(): Promise<void> {
    this.#reading ??= (async () => {
      try {
        const { items } = await this.catalog.getEntities(
          {
            filter: {
              [`metadata.annotations.${FOCALBOARD_BOARD_ID_ANNOTATION}`]:
                CATALOG_FILTER_EXISTS,
            },
            fields: [
              'kind',
              'metadata.namespace',
              'metadata.name',
              'metadata.annotations',
            ],
          },
          { credentials: await this.auth.getOwnServiceCredentials() },
        );
        const byBoard = new Map<string, string>();
        // sorted, so a board two entities claim always goes to the same one
        for (const entity of [...items].sort((a, b) =>
          stringifyEntityRef(a).localeCompare(stringifyEntityRef(b)),
        )) {
          for (const id of boardIdsOf(
            entity.metadata.annotations?.[FOCALBOARD_BOARD_ID_ANNOTATION],
          )) {
            if (!byBoard.has(id)) byBoard.set(id, stringifyEntityRef(entity));
          }
        }
        this.#byBoard = byBoard;
        this.#readAt = Date.now();
      } finally {
        this.#reading = undefined;
      }
    })();
    return this.#reading;
  }
}
