import { ConfigReader } from '@backstage/config';
import {
  affectedEntities,
  itemProfileEntity,
  ownerRef,
  profileForEntity,
} from './profiles';
import {
  alertConfigFingerprint,
  journeyConfigFingerprint,
  readValueStreamConfig,
} from './readConfig';

const productFlow = {
  stages: [
    { name: 'Backlog', category: 'queue' },
    { name: 'Dev', category: 'active', roles: ['first_commit'] },
    { name: 'Review', category: 'wait', roles: ['pr_opened'] },
    { name: 'Done', category: 'done' },
  ],
  wipLimits: { Dev: 3 },
  statusMapping: { 'In Dev': 'Dev' },
  alerts: { blockedHours: 4 },
  done: { mode: 'delivered' },
  targets: { cycleTimeDays: 5 },
};

const read = (valueStream: object) =>
  readValueStreamConfig(new ConfigReader({ valueStream }));

const config = read({
  wipLimits: { 'Code Review': 5 },
  statusMapping: { 'Ready to ship': 'Validation' },
  alerts: { thresholds: { sigma: 3 } },
  profiles: { 'product-flow': productFlow, mobile: { wipLimits: { Test: 2 } } },
  profileByOwner: {
    'group:default/checkout': 'product-flow',
    'group:mobile': 'mobile',
  },
});
const { profiles } = config;

describe('profileForEntity', () => {
  it('takes the profile the annotation names, over the owner', () => {
    expect(
      profileForEntity(
        { annotation: 'mobile', owners: ['group:default/checkout'] },
        profiles,
      ).name,
    ).toBe('mobile');
  });

  it('else the profile of the owner, through profileByOwner', () => {
    expect(
      profileForEntity({ owners: ['group:default/checkout'] }, profiles).name,
    ).toBe('product-flow');
    // `group:mobile` in the config is group:default/mobile.
    expect(
      profileForEntity({ owners: ['group:default/mobile'] }, profiles).name,
    ).toBe('mobile');
  });

  it('else the top-level settings, also for an annotation naming no profile', () => {
    expect(
      profileForEntity({ owners: ['group:default/payments'] }, profiles).name,
    ).toBe('default');
    expect(
      profileForEntity(
        { annotation: 'nope', owners: ['group:default/payments'] },
        profiles,
      ).name,
    ).toBe('default');
    expect(profileForEntity(undefined, profiles).name).toBe('default');
    // `default` by annotation wins over the owner's profile.
    expect(
      profileForEntity(
        { annotation: 'default', owners: ['group:default/checkout'] },
        profiles,
      ).name,
    ).toBe('default');
  });

  it('takes the first owner in sorted order that has a profile', () => {
    expect(
      profileForEntity(
        { owners: ['group:default/mobile', 'group:default/checkout'] },
        profiles,
      ).name,
    ).toBe('product-flow');
  });
});

