import { ConfigReader } from '@backstage/config';
import { DEFAULT_STAGES } from '@valuestream/backstage-plugin-value-stream-common';
import { journeyConfigFingerprint, readValueStreamConfig } from './readConfig';

const read = (valueStream: object) =>
  readValueStreamConfig(new ConfigReader({ valueStream }));

describe('readValueStreamConfig stages', () => {
  it('gives the default stages their §4 roles', () => {
    const stages = read({}).stages;
    expect(stages.map(s => [s.name, s.roles])).toEqual([
      ['Backlog', []],
      ['In Progress', ['first_commit']],
      ['Code Review', ['pr_opened']],
      ['Build', ['pr_merged', 'build_started']],
      ['Test', ['build_succeeded']],
      ['Deploy Staging', ['staging_deploy_started']],
      ['Validation', ['staging_deploy_succeeded']],
      ['Deploy Production', ['production_deploy_started']],
      ['Monitoring', ['production_deploy_succeeded']],
      ['Done', []],
    ]);
  });

  it('keeps the roles a custom list names', () => {
    const stages = read({
      stages: [
        { name: 'Todo', category: 'queue' },
        { name: 'Review', category: 'wait', roles: ['pr_opened'] },
        { name: 'Build', category: 'active' },
        { name: 'Done', category: 'done' },
      ],
    }).stages;
    // A list that names roles is taken as given: "Build" gets none by its name.
    expect(stages.map(s => [s.name, s.roles])).toEqual([
      ['Todo', undefined],
      ['Review', ['pr_opened']],
      ['Build', undefined],
      ['Done', undefined],
    ]);
  });

  it('gives a list without roles the default roles of default stage names', () => {
    const stages = read({
      stages: [
        { name: 'Backlog', category: 'queue' },
        { name: 'In Progress', category: 'active', wipLimit: 3 },
        { name: 'Review', category: 'wait' },
        { name: 'Build', category: 'active' },
        { name: 'Done', category: 'done' },
      ],
    }).stages;
    expect(stages.map(s => [s.name, s.roles])).toEqual([
      ['Backlog', undefined],
      ['In Progress', ['first_commit']],
      ['Review', undefined],
      ['Build', ['pr_merged', 'build_started']],
      ['Done', undefined],
    ]);
  });

  it('refuses a role claimed by two stages', () => {
    expect(() =>
      read({
        stages: [
          { name: 'Todo', category: 'queue' },
          { name: 'Review', category: 'wait', roles: ['pr_opened'] },
          { name: 'Code Review', category: 'wait', roles: ['pr_opened'] },
          { name: 'Done', category: 'done' },
        ],
      }),
    ).toThrow(
      'valueStream.stages: role "pr_opened" is claimed by both "Review" and "Code Review"; each role may move items into one stage only',
    );
  });

  it('refuses a role listed twice by one stage', () => {
    expect(() =>
      read({
        stages: [
          {
            name: 'Review',
            category: 'wait',
            roles: ['pr_opened', 'pr_opened'],
          },
        ],
      }),
    ).toThrow(
      'valueStream.stages: stage "Review" lists role "pr_opened" twice',
    );
  });

  it('refuses an unknown role, naming the stage and the known roles', () => {
    expect(() =>
      read({
        stages: [
          { name: 'Todo', category: 'queue' },
          { name: 'Review', category: 'wait', roles: ['pr_open'] },
        ],
      }),
    ).toThrow(
      'valueStream.stages[1] "Review": unknown role "pr_open"; known roles are first_commit, pr_opened, pr_merged, build_started, build_succeeded, staging_deploy_started, staging_deploy_succeeded, production_deploy_started, production_deploy_succeeded',
    );
  });

  it('keeps the journey fingerprint of the default stages, and changes it with roles', () => {
    const before = JSON.stringify(
      DEFAULT_STAGES.map(s => [s.name, s.category]),
    );
    expect(journeyConfigFingerprint(read({}))).toContain(before);
    const moved = read({
      stages: DEFAULT_STAGES.map(s =>
        s.name === 'Build'
          ? { name: s.name, category: s.category, roles: ['pr_merged'] }
          : { name: s.name, category: s.category, roles: s.roles },
      ),
    });
    expect(journeyConfigFingerprint(moved)).not.toEqual(
      journeyConfigFingerprint(read({})),
    );
  });
});

describe('readValueStreamConfig import', () => {
  const readImport = (imp: object) =>
    readValueStreamConfig(new ConfigReader({ valueStream: { import: imp } }))
      .import;

  it('reads the settings and their defaults', () => {
    expect(readImport({})).toEqual({
      enabled: true,
      historyDays: 90,
      reconcileMinutes: 60,
      concurrency: 2,
    });
    expect(
      readImport({ enabled: false, historyDays: 7, concurrency: 3 }),
    ).toEqual({
      enabled: false,
      historyDays: 7,
      reconcileMinutes: 60,
      concurrency: 3,
    });
  });

  it('refuses a count that is not positive', () => {
    expect(() => readImport({ concurrency: 0 })).toThrow(
      'valueStream.import.concurrency: expected a positive number',
    );
  });
});

describe('readValueStreamConfig rework', () => {
  it('defaults to defects and hotfix/ branches', () => {
    expect(read({}).rework).toEqual({
      itemTypes: ['defect'],
      branchPattern: /^hotfix\//,
    });
  });

  it('reads custom item types and branch pattern', () => {
    const { rework } = read({
      rework: {
        itemTypes: ['defect', 'risk'],
        branchPattern: '^(fix|hotfix)-',
      },
    });
    expect(rework.itemTypes).toEqual(['defect', 'risk']);
    expect(rework.branchPattern.test('fix-12')).toBe(true);
    expect(rework.branchPattern.test('hotfix/12')).toBe(false);
  });

  it('refuses an invalid regular expression, naming the key', () => {
    expect(() => read({ rework: { branchPattern: '^hotfix/(' } })).toThrow(
      /^valueStream\.rework\.branchPattern: "\^hotfix\/\(" is not a valid regular expression/,
    );
  });
});
