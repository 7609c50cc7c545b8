import type { Config } from '@backstage/config';
import {
  fetchJson,
  type FetchJsonOptions,
} from '@valuestream/backstage-plugin-value-stream-node';
import type { FocalboardBlock, FocalboardBoard } from './mapping/types';

/** `valueStream.sources.focalboard` as the client needs it. */
export interface FocalboardClientConfig {
  baseUrl: string;
  token: string;
}

/** `baseUrl` and `token`, or undefined when either is missing (no REST reads then). */
export function readFocalboardClientConfig(
  config: Config,
): FocalboardClientConfig | undefined {
  const c = config.getOptionalConfig('valueStream.sources.focalboard');
  const baseUrl = c?.getOptionalString('baseUrl')?.replace(/\/+$/, '');
  const token = c?.getOptionalString('token');
  return baseUrl && token ? { baseUrl, token } : undefined;
}

/**
 * Reads boards and cards through Focalboard's REST API v2 (server/api/boards.go,
 * server/api/blocks.go): `Authorization: Bearer <token>` and the
 * `X-Requested-With: XMLHttpRequest` header its CSRF check requires.
 */
export class FocalboardClient {
  constructor(
    private readonly config: FocalboardClientConfig,
    private readonly fetchOptions: Pick<
      FetchJsonOptions,
      'backoffMs' | 'timeoutMs' | 'retries'
    > = {},
  ) {}

  /** `GET /api/v2/boards/{boardID}`: the board with its card properties. */
  board(boardId: string, signal?: AbortSignal): Promise<FocalboardBoard> {
    return this.#get(`/boards/${encodeURIComponent(boardId)}`, boardId, signal);
  }

  /** `GET /api/v2/boards/{boardID}/blocks?block_id=…`: one block, or undefined. */
  async block(
    boardId: string,
    blockId: string,
    signal?: AbortSignal,
  ): Promise<FocalboardBlock | undefined> {
    const blocks = await this.#get<FocalboardBlock[]>(
      `/boards/${encodeURIComponent(
        boardId,
      )}/blocks?block_id=${encodeURIComponent(blockId)}`,
      boardId,
      signal,
    );
    return blocks[0];
  }

  /** `GET /api/v2/boards/{boardID}/blocks?type=card`: every card of the board. */
  cards(boardId: string, signal?: AbortSignal): Promise<FocalboardBlock[]> {
    return this.#get(
      `/boards/${encodeURIComponent(boardId)}/blocks?type=card`,
      boardId,
      signal,
    );
  }

  async #get<T>(path: string, boardId: string, signal?: AbortSignal) {
    const { baseUrl, token } = this.config;
    const answer = await fetchJson<T>(
      `${baseUrl}/api/v2${path}`,
      {
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${token}`,
          'x-requested-with': 'XMLHttpRequest',
        },
      },
      {
        integration: `valueStream.sources.focalboard (${baseUrl})`,
        missingRight: `the token's user must be a member of board ${boardId} (view permission)`,
        signal,
        ...this.fetchOptions,
      },
    );
    return answer.data;
  }
}
