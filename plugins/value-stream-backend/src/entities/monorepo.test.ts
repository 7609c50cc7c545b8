import { entityChangeRows } from '../database/entityChanges';
import { effectiveFiles } from '../database/changeFiles';
import { deploymentEntities } from '../correlation/resolveArtifacts';
import { itemEntityRefs } from '../correlation/itemEntities';
import type { StoredEvent } from '../model';
import { EntityIndex, type IndexedEntity } from './EntityIndex';
import {
  entityPaths,
  parsePathsAnnotation,
  pathFromSourceLocation,
  pathMatcher,
} from './paths';

/** Three entities of acme/mono (two folders, one repository-wide) and one elsewhere. */
const component = (
  name: string,
  annotations: Record<string, string>,
): IndexedEntity => ({
  kind: 'Component',
  metadata: { name, annotations },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/platform' }],
});
const entities = [
  component('payments', {
    'backstage.io/source-location':
      'url:https://github.com/acme/mono/tree/main/services/payments/',
    'jira/project-key': 'MONO',
  }),
  component('ledger', {
    'github.com/project-slug': 'acme/mono',
    'value-stream/paths': 'services/ledger/**, libs/money/',
    'jira/project-key': 'MONO',
  }),
  component('mono-docs', { 'github.com/project-slug': 'acme/mono' }),
  component('web', {
    'backstage.io/source-location':
      'url:https://github.com/acme/web/tree/main/',
  }),
];
const index = new EntityIndex(entities);
const PAYMENTS = 'component:default/payments';
const LEDGER = 'component:default/ledger';
const DOCS = 'component:default/mono-docs';
const WEB = 'component:default/web';

describe('source locations and the paths annotation', () => {
  it('reads the folder of a GitHub or GitLab tree URL; a repository root has no paths', () => {
    expect(
      pathFromSourceLocation(
        'url:https://github.com/acme/mono/tree/main/services/payments/',
      ),
    ).toBe('services/payments/**');
    expect(
      pathFromSourceLocation(
        'https://github.com/acme/mono/blob/main/services/payments',
      ),
    ).toBe('services/payments/**');
    expect(
      pathFromSourceLocation(
        'url:https://gitlab.com/acme/mono/-/tree/main/services/x/',
      ),
    ).toBe('services/x/**');
    expect(
      pathFromSourceLocation(
        'url:https://gitlab.example.com/acme/sub/mono/-/tree/v1.2/a%20b/?ref_type=heads',
      ),
    ).toBe('a b/**');
    expect(
      pathFromSourceLocation('url:https://github.com/acme/mono/tree/main/'),
    ).toBeNull();
    expect(
      pathFromSourceLocation('url:https://github.com/acme/mono'),
    ).toBeNull();
    expect(
      pathFromSourceLocation('url:https://gitlab.com/acme/mono/-/tree/main'),
    ).toBeNull();
  });

  it('splits value-stream/paths on commas; a trailing slash is a folder; it wins over the location', () => {
    expect(parsePathsAnnotation(' services/a/**, ./libs/b/ ,, /c.md')).toEqual([
      'services/a/**',
      'libs/b/**',
      'c.md',
    ]);
    expect(
      entityPaths({
        paths: 'x/**',
        sourceLocation: 'url:https://github.com/o/r/tree/main/y/',
      }),
    ).toEqual(['x/**']);
    expect(entityPaths({})).toEqual([]);
  });

  it('matches files by glob, dotfiles included', () => {
    const match = pathMatcher(['services/a/**', '*.md']);
    expect(match('services/a/src/index.ts')).toBe(true);
    expect(match('services/a/.eslintrc')).toBe(true);
    expect(match('/services/a/x')).toBe(true);
    expect(match('services/ab/x')).toBe(false);
    expect(match('README.md')).toBe(true);
    expect(match('docs/README.md')).toBe(false);
  });
});

describe('EntityIndex.entitiesForChange', () => {
  it('gives a commit in one folder to that folder and the repository-wide entity', () => {
    expect(
      index.entitiesForChange('acme/mono', ['services/payments/api.ts']),
    ).toEqual([PAYMENTS, DOCS]);
  });

  it('gives a commit touching two folders to both', () => {
    expect(
      index
        .entitiesForChange('Acme/Mono', [
          'services/payments/api.ts',
          'libs/money/round.ts',
        ])
        .sort(),
    ).toEqual([LEDGER, DOCS, PAYMENTS].sort());
  });

  it('gives a commit outside every folder only to the repository-wide entity', () => {
    expect(index.entitiesForChange('acme/mono', ['README.md'])).toEqual([DOCS]);
  });

  it('gives a commit with unknown files to every entity of the repository', () => {
    expect(index.entitiesForChange('acme/mono', undefined).sort()).toEqual(
      [DOCS, LEDGER, PAYMENTS].sort(),
    );
    expect(index.entitiesForChange('acme/mono', []).length).toBe(3);
  });

  it('keeps the repository-wide rule for an entity without paths', () => {
    expect(index.entitiesForChange('acme/web', ['anything/at/all'])).toEqual([
      WEB,
    ]);
    expect(index.scopedRepositories(WEB)).toEqual([]);
    expect(index.scopedRepositories(LEDGER)).toEqual(['acme/mono']);
    expect(index.pathsOf(LEDGER)).toEqual([
      'services/ledger/**',
      'libs/money/**',
    ]);
  });

  it('reports the repository of an entity whose paths changed', () => {
    const next = new EntityIndex([
      entities[0],
      component('ledger', {
        'github.com/project-slug': 'acme/mono',
        'value-stream/paths': 'services/ledger/**',
        'jira/project-key': 'MONO',
      }),
      entities[2],
      entities[3],
    ]);
    expect(index.changesTo(next).repositories).toEqual(['acme/mono']);
    expect(index.changesTo(new EntityIndex(entities)).repositories).toEqual([]);
  });
});

