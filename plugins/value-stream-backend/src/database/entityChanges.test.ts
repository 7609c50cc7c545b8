import { entityChangeRows } from './entityChanges';

describe('entityChangeRows', () => {
  it('takes the first commit and, per entity, the first deployment of any commit', () => {
    const rows = entityChangeRows(
      [
        { change_id: 'pr#1', sha: 'a' },
        { change_id: 'pr#1', sha: 'b' },
        { change_id: 'pr#1', sha: 'unknown' }, // not stored: no authoredAt
        { change_id: 'c', sha: 'c' },
        { change_id: 'pr#2', sha: 'never' }, // no stored commit at all
      ],
      new Map([
        ['a', 100],
        ['b', 50],
        ['c', 70],
      ]),
      [
        { sha: 'a', entity_ref: 'x', deployed_at: 500 },
        { sha: 'b', entity_ref: 'x', deployed_at: 400 }, // b shipped first to x
        { sha: 'a', entity_ref: 'y', deployed_at: 300 },
        { sha: 'unknown', entity_ref: 'y', deployed_at: 200 }, // still counts as shipping pr#1
        { sha: 'never', entity_ref: 'x', deployed_at: 100 },
      ],
    );
    expect(rows).toEqual([
      {
        entity_ref: 'x',
        change_id: 'pr#1',
        first_commit_at: 50,
        deployed_at: 400,
      },
      {
        entity_ref: 'y',
        change_id: 'pr#1',
        first_commit_at: 50,
        deployed_at: 200,
      },
    ]);
  });

  it('leaves out changes no successful production deployment included', () => {
    expect(
      entityChangeRows([{ change_id: 'c', sha: 'c' }], new Map([['c', 1]]), []),
    ).toEqual([]);
  });
});
