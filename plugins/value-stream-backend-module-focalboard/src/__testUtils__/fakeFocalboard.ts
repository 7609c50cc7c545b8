import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FocalboardBlock, FocalboardBoard } from '../mapping/types';

type Obj = Record<string, any>;

/** An answer served instead of the real one to the n-th request (1-based) of a path. */
export interface Fault {
  path: string;
  nth: number;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * A board in the JSON shape of server/model/board.go `Board` (what
 * `GET /api/v2/boards/{boardID}` answers), with a Status and a Type select property as
 * webapp/src/blocks/board.ts `IPropertyTemplate` defines them.
 */
export function boardJson(id: string, title: string): Obj & FocalboardBoard {
  return {
    id,
    teamId: '0',
    channelId: '',
    createdBy: 'u1kxs3xrcyprpjtqa6jmrkiya5c',
    modifiedBy: 'u1kxs3xrcyprpjtqa6jmrkiya5c',
    type: 'P',
    minimumRole: '',
    title,
    description: '',
    icon: '',
    showDescription: false,
    isTemplate: false,
    templateVersion: 0,
    properties: {},
    cardProperties: [
      {
        id: 'a972dc7a-5f4c-45d2-8044-8c28c69717f1',
        name: 'Status',
        type: 'select',
        options: [
          {
            id: 'ayz81h9f3dwp7rzzbdebesc7ute',
            value: 'Not Started',
            color: 'propColorBrown',
          },
          {
            id: 'ar6b8m3jxr3asyxhr8iucdbo6yc',
            value: 'In Progress',
            color: 'propColorYellow',
          },
          {
            id: 'adeo5xuwne3qjue83fcozekz8ko',
            value: 'Completed 🙌',
            color: 'propColorGreen',
          },
        ],
      },
      {
        id: 'd3d682bf-e074-49d9-8df5-7320921c2d23',
        name: 'Type',
        type: 'select',
        options: [
          {
            id: 'a1mtm777bkagq3iuu7xo9b13qfr',
            value: 'Bug',
            color: 'propColorRed',
          },
          {
            id: 'apht1nt5ryukdmxkh6fkfn6rgoy',
            value: 'Feature',
            color: 'propColorBlue',
          },
        ],
      },
      {
        id: 'a8daz81s4xjgke1ww6cwik5w7ye',
        name: 'Estimated Hours',
        type: 'number',
        options: [],
      },
    ],
    createAt: 1762074000000,
    updateAt: 1762074000000,
    deleteAt: 0,
  };
}

/** A card block in the JSON shape of server/model/block.go `Block` (`type: 'card'`). */
export function cardJson(
  boardId: string,
  id: string,
  title: string,
  properties: Record<string, string>,
  createAt: number,
  updateAt: number,
): Obj & FocalboardBlock {
  return {
    id,
    parentId: boardId,
    createdBy: 'u1kxs3xrcyprpjtqa6jmrkiya5c',
    modifiedBy: 'u1kxs3xrcyprpjtqa6jmrkiya5c',
    schema: 1,
    type: 'card',
    title,
    fields: { icon: '', properties, contentOrder: [], isTemplate: false },
    createAt,
    updateAt,
    deleteAt: 0,
    boardId,
  };
}

/**
 * A local Focalboard REST API v2: `GET /api/v2/boards/{boardID}` and
 * `GET /api/v2/boards/{boardID}/blocks` (`block_id`, `type`), checking
 * `Authorization: Bearer` and the `X-Requested-With: XMLHttpRequest` CSRF header as
 * server/api does, answering errors as `ErrorResponse { error, errorCode }`.
 */
export async function startFakeFocalboard(options: {
  token: string;
  boards: FocalboardBoard[];
  blocks: FocalboardBlock[];
  faults?: Fault[];
}) {
  const requests: string[] = [];
  const counts = new Map<string, number>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    const n = (counts.get(url.pathname) ?? 0) + 1;
    counts.set(url.pathname, n);
    const send = (status: number, body: unknown, headers = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    const fault = options.faults?.find(
      f => f.path === url.pathname && f.nth === n,
    );
    if (fault) return send(fault.status, fault.body ?? {}, fault.headers);
    if (req.headers['x-requested-with'] !== 'XMLHttpRequest')
      return send(400, { error: 'checkCSRFToken FAILED', errorCode: 400 });
    if (req.headers.authorization !== `Bearer ${options.token}`)
      return send(401, { error: 'access denied to board', errorCode: 401 });
    const m = /^\/api\/v2\/boards\/([^/]+)(\/blocks)?$/.exec(url.pathname);
    const board = options.boards.find(
      b => b.id === decodeURIComponent(m?.[1] ?? ''),
    );
    if (!m || !board)
      return send(404, { error: 'board not found', errorCode: 404 });
    if (!m[2]) return send(200, board);
    const blockId = url.searchParams.get('block_id');
    const type = url.searchParams.get('type');
    const onBoard = options.blocks.filter(b => b.boardId === board.id);
    if (blockId) {
      const block = onBoard.find(b => b.id === blockId);
      return block
        ? send(200, [block])
        : send(404, {
            error: `block ID=${blockId} on BoardID=${board.id}`,
            errorCode: 404,
          });
    }
    return send(
      200,
      onBoard.filter(b => !type || b.type === type),
    );
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
