import type { Entity } from '@backstage/catalog-model';
import {
  stringifyEntityRef,
  RELATION_OWNED_BY,
} from '@backstage/catalog-model';

/** Annotations that tie catalog entities to tool data (DESIGN §5). */
export const ANNOTATIONS = {
  githubSlug: 'github.com/project-slug',
  gitlabSlug: 'gitlab.com/project-slug',
  jiraProjectKey: 'jira/project-key',
  jiraComponent: 'jira/component',
  argocdApp: 'argocd/app-name',
  pagerdutyService: 'pagerduty.com/service-id',
  jenkinsJob: 'jenkins.io/job-full-name',
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

/**
 * Reverse index from tool identifiers to entity refs, built from one catalog read
 * (never one catalog query per event). Immutable; rebuilt on a schedule.
 */
export class EntityIndex {
  private readonly byRepo = new Map<string, Set<string>>();
  private readonly repoHost = new Map<string, string>();
  private readonly reposOf = new Map<string, Set<string>>();
  private readonly byProjectKey = new Map<string, Set<string>>();
  private readonly byService = new Map<string, Set<string>>();
  private readonly projectKeysOf = new Map<string, Set<string>>();
  private readonly ownedBy = new Map<string, Set<string>>();
  readonly refs = new Set<string>();
  /** Stable digest of the mappings, to tell whether a refresh changed anything. */
  readonly fingerprint: string;

  constructor(entities: IndexedEntity[]) {
    const lines: string[] = [];
    for (const e of entities) {
      const ref = stringifyEntityRef({
        kind: e.kind,
        namespace: e.metadata.namespace,
        name: e.metadata.name,
      }).toLowerCase();
      this.refs.add(ref);
      const a = e.metadata.annotations ?? {};
      const repos: (string | undefined)[] = [
        a[ANNOTATIONS.githubSlug],
        a[ANNOTATIONS.gitlabSlug],
      ];
      const location = a[ANNOTATIONS.sourceLocation];
      if (location) repos.push(repoFromSourceLocation(location) ?? undefined);
      for (const r of repos) {
        if (!r) continue;
        add(this.byRepo, r.toLowerCase(), ref);
        add(this.reposOf, ref, r);
      }
      if (a[ANNOTATIONS.githubSlug])
        this.repoHost.set(
          a[ANNOTATIONS.githubSlug].toLowerCase(),
          'github.com',
        );
      if (a[ANNOTATIONS.gitlabSlug])
        this.repoHost.set(
          a[ANNOTATIONS.gitlabSlug].toLowerCase(),
          'gitlab.com',
        );
      for (const k of (a[ANNOTATIONS.jiraProjectKey] ?? '').split(',')) {
        const key = k.trim().toUpperCase();
        if (!key) continue;
        add(this.byProjectKey, key, ref);
        add(this.projectKeysOf, ref, key);
      }
      for (const s of [
        a[ANNOTATIONS.argocdApp],
        a[ANNOTATIONS.pagerdutyService],
        a[ANNOTATIONS.jenkinsJob],
      ]) {
        if (s) add(this.byService, s.toLowerCase(), ref);
      }
      if (
        e.kind.toLowerCase() === 'component' ||
        e.kind.toLowerCase() === 'system'
      ) {
        add(this.byService, e.metadata.name.toLowerCase(), ref);
      }
      for (const rel of e.relations ?? []) {
        if (rel.type === RELATION_OWNED_BY)
          add(this.ownedBy, rel.targetRef.toLowerCase(), ref);
      }
      lines.push(
        `${ref}|${JSON.stringify(a)}|${(e.relations ?? [])
          .map(r => `${r.type}:${r.targetRef}`)
          .join(',')}`,
      );
    }
    this.fingerprint = lines.sort().join('\n');
  }

  entitiesForRepository(repository: string | null | undefined): string[] {
    return repository
      ? [...(this.byRepo.get(repository.toLowerCase()) ?? [])]
      : [];
  }

  entitiesForService(service: string | null | undefined): string[] {
    return service
      ? [...(this.byService.get(service.toLowerCase()) ?? [])]
      : [];
  }

  /** Entities of a work-item key: Jira prefix, or `owner/repo#n` by repository. */
  entitiesForKey(key: string): string[] {
    const qualified = key.match(/^(.+\/.+)#\d+$/);
    if (qualified) return this.entitiesForRepository(qualified[1]);
    const jira = key.match(/^([A-Z][A-Z0-9]+)-\d+$/i);
    return jira
      ? [...(this.byProjectKey.get(jira[1].toUpperCase()) ?? [])]
      : [];
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

  /** `github.com` / `gitlab.com` for repositories named by a slug annotation, for links. */
  hostOf(repository: string | null | undefined): string | undefined {
    return repository ? this.repoHost.get(repository.toLowerCase()) : undefined;
  }

  /** What maps differently in `next`: repositories, project keys and services. */
  changesTo(next: EntityIndex) {
    const changed = (
      a: Map<string, Set<string>>,
      b: Map<string, Set<string>>,
    ) => {
      const out = new Set<string>();
      for (const k of new Set([...a.keys(), ...b.keys()])) {
        const x = [...(a.get(k) ?? [])].sort().join();
        const y = [...(b.get(k) ?? [])].sort().join();
        if (x !== y) out.add(k);
      }
      return [...out];
    };
    return {
      repositories: changed(this.byRepo, next.byRepo),
      projectKeys: changed(this.byProjectKey, next.byProjectKey),
      services: changed(this.byService, next.byService),
    };
  }

  has(ref: string) {
    return this.refs.has(ref);
  }
}
