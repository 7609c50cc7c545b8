import { VALUE_STREAM_ANNOTATION } from '@valuestream/backstage-plugin-value-stream-common';
import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  stringifyEntityRef,
  RELATION_CHILD_OF,
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  RELATION_PARENT_OF,
  RELATION_PART_OF,
} from '@backstage/catalog-model';
import type { ProfileHint } from '../config/profiles';
import {
  type Claim,
  type ClaimContest,
  type ClaimKind,
  type ClaimPins,
  emptyPins,
  locationInRepository,
  resolveByOwner,
  resolveProjectKey,
  resolveRepository,
} from './claims';
import { entityPaths, pathMatcher } from './paths';
import { groupEntities, subgroupsOf } from './rollUp';

/** Annotations that tie catalog entities to tool data (DESIGN §5), and Backstage's source location. */
export const ANNOTATIONS = {
  ...VALUE_STREAM_ANNOTATION,
  sourceLocation: 'backstage.io/source-location',
} as const;

/** The slice of an entity the index needs (fetched with `fields`). */
export type IndexedEntity = Pick<Entity, 'kind' | 'metadata' | 'relations'>;

const add = (m: Map<string, Set<string>>, k: string, v: string) => {
  const set = m.get(k) ?? new Set();
  set.add(v);
  m.set(k, set);
};

