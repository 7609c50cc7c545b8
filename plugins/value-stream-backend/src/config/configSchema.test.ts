import { ConfigReader } from '@backstage/config';
import { validateValueStreamConfig } from './configSchema';
import { readValueStreamConfig } from './readConfig';

const check = (valueStream: unknown) => () =>
  validateValueStreamConfig(valueStream);

const stages = [
  { name: 'Backlog', category: 'queue' },
  { name: 'Dev', category: 'active', roles: ['first_commit'] },
  { name: 'Review', category: 'wait', roles: ['pr_opened'] },
  { name: 'Done', category: 'done' },
];

describe('validateValueStreamConfig', () => {
  it('accepts an empty block, unknown keys and a valid profile', () => {
    expect(() => validateValueStreamConfig(undefined)).not.toThrow();
    expect(check({ someModule: { x: 1 } })).not.toThrow();
    expect(
      check({
        profiles: {
          mobile: {
            stages,
            wipLimits: { Dev: 3 },
            statusMapping: { 'In Dev': 'Dev' },
            alerts: { sigma: 3, stages: { Dev: { blockedHours: 4 } } },
            done: { mode: 'delivered', observationHours: 12 },
            targets: { cycleTimeDays: 5 },
          },
        },
        profileByOwner: { 'group:default/mobile': 'mobile' },
      }),
    ).not.toThrow();
  });

  it('takes alerts.highValue.threshold at the top level and per profile, from 1 to 100', () => {
    expect(
      check({
        alerts: { highValue: { threshold: 80 } },
        profiles: { mobile: { alerts: { highValue: { threshold: 50 } } } },
      }),
    ).not.toThrow();
    expect(check({ alerts: { highValue: { threshold: 0 } } })).toThrow(
      /valueStream\.alerts\.highValue\.threshold: expected a value from 1 to 100/,
    );
    expect(
      check({ profiles: { mobile: { alerts: { highValue: { limit: 5 } } } } }),
    ).toThrow(/unknown key "limit"; known keys are threshold/);
    const cfg = readValueStreamConfig(
      new ConfigReader({
        valueStream: { alerts: { highValue: { threshold: 80 } } },
      }),
    );
    expect(cfg.alerts.thresholds.highValue).toEqual({ threshold: 80 });
  });

  it('names the key of an unknown role in a profile', () => {
    expect(
      check({
        profiles: {
          mobile: {
            stages: [
              ...stages.slice(0, 2),
              { name: 'Review', category: 'wait', roles: ['x'] },
            ],
          },
        },
      }),
    ).toThrow(
      'valueStream.profiles.mobile.stages[2].roles[0]: unknown role "x"; known roles are first_commit, pr_opened,',
    );
  });

  it('names the key of a role claimed twice within a profile', () => {
    expect(
      check({
        profiles: {
          mobile: {
            stages: [
              ...stages,
              { name: 'QA', category: 'active', roles: ['first_commit'] },
            ],
          },
        },
      }),
    ).toThrow(
      'valueStream.profiles.mobile.stages[4].roles[0]: role "first_commit" is claimed by both "Dev" and "QA"; each role may move items into one stage only',
    );
  });

  it('lets two profiles claim the same role, each once', () => {
    expect(check({ profiles: { a: { stages }, b: { stages } } })).not.toThrow();
  });

  it('names an unknown profile in profileByOwner', () => {
    expect(
      check({
        profiles: { mobile: {} },
        profileByOwner: { 'group:default/web': 'web' },
      }),
    ).toThrow(
      'valueStream.profileByOwner["group:default/web"]: unknown profile "web"; configured profiles are default, mobile',
    );
  });

  it('names the key of a bad category, an unknown key and a bad threshold', () => {
    expect(
      check({
        profiles: {
          mobile: { stages: [{ name: 'Doing', category: 'busy' }] },
        },
      }),
    ).toThrow(
      'valueStream.profiles.mobile.stages[0].category: category "busy" must be one of queue, active, wait, done',
    );
    expect(check({ profiles: { mobile: { stage: [] } } })).toThrow(
      'valueStream.profiles.mobile: unknown key "stage"; known keys are stages, wipLimits, statusMapping, alerts, done, targets',
    );
    expect(
      check({ profiles: { mobile: { alerts: { sigma: 'high' } } } }),
    ).toThrow('valueStream.profiles.mobile.alerts.sigma: expected a number');
    expect(
      check({ alerts: { thresholds: { enabled: { item_stuk: false } } } }),
    ).toThrow(
      'valueStream.alerts.thresholds.enabled.item_stuk: unknown rule "item_stuk"',
    );
    expect(
      check({ profiles: { mobile: { done: { mode: 'shipped' } } } }),
    ).toThrow(
      'valueStream.profiles.mobile.done.mode: "shipped" must be one of tracker, delivered',
    );
    expect(check({ rebuildOnConfigChange: 'yes' })).toThrow(
      'valueStream.rebuildOnConfigChange: expected true or false',
    );
    expect(check({ profiles: { default: {} } })).toThrow(
      'valueStream.profiles.default: "default" names the top-level settings',
    );
  });

  it('stops readValueStreamConfig, naming a profile WIP limit of a missing stage', () => {
    const read = (valueStream: unknown) => () =>
      readValueStreamConfig(new ConfigReader({ valueStream } as any));
    expect(
      read({ profiles: { mobile: { stages, wipLimits: { QA: 2 } } } }),
    ).toThrow(
      'valueStream.profiles.mobile.wipLimits["QA"]: "QA" is not a stage of the profile',
    );
    expect(
      read({
        profiles: { mobile: { stages, statusMapping: { testing: 'QA' } } },
      }),
    ).toThrow(
      'valueStream.profiles.mobile.statusMapping.testing: "QA" is not a stage of the profile',
    );
  });
});
