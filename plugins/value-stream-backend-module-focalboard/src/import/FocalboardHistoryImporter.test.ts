import { mockServices } from '@backstage/backend-test-utils';
import {
  ImportFailedError,
  type ImportPage,
} from '@valuestream/backstage-plugin-value-stream-node';
import { BOARD_ID, paymentsBoard, TOKEN } from '../__testUtils__/board';
import {
  type Fault,
  startFakeFocalboard,
} from '../__testUtils__/fakeFocalboard';
import { FocalboardClient } from '../FocalboardClient';
import { cardEvents } from '../mapping/cardEvents';
import { FocalboardHistoryImporter } from './FocalboardHistoryImporter';

let fake: Awaited<ReturnType<typeof startFakeFocalboard>> | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function importer(faults: Fault[] = [], token = TOKEN) {
  const { board, blocks } = paymentsBoard();
  fake = await startFakeFocalboard({
    token: TOKEN,
    boards: [board],
    blocks,
    faults,
  });
  const client = new FocalboardClient(
    { baseUrl: fake.baseUrl, token },
    { backoffMs: 10 },
  );
  return new FocalboardHistoryImporter(client, { pageSize: 2 });
}

async function run(
  i: FocalboardHistoryImporter,
  options: { cursor?: string | null; since?: string } = {},
) {
  const pages: ImportPage[] = [];
  for await (const page of i.pages({
    entityRef: 'component:default/payments',
    scope: BOARD_ID,
    cursor: options.cursor ?? null,
    since: new Date(options.since ?? '2026-10-01T00:00:00Z'),
    signal: new AbortController().signal,
    logger: mockServices.logger.mock(),
  }))
    pages.push(page);
  return pages;
}

describe('FocalboardHistoryImporter', () => {
  it('imports every card of the board as the webhook maps it, in pages with a total', async () => {
    const pages = await run(await importer());
    expect(pages.map(p => [p.items, p.total, p.cursor])).toEqual([
      [2, 3, '{"offset":2}'],
      [1, 3, null],
    ]);
    const { board, blocks } = paymentsBoard();
    expect(pages.flatMap(p => p.events)).toEqual(
      blocks.flatMap(card =>
        cardEvents(card, board, { entityRef: 'component:default/payments' }),
      ),
    );
    expect(
      pages
        .flatMap(p => p.events)
        .filter(e => e.type === 'work_item.status_changed')
        .map(e => e.data.to),
    ).toEqual(['Completed 🙌', 'In Progress']);
    expect(fake!.requests).toEqual([
      `GET /api/v2/boards/${BOARD_ID}`,
      `GET /api/v2/boards/${BOARD_ID}/blocks?type=card`,
    ]);
  });

  it('resumes from the cursor and skips cards not updated since `since`', async () => {
    const i = await importer();
    const rest = await run(i, { cursor: '{"offset":2}' });
    expect(rest.flatMap(p => p.events).map(e => e.data.key)).toEqual([
      'cw8jk7kbh1tbwdq7bmkbe5rq3ah',
    ]);
    const recent = await run(i, { since: '2026-11-05T00:00:00Z' });
    expect(recent.map(p => [p.items, p.total])).toEqual([[2, 2]]);
  });

  it('retries a 502 and waits out a 429', async () => {
    const path = `/api/v2/boards/${BOARD_ID}/blocks`;
    const pages = await run(
      await importer([
        { path, nth: 1, status: 502 },
        { path, nth: 2, status: 429, headers: { 'retry-after': '1' } },
      ]),
    );
    expect(pages.reduce((n, p) => n + p.items, 0)).toBe(3);
    expect(fake!.requests.filter(r => r.includes('/blocks'))).toHaveLength(3);
  });

  it('fails on a 401 naming the config and the board membership it needs', async () => {
    const failure = run(await importer([], 'wrong'));
    await expect(failure).rejects.toBeInstanceOf(ImportFailedError);
    await expect(failure).rejects.toThrow(
      `valueStream.sources.focalboard (${
        fake!.baseUrl
      }): 401 access denied to board; the token's user must be a member of board ${BOARD_ID} (view permission)`,
    );
  });

  it('names one scope per board of focalboard/board-id', async () => {
    const i = await importer();
    const entity = (annotations: Record<string, string>) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'x', annotations },
    });
    expect(i.scopes(entity({ 'focalboard/board-id': 'b1, b2,b1' }))).toEqual([
      'b1',
      'b2',
    ]);
    expect(i.scopes(entity({}))).toEqual([]);
  });
});
