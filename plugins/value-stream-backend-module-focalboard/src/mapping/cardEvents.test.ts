import { boardJson, cardJson } from '../__testUtils__/fakeFocalboard';
import { cardEvents } from './cardEvents';

const board = boardJson('bbn1888mtrfbyjgfmt1tetu9ngr', 'Payments');
const STATUS = 'a972dc7a-5f4c-45d2-8044-8c28c69717f1';
const TYPE = 'd3d682bf-e074-49d9-8df5-7320921c2d23';
const IN_PROGRESS = 'ar6b8m3jxr3asyxhr8iucdbo6yc';
const BUG = 'a1mtm777bkagq3iuu7xo9b13qfr';
const created = Date.parse('2026-11-02T09:00:00Z');
const updated = Date.parse('2026-11-03T10:30:00Z');

describe('cardEvents', () => {
  it('maps a card to created, its title and type, and its status since updateAt', () => {
    const card = cardJson(
      board.id,
      'c3pb7bzhz3jbjdrs5ztu9fh4ugh',
      'Card declined',
      { [STATUS]: IN_PROGRESS, [TYPE]: BUG },
      created,
      updated,
    );
    expect(
      cardEvents(card, board, { entityRef: 'component:default/payments' }),
    ).toEqual([
      {
        id: 'c3pb7bzhz3jbjdrs5ztu9fh4ugh:created',
        source: 'focalboard',
        type: 'work_item.created',
        occurredAt: '2026-11-02T09:00:00.000Z',
        entityRef: 'component:default/payments',
        data: {
          key: 'c3pb7bzhz3jbjdrs5ztu9fh4ugh',
          title: 'Card declined',
          itemType: 'defect',
        },
      },
      {
        id: `c3pb7bzhz3jbjdrs5ztu9fh4ugh:updated:${updated}`,
        source: 'focalboard',
        type: 'work_item.updated',
        occurredAt: '2026-11-03T10:30:00.000Z',
        entityRef: 'component:default/payments',
        data: {
          key: 'c3pb7bzhz3jbjdrs5ztu9fh4ugh',
          title: 'Card declined',
          itemType: 'defect',
        },
      },
      {
        id: `c3pb7bzhz3jbjdrs5ztu9fh4ugh:status:${IN_PROGRESS}:${updated}`,
        source: 'focalboard',
        type: 'work_item.status_changed',
        occurredAt: '2026-11-03T10:30:00.000Z',
        entityRef: 'component:default/payments',
        data: { key: 'c3pb7bzhz3jbjdrs5ztu9fh4ugh', to: 'In Progress' },
      },
    ]);
  });

  it('gives only the creation of a new card without a status', () => {
    const card = cardJson(board.id, 'c1', '', {}, created, created);
    expect(cardEvents(card, board).map(e => e.type)).toEqual([
      'work_item.created',
    ]);
    expect(cardEvents(card, board)[0].data).toEqual({
      key: 'c1',
      title: '',
      itemType: 'feature',
    });
  });

  it('reads the status from a configured property name, case-insensitively', () => {
    const renamed = {
      ...board,
      cardProperties: board.cardProperties.map(p =>
        p.id === STATUS ? { ...p, name: 'Stage' } : p,
      ),
    };
    const card = cardJson(
      board.id,
      'c1',
      'x',
      { [STATUS]: IN_PROGRESS },
      created,
      updated,
    );
    expect(
      cardEvents(card, renamed).some(
        e => e.type === 'work_item.status_changed',
      ),
    ).toBe(false);
    expect(
      cardEvents(card, renamed, { statusProperty: 'stage' }).pop()?.data,
    ).toEqual({ key: 'c1', to: 'In Progress' });
  });

  it('ignores other blocks, deleted cards and templates', () => {
    const card = cardJson(board.id, 'c1', 'x', {}, created, updated);
    expect(cardEvents({ ...card, type: 'text' }, board)).toEqual([]);
    expect(cardEvents({ ...card, deleteAt: updated }, board)).toEqual([]);
    expect(
      cardEvents(
        { ...card, fields: { ...card.fields, isTemplate: true } },
        board,
      ),
    ).toEqual([]);
  });
});
