import { boardJson, cardJson } from './fakeFocalboard';

export const BOARD_ID = 'bbn1888mtrfbyjgfmt1tetu9ngr';
export const TOKEN = 'focalboard-pat';
export const STATUS = 'a972dc7a-5f4c-45d2-8044-8c28c69717f1';
export const NOT_STARTED = 'ayz81h9f3dwp7rzzbdebesc7ute';
export const IN_PROGRESS = 'ar6b8m3jxr3asyxhr8iucdbo6yc';
export const COMPLETED = 'adeo5xuwne3qjue83fcozekz8ko';

const day = (d: number, h = 9) =>
  Date.parse(
    `2026-11-${String(d).padStart(2, '0')}T${String(h).padStart(
      2,
      '0',
    )}:00:00Z`,
  );

/** A board of three cards (one done, one in progress, one new) and a text block. */
export function paymentsBoard() {
  const board = boardJson(BOARD_ID, 'Payments');
  const blocks = [
    cardJson(
      BOARD_ID,
      'c3pb7bzhz3jbjdrs5ztu9fh4ugh',
      'Card declined',
      { [STATUS]: COMPLETED },
      day(2),
      day(5),
    ),
    cardJson(
      BOARD_ID,
      'cq1wkxh4h7fbxzcxmcz6dnmn1ea',
      'Refund flow',
      { [STATUS]: IN_PROGRESS },
      day(3),
      day(4),
    ),
    cardJson(
      BOARD_ID,
      'cw8jk7kbh1tbwdq7bmkbe5rq3ah',
      'Receipts',
      {},
      day(6),
      day(6),
    ),
    {
      ...cardJson(
        BOARD_ID,
        'tcmhqnm8ywbfwzbm5x7ex8gntho',
        'a description',
        {},
        day(3),
        day(3),
      ),
      type: 'text',
      parentId: 'cq1wkxh4h7fbxzcxmcz6dnmn1ea',
    },
  ];
  return { board, blocks };
}