describe('resolved profiles', () => {
  it('replace each key the profile sets and keep the top-level ones it does not', () => {
    const p = profiles.byName['product-flow'];
    expect(p.stages).toEqual([
      { name: 'Backlog', category: 'queue' },
      { name: 'Dev', category: 'active', roles: ['first_commit'], wipLimit: 3 },
      { name: 'Review', category: 'wait', roles: ['pr_opened'] },
      { name: 'Done', category: 'done' },
    ]);
    // The defaults that name its stages, then its own mapping (the top level's replaced).
    expect(p.statusMapping['in dev']).toBe('Dev');
    expect(p.statusMapping.backlog).toBe('Backlog');
    expect(p.statusMapping.done).toBe('Done');
    expect(p.statusMapping['in progress']).toBeUndefined();
    expect(p.statusMapping['ready to ship']).toBeUndefined();
    expect(p.thresholds).toEqual({ blockedHours: 4 });
    expect(p.done).toEqual({ mode: 'delivered', observationHours: 24 });
    expect(p.targets).toEqual({ cycleTimeDays: 5 });

    const m = profiles.byName.mobile;
    // The top-level stages (with their limits), its own limit on top.
    expect(m.stages.map(s => [s.name, s.wipLimit])).toContainEqual([
      'Code Review',
      5,
    ]);
    expect(m.stages.find(s => s.name === 'Test')?.wipLimit).toBe(2);
    expect(
      config.stages.find(s => s.name === 'Test')?.wipLimit,
    ).toBeUndefined();
    expect(m.statusMapping['ready to ship']).toBe('Validation');
    expect(m.thresholds).toEqual({ sigma: 3 });
    expect(m.done).toEqual({ mode: 'tracker', observationHours: 24 });
  });

  it('keeps the top-level settings as the default profile', () => {
    expect(profiles.default.name).toBe('default');
    expect(profiles.default.stages).toBe(config.stages);
    expect(profiles.default.statusMapping).toEqual(config.statusMapping);
    expect(profiles.byOwner).toEqual({
      'group:default/checkout': 'product-flow',
      'group:default/mobile': 'mobile',
    });
  });
});

describe('itemProfileEntity', () => {
  it("takes the first entity (sorted) that the item's own key resolves to", () => {
    expect(
      itemProfileEntity(
        ['component:default/a', 'component:default/b', 'component:default/c'],
        ['component:default/c', 'component:default/b'],
      ),
    ).toBe('component:default/b');
  });

  it('else the first entity, and none without entities', () => {
    expect(
      itemProfileEntity(['component:default/b', 'component:default/a'], []),
    ).toBe('component:default/a');
    expect(itemProfileEntity([], ['component:default/a'])).toBeUndefined();
  });
});

describe('affectedEntities', () => {
  const before = {
    profiles: { 'product-flow': 'f1', mobile: 'm1' },
    entities: {
      'component:default/a': 'product-flow',
      'component:default/b': 'mobile',
    },
  };

  it('lists nothing when neither profiles nor assignments changed', () => {
    expect(affectedEntities(before, before)).toEqual([]);
  });

  it('lists the entities of a changed profile only', () => {
    expect(
      affectedEntities(before, {
        ...before,
        profiles: { 'product-flow': 'f2', mobile: 'm1' },
      }),
    ).toEqual(['component:default/a']);
  });

  it('lists entities that moved to or from a profile', () => {
    expect(
      affectedEntities(before, {
        ...before,
        entities: {
          'component:default/b': 'mobile',
          'component:default/c': 'mobile',
        },
      }),
    ).toEqual(['component:default/a', 'component:default/c']);
  });
});

describe('ownerRef', () => {
  it('fills in the kind and namespace, lower case', () => {
    expect(ownerRef('Team-A')).toBe('group:default/team-a');
    expect(ownerRef('user:dev/Alice')).toBe('user:dev/alice');
  });
});

describe('fingerprints and profiles', () => {
  const plain = read({ wipLimits: { 'Code Review': 5 } });
  const withProfile = read({
    wipLimits: { 'Code Review': 5 },
    profiles: { 'product-flow': productFlow },
    profileByOwner: { 'group:default/checkout': 'product-flow' },
  });

  it('leave the journey fingerprint alone: a profile rebuilds only its own entities', () => {
    expect(journeyConfigFingerprint(withProfile)).toBe(
      journeyConfigFingerprint(plain),
    );
  });

  it('change the alert fingerprint with a profile, and keep it without one', () => {
    expect(alertConfigFingerprint(plain)).toBe(
      JSON.stringify({
        stages: plain.stages.map(({ roles, ...st }) => st),
        thresholds: plain.alerts.thresholds,
        refreshMs: plain.alerts.refreshMs,
      }),
    );
    expect(alertConfigFingerprint(withProfile)).not.toBe(
      alertConfigFingerprint(plain),
    );
  });
});