const created: StoredEvent = {
  id: '1',
  source: 'jira',
  type: 'work_item.created',
  occurredAt: '2026-01-01T00:00:00Z',
  at: 0,
  data: { key: 'MONO-1', title: 'x', itemType: 'feature' },
};

describe('itemEntityRefs in a monorepo', () => {
  const files = (commits: Record<string, string[]>) => ({
    commits: new Map(Object.entries(commits)),
    prs: new Map<string, string[]>(),
  });

  it('gives a shared-key item with a commit in one folder to that folder only', () => {
    expect(
      itemEntityRefs(index, 'MONO-1', {
        events: [created],
        pullRequests: [],
        commits: [{ sha: 'a1', repository: 'acme/mono' }],
        deployments: [],
        files: files({ a1: ['services/payments/api.ts'] }),
      }),
    ).toEqual([DOCS, PAYMENTS]);
  });

  it('gives an item touching two folders to both', () => {
    expect(
      itemEntityRefs(index, 'MONO-1', {
        events: [created],
        pullRequests: [{ id: 'acme/mono#1', repository: 'acme/mono' }],
        commits: [{ sha: 'a1', repository: 'acme/mono' }],
        deployments: [],
        files: {
          commits: new Map([['a1', ['services/payments/api.ts']]]),
          prs: new Map([
            ['acme/mono#1', ['services/payments/api.ts', 'libs/money/x.ts']],
          ]),
        },
      }),
    ).toEqual([LEDGER, DOCS, PAYMENTS].sort());
  });

  it('keeps the key rule without known files, and for an item without changes', () => {
    const both = [LEDGER, PAYMENTS].sort();
    expect(
      itemEntityRefs(index, 'MONO-1', {
        events: [created],
        pullRequests: [],
        commits: [],
        deployments: [],
      }),
    ).toEqual(both);
    expect(
      itemEntityRefs(index, 'MONO-1', {
        events: [created],
        pullRequests: [],
        commits: [{ sha: 'a1', repository: 'acme/mono' }],
        deployments: [],
        files: files({}),
      }),
    ).toEqual([DOCS, ...both].sort());
  });

  it('drops a deployment-named service whose folder the item never touched', () => {
    const monoIndex = new EntityIndex([
      component('ledger', {
        'github.com/project-slug': 'acme/mono',
        'value-stream/paths': 'services/ledger/',
        'argocd/app-name': 'ledger',
      }),
      component('payments', {
        'github.com/project-slug': 'acme/mono',
        'value-stream/paths': 'services/payments/',
        'argocd/app-name': 'payments',
      }),
    ]);
    expect(
      itemEntityRefs(monoIndex, 'acme/mono#7', {
        events: [],
        pullRequests: [],
        commits: [{ sha: 'a1', repository: 'acme/mono' }],
        deployments: [
          { entityRef: null, service: 'ledger' },
          { entityRef: null, service: 'payments' },
        ],
        files: files({ a1: ['services/ledger/x.ts'] }),
      }),
    ).toEqual([LEDGER]);
  });
});

describe('deploymentEntities', () => {
  it('places a repository-only deployment by the files of its commits', () => {
    const d = {
      deploymentId: 'd1',
      entityRef: null,
      service: null,
      repository: 'acme/mono',
      commits: ['a1', 'b2'],
    };
    const known = new Map([
      ['a1', ['services/ledger/x.ts']],
      ['b2', ['libs/money/y.ts']],
    ]);
    expect(deploymentEntities(index, d, known).sort()).toEqual(
      [DOCS, LEDGER].sort(),
    );
    // One commit with unknown files: every entity of the repository.
    expect(
      deploymentEntities(index, d, new Map([['a1', ['services/ledger/x.ts']]]))
        .length,
    ).toBe(3);
    // Without commits, the repository rule.
    expect(deploymentEntities(index, { ...d, commits: [] }, known).length).toBe(
      3,
    );
  });
});

describe('entityChangeRows with ownership', () => {
  it("counts a change only for the entities owning its commits, though another's deployment shipped it", () => {
    const rows = entityChangeRows(
      [{ change_id: 'acme/mono#1', sha: 'a1' }],
      new Map([['a1', 1000]]),
      [
        { sha: 'a1', entity_ref: LEDGER, deployed_at: 5000 },
        { sha: 'a1', entity_ref: PAYMENTS, deployed_at: 4000 },
      ],
      (ref, sha) =>
        index.owns(ref, 'acme/mono', { a1: ['services/ledger/x.ts'] }[sha]),
    );
    expect(rows).toEqual([
      {
        entity_ref: LEDGER,
        change_id: 'acme/mono#1',
        first_commit_at: 1000,
        deployed_at: 5000,
      },
    ]);
  });
});

describe('effectiveFiles', () => {
  it("gives a commit its own files, else its PRs' (listed and of their commits)", () => {
    const own = new Map([['a1', new Set(['services/a/x.ts'])]]);
    const result = effectiveFiles(
      ['a1', 'm9', 'z0'],
      own,
      [
        { prId: 'r#1', sha: 'a1' },
        { prId: 'r#1', sha: 'm9' },
      ],
      new Map([['r#1', new Set(['services/b/y.ts'])]]),
    );
    expect(result.commits).toEqual(
      new Map([
        ['a1', ['services/a/x.ts']],
        ['m9', ['services/a/x.ts', 'services/b/y.ts']],
      ]),
    );
    expect(result.prs).toEqual(
      new Map([['r#1', ['services/a/x.ts', 'services/b/y.ts']]]),
    );
  });
});