/** `https://github.com/acme/payments-api/tree/main/` → `acme/payments-api`. */
export function repoFromSourceLocation(location: string): string | null {
  const m = location
    .replace(/^url:/, '')
    .match(/^https?:\/\/[^/]+\/([^/]+\/[^/#?]+?)(?:\.git)?(?:\/|$)/);
  return m ? m[1] : null;
}

/** Options of the index: admin pins of contested identifiers (`valueStream.claims`). */
export interface EntityIndexOptions {
  pins?: ClaimPins;
}

const ownerKey = (e: IndexedEntity, ref: string) => {
  const owners = (e.relations ?? [])
    .filter(r => r.type === RELATION_OWNED_BY)
    .map(r => r.targetRef.toLowerCase())
    .sort();
  // Without an owner, an entity shares claims with nobody.
  return owners.length ? owners.join(',') : `unowned:${ref}`;
};

const push = <T>(m: Map<string, T[]>, k: string, v: T) => {
  const list = m.get(k) ?? [];
  list.push(v);
  m.set(k, list);
};

/**
 * Reverse index from tool identifiers to entity refs, built from one catalog read
 * (never one catalog query per event). Immutable; rebuilt on a schedule. An identifier
 * several entities claim goes to the winners of the rule in `claims.ts`; `contests` lists
 * the claims it denied, for one warning per new index.
 */
export class EntityIndex {
  private readonly byRepo = new Map<string, Set<string>>();
  private readonly repoHost = new Map<string, string>();
  private readonly reposOf = new Map<string, Set<string>>();
  private readonly byProjectKey = new Map<string, Set<string>>();
  private readonly byService = new Map<string, Set<string>>();
  private readonly projectKeysOf = new Map<string, Set<string>>();
  private readonly ownedBy = new Map<string, Set<string>>();
  /** Group → direct sub-groups, and sub-group → parents (DESIGN §15 roll-ups). */
  private readonly childGroups = new Map<string, Set<string>>();
  private readonly parentGroups = new Map<string, Set<string>>();
  /** System → the components `partOf` it. */
  private readonly systemParts = new Map<string, Set<string>>();
  /** Every Group of the catalog. */
  private readonly groupRefs = new Set<string>();
  private readonly keyClaims = new Map<string, Claim[]>();
  private readonly serviceClaims = new Map<string, Claim[]>();
  /** Component and System names, by `namespace\0name`. */
  private readonly nameClaims = new Map<string, Claim[]>();
  private readonly serviceInNamespace = new Map<string, string[]>();
  /** Monorepos (DESIGN §13): the paths an entity owns in its repositories, and a matcher. */
  private readonly scopes = new Map<
    string,
    { globs: string[]; match: (file: string) => boolean }
  >();
  /** What the choice of each entity's profile depends on (DESIGN §13 "Profiles"). */
  private readonly profileHints = new Map<string, ProfileHint>();
  private readonly pins: ClaimPins;
  readonly refs = new Set<string>();
  /** Claims the rule denied (empty when every identifier has one owner). */
  readonly contests: ClaimContest[] = [];
  /** Stable digest of the mappings, to tell whether a refresh changed anything. */
  readonly fingerprint: string;

  constructor(entities: IndexedEntity[], options: EntityIndexOptions = {}) {
    this.pins = options.pins ?? emptyPins();
    const repoClaims = new Map<string, Claim[]>();
    // The annotation's own spelling, for the repository of a service's deployments.
    const spelling = new Map<string, string>();
    const lines: string[] = [];
    for (const e of entities) {
      const ref = stringifyEntityRef({
        kind: e.kind,
        namespace: e.metadata.namespace,
        name: e.metadata.name,
      }).toLowerCase();
      this.refs.add(ref);
      const owner = ownerKey(e, ref);
      const a = e.metadata.annotations ?? {};
      const proves = (repo: string) =>
        locationInRepository(a[ANNOTATION_LOCATION], repo) ||
        locationInRepository(a[ANNOTATION_ORIGIN_LOCATION], repo);
      const repos: [string | undefined, string | undefined][] = [
        [a[ANNOTATIONS.githubSlug], 'github.com'],
        [a[ANNOTATIONS.gitlabSlug], 'gitlab.com'],
      ];
      const location = a[ANNOTATIONS.sourceLocation];
      if (location)
        repos.push([repoFromSourceLocation(location) ?? undefined, undefined]);
      const globs = entityPaths({
        paths: a[ANNOTATIONS.paths],
        sourceLocation: location,
      });
      if (globs.length)
        this.scopes.set(ref, { globs, match: pathMatcher(globs) });
      const claimed = new Map<string, Claim>();
      for (const [r, host] of repos) {
        const repo = r?.trim().toLowerCase();
        if (!repo) continue;
        if (!spelling.has(`${ref}\0${repo}`))
          spelling.set(`${ref}\0${repo}`, r!.trim());
        const claim = claimed.get(repo) ?? { ref, owner, proven: proves(repo) };
        claim.host = claim.host ?? host;
        claimed.set(repo, claim);
      }
      claimed.forEach((claim, repo) => push(repoClaims, repo, claim));
      const components = (a[ANNOTATIONS.jiraComponent] ?? '')
        .split(',')
        .map(c => c.trim().toLowerCase())
        .filter(Boolean);
      const keys = new Set(
        (a[ANNOTATIONS.jiraProjectKey] ?? '')
          .split(',')
          .map(k => k.trim().toUpperCase())
          .filter(Boolean),
      );
      keys.forEach(key =>
        push(this.keyClaims, key, { ref, owner, components }),
      );
      const services = new Set(
        [
          a[ANNOTATIONS.argocdApp],
          a[ANNOTATIONS.pagerdutyService],
          a[ANNOTATIONS.jenkinsJob],
        ].flatMap(s => (s?.trim() ? [s.trim().toLowerCase()] : [])),
      );
      services.forEach(s => push(this.serviceClaims, s, { ref, owner }));
      if (
        e.kind.toLowerCase() === 'component' ||
        e.kind.toLowerCase() === 'system'
      ) {
        const ns = (e.metadata.namespace ?? 'default').toLowerCase();
        push(this.nameClaims, `${ns}\0${e.metadata.name.toLowerCase()}`, {
          ref,
          owner,
        });
      }
      const kind = e.kind.toLowerCase();
      if (kind === 'group') this.groupRefs.add(ref);
      for (const rel of e.relations ?? []) {
        const target = rel.targetRef.toLowerCase();
        if (rel.type === RELATION_OWNED_BY) add(this.ownedBy, target, ref);
        else if (kind === 'group' && rel.type === RELATION_PARENT_OF)
          this.addSubgroup(ref, target);
        else if (kind === 'group' && rel.type === RELATION_CHILD_OF)
          this.addSubgroup(target, ref);
        else if (kind === 'component' && rel.type === RELATION_PART_OF)
          add(this.systemParts, target, ref);
        else if (kind === 'system' && rel.type === RELATION_HAS_PART) {
          if (target.startsWith('component:'))
            add(this.systemParts, ref, target);
        }
      }
      this.profileHints.set(ref, {
        annotation: a[ANNOTATIONS.profile]?.trim() || undefined,
        owners: (e.relations ?? [])
          .filter(r => r.type === RELATION_OWNED_BY)
          .map(r => r.targetRef.toLowerCase())
          .sort(),
      });
      lines.push(
        `${ref}|${JSON.stringify(a)}|${(e.relations ?? [])
          .map(r => `${r.type}:${r.targetRef}`)
          .join(',')}`,
      );
    }
    this.fingerprint = lines.sort().join('\n');

    for (const [repo, claims] of repoClaims) {
      const winners = this.decide('repository', repo, claims, () =>
        resolveRepository(claims),
      );
      for (const ref of winners) {
        add(this.byRepo, repo, ref);
        const claim = claims.find(c => c.ref === ref);
        add(this.reposOf, ref, spelling.get(`${ref}\0${repo}`) ?? repo);
        if (claim?.host && !this.repoHost.has(repo))
          this.repoHost.set(repo, claim.host);
      }
    }
    for (const [key, claims] of this.keyClaims) {
      const winners = this.decide('projectKey', key, claims, () =>
        resolveProjectKey(claims),
      );
      winners.forEach(ref => add(this.byProjectKey, key, ref));
      // Key extraction in an entity's repositories knows every key it wins for some items.
      const narrowed = this.pins.projectKey.has(key)
        ? []
        : [...new Set(claims.flatMap(c => c.components ?? []))].flatMap(c =>
            resolveProjectKey(claims, [c]),
          );
      [...winners, ...narrowed].forEach(ref =>
        add(this.projectKeysOf, ref, key),
      );
    }
    // Services of events without a namespace: annotations plus default-namespace names.
    const defaultNames = [...this.nameClaims.keys()]
      .filter(k => k.startsWith('default\0'))
      .map(k => k.slice('default\0'.length));
    for (const service of new Set([
      ...this.serviceClaims.keys(),
      ...defaultNames,
    ])) {
      const winners = this.serviceWinners(service, 'default', true);
      winners.forEach(ref => add(this.byService, service, ref));
    }
  }

  private addSubgroup(parent: string, child: string) {
    if (!parent.startsWith('group:') || !child.startsWith('group:')) return;
    add(this.childGroups, parent, child);
    add(this.parentGroups, child, parent);
  }

  /** Pinned refs, else the rule's winners; records a contest when claimants lost. */
  private decide(
    kind: ClaimKind,
    id: string,
    claims: Claim[],
    rule: () => string[],
    report = true,
  ): string[] {
    const pinned = this.pins[kind].get(id);
    if (pinned) return pinned;
    const winners = rule();
    const losers = [...new Set(claims.map(c => c.ref))].filter(
      r => !winners.includes(r),
    );
    if (report && losers.length) {
      const proven = kind === 'repository' && winners.length > 0;
      this.contests.push({
        kind,
        id,
        winners,
        losers,
        reason: proven
          ? `only ${winners.join(', ')} ${
              winners.length === 1 ? 'is' : 'are'
            } defined in that repository (backstage.io/managed-by-location)`
          : `its claimants have different owners (${[
              ...new Set(claims.map(c => c.owner)),
            ]
              .sort()
              .join('; ')})${
              kind === 'projectKey' && claims.every(c => c.components?.length)
                ? ', so only items with a matching jira/component are assigned'
                : ''
            }`,
      });
    }
    return winners;
  }

  private serviceWinners(service: string, namespace: string, report = false) {
    const claims = [
      ...(this.serviceClaims.get(service) ?? []),
      ...(this.nameClaims.get(`${namespace}\0${service}`) ?? []),
    ];
    return this.decide(
      'service',
      service,
      claims,
      () => resolveByOwner(claims),
      report,
    );
  }

  entitiesForRepository(repository: string | null | undefined): string[] {
    return repository
      ? [...(this.byRepo.get(repository.toLowerCase()) ?? [])]
      : [];
  }

  /**
   * Entities owning a commit or PR of `repository` that touched `files` (DESIGN §13): the
   * repository's entities without paths, and those with paths one of the files matches.
   * Unknown files (none listed yet) go to every entity of the repository, as before paths
   * existed, so nothing is lost; an importer or a later push fills them in.
   */
  entitiesForChange(
    repository: string | null | undefined,
    files?: readonly string[],
  ): string[] {
    const refs = this.entitiesForRepository(repository);
    if (!files?.length) return refs;
    return refs.filter(ref => this.owns(ref, repository ?? null, files));
  }

  /**
   * Whether `ref` owns a commit of `repository` with these files: always, unless it has
   * paths, the repository is one of its own and the known files touch none of them.
   */
  owns(
    ref: string,
    repository: string | null,
    files: readonly string[] | undefined,
  ): boolean {
    const scope = this.scopes.get(ref);
    if (!scope || !files?.length || !repository) return true;
    if (!this.scopedRepositories(ref).includes(repository.toLowerCase()))
      return true;
    return files.some(scope.match);
  }

  /** The repositories (lower case) of which `ref` owns only some paths; empty: none. */
  scopedRepositories(ref: string): string[] {
    if (!this.scopes.has(ref)) return [];
    return [...(this.reposOf.get(ref) ?? [])].map(r => r.toLowerCase());
  }

  /** The repositories (lower case) whose data the entity won (DESIGN §5, claims.ts). */
  repositoriesOf(ref: string): string[] {
    return [...(this.reposOf.get(ref) ?? [])].map(r => r.toLowerCase());
  }

  /** The claims the rule denied `ref` (it was among the losers). */
  contestsLostBy(ref: string): ClaimContest[] {
    return this.contests.filter(c => c.losers.includes(ref));
  }

  /** The globs an entity owns in its repositories; empty: the whole repositories. */
  pathsOf(ref: string): string[] {
    return [...(this.scopes.get(ref)?.globs ?? [])];
  }

  /**
   * Entities of a deployment's or incident's `service`: the annotation claims plus the
   * Component or System of that name in `namespace` (events carry none: `default`).
   */
  entitiesForService(
    service: string | null | undefined,
    namespace = 'default',
  ): string[] {
    if (!service) return [];
    const id = service.trim().toLowerCase();
    const ns = namespace.toLowerCase();
    if (ns === 'default') return [...(this.byService.get(id) ?? [])];
    const cacheKey = `${ns}\0${id}`;
    let refs = this.serviceInNamespace.get(cacheKey);
    if (!refs) {
      refs = this.serviceWinners(id, ns);
      this.serviceInNamespace.set(cacheKey, refs);
    }
    return [...refs];
  }

  /**
   * Entities of a work-item key: Jira prefix, or `owner/repo#n` by repository. With the
   * item's Jira components, `jira/component` narrows a shared project key.
   */
  entitiesForKey(key: string, components?: string[]): string[] {
    const qualified = key.match(/^(.+\/.+)#\d+$/);
    if (qualified) return this.entitiesForRepository(qualified[1]);
    const jira = key.match(/^([A-Z][A-Z0-9]+)-\d+$/i);
    if (!jira) return [];
    const projectKey = jira[1].toUpperCase();
    const wanted = (components ?? [])
      .map(c => c.trim().toLowerCase())
      .filter(Boolean);
    if (!wanted.length || this.pins.projectKey.has(projectKey))
      return [...(this.byProjectKey.get(projectKey) ?? [])];
    return resolveProjectKey(this.keyClaims.get(projectKey) ?? [], wanted);
  }

  /**
   * The repository of a deployment that names only its service (Argo CD): the single
   * repository of the entities with that service, when there is exactly one.
   */
  repositoryForService(service: string | null | undefined): string | null {
    const repos = new Set<string>();
    for (const ref of this.entitiesForService(service)) {
      for (const r of this.reposOf.get(ref) ?? []) repos.add(r);
    }
    return repos.size === 1 ? [...repos][0] : null;
  }

  /** Project keys of the entities owning a repository (for key extraction). */
  projectKeysForRepository(repository: string | null | undefined): Set<string> {
    const keys = new Set<string>();
    for (const ref of this.entitiesForRepository(repository)) {
      for (const k of this.projectKeysOf.get(ref) ?? []) keys.add(k);
    }
    return keys;
  }

  projectKeysForEntity(ref: string): Set<string> {
    return new Set(this.projectKeysOf.get(ref) ?? []);
  }

  /** Entities whose `ownedBy` relation points at the group. */
  ownedByGroup(groupRef: string): string[] {
    return [...(this.ownedBy.get(groupRef) ?? [])].sort();
  }

  /**
   * The entities a group rolls up (DESIGN §17): those it owns and, unless
   * `includeSubgroups` is false, those of its sub-groups at any depth, each once.
   */
  groupEntities(groupRef: string, includeSubgroups = true): string[] {
    return groupEntities(
      {
        childrenOf: g => this.childGroups.get(g) ?? [],
        ownedBy: g => this.ownedBy.get(g) ?? [],
      },
      groupRef.toLowerCase(),
      includeSubgroups,
    );
  }

  /** The group and every group below it, sorted (cycles end the walk). */
  subgroupsOf(groupRef: string): string[] {
    return subgroupsOf(
      { childrenOf: g => this.childGroups.get(g) ?? [] },
      groupRef.toLowerCase(),
    );
  }

  /** The groups a group is a child of, sorted. */
  parentsOf(groupRef: string): string[] {
    return [...(this.parentGroups.get(groupRef.toLowerCase()) ?? [])].sort();
  }

  /** Every Group of the catalog, sorted. */
  groups(): string[] {
    return [...this.groupRefs].sort();
  }

  /** The components `partOf` a system (or that the system `hasPart`), sorted. */
  systemComponents(systemRef: string): string[] {
    return [...(this.systemParts.get(systemRef.toLowerCase()) ?? [])].sort();
  }

  /** `github.com` / `gitlab.com` for repositories named by a slug annotation, for links. */
  hostOf(repository: string | null | undefined): string | undefined {
    return repository ? this.repoHost.get(repository.toLowerCase()) : undefined;
  }

  /**
   * What maps differently in `next`: repositories, project keys and services. A project
   * key whose claims changed (e.g. a `jira/component` added) counts even when its
   * whole-project winners stay, and so do the repositories of an entity whose project
   * keys changed (key extraction there depends on them).
   */
  changesTo(next: EntityIndex) {
    const changed = <T>(
      a: Map<string, T>,
      b: Map<string, T>,
      show: (v: T | undefined) => string,
    ) =>
      [...new Set([...a.keys(), ...b.keys()])].filter(
        k => show(a.get(k)) !== show(b.get(k)),
      );
    const refs = (v?: Set<string>) => [...(v ?? [])].sort().join();
    const claims = (v?: Claim[]) =>
      (v ?? [])
        .map(c => `${c.ref} ${c.owner} ${[...(c.components ?? [])].sort()}`)
        .sort()
        .join('\n');
    const rekeyed = changed(this.projectKeysOf, next.projectKeysOf, refs);
    // An entity whose paths changed owns other commits of its repositories now.
    const rescoped = [
      ...new Set([...this.scopes.keys(), ...next.scopes.keys()]),
    ].filter(
      ref => this.pathsOf(ref).join('\n') !== next.pathsOf(ref).join('\n'),
    );
    return {
      repositories: [
        ...new Set([
          ...changed(this.byRepo, next.byRepo, refs),
          ...[...rekeyed, ...rescoped].flatMap(ref => [
            ...(this.reposOf.get(ref) ?? []),
            ...(next.reposOf.get(ref) ?? []),
          ]),
        ]),
      ],
      projectKeys: [
        ...new Set([
          ...changed(this.byProjectKey, next.byProjectKey, refs),
          ...changed(this.keyClaims, next.keyClaims, claims),
        ]),
      ],
      services: changed(this.byService, next.byService, refs),
    };
  }

  /** The entity's profile annotation and owners, for `profileForEntity`. */
  profileHint(ref: string): ProfileHint | undefined {
    return this.profileHints.get(ref.toLowerCase());
  }

  has(ref: string) {
    return this.refs.has(ref);
  }
}
