import { groupEntities, subgroupsOf } from './rollUp';

const graph = (
  children: Record<string, string[]>,
  owned: Record<string, string[]>,
) => ({
  childrenOf: (g: string) => children[g] ?? [],
  ownedBy: (g: string) => owned[g] ?? [],
});

describe('group roll-ups', () => {
  const owned = {
    'group:default/org': ['component:default/portal'],
    'group:default/pay': [
      'component:default/payments',
      'component:default/shared',
    ],
    'group:default/web': ['component:default/web', 'component:default/shared'],
    'group:default/ledger': ['component:default/ledger'],
  };

  it('includes sub-groups at any depth, an entity owned twice once', () => {
    const g = graph(
      {
        'group:default/org': ['group:default/pay', 'group:default/web'],
        'group:default/pay': ['group:default/ledger'],
      },
      owned,
    );
    expect(groupEntities(g, 'group:default/org')).toEqual([
      'component:default/ledger',
      'component:default/payments',
      'component:default/portal',
      'component:default/shared',
      'component:default/web',
    ]);
    expect(groupEntities(g, 'group:default/pay')).toEqual([
      'component:default/ledger',
      'component:default/payments',
      'component:default/shared',
    ]);
  });

  it('counts only what the group owns with includeSubgroups false', () => {
    const g = graph({ 'group:default/org': ['group:default/pay'] }, owned);
    expect(groupEntities(g, 'group:default/org', false)).toEqual([
      'component:default/portal',
    ]);
    expect(subgroupsOf(g, 'group:default/org', false)).toEqual([
      'group:default/org',
    ]);
  });

  it('ends the walk where a cycle closes, from any group of it', () => {
    // org → pay → ledger → org, and a group its own child.
    const g = graph(
      {
        'group:default/org': ['group:default/pay'],
        'group:default/pay': ['group:default/ledger'],
        'group:default/ledger': ['group:default/org', 'group:default/ledger'],
      },
      owned,
    );
    const all = [
      'component:default/ledger',
      'component:default/payments',
      'component:default/portal',
      'component:default/shared',
    ];
    expect(groupEntities(g, 'group:default/org')).toEqual(all);
    expect(groupEntities(g, 'group:default/ledger')).toEqual(all);
    expect(subgroupsOf(g, 'group:default/pay')).toEqual([
      'group:default/ledger',
      'group:default/org',
      'group:default/pay',
    ]);
  });

  it('answers a group with nothing as empty', () => {
    expect(groupEntities(graph({}, {}), 'group:default/none')).toEqual([]);
  });
});
