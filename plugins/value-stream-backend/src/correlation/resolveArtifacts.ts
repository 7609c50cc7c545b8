import type { DatabaseValueStreamStore } from '../database/DatabaseValueStreamStore';
import type { EntityIndex } from '../entities/EntityIndex';
import type { Deployment, Incident } from '../model';
import { group } from './collections';
import { deriveInclusion } from './deploymentInclusion';

/** The store methods artifact resolution and deployment inclusion read and write. */
export type ResolutionStore = Pick<
  DatabaseValueStreamStore,
  | 'artifactEntities'
  | 'changeFiles'
  | 'commits'
  | 'deployments'
  | 'implicitDeployments'
  | 'incidentsForDeployments'
  | 'replaceDeploymentCommits'
  | 'repositoryHistory'
  | 'setArtifactEntities'
>;

/** What places a deployment. */
export type DeploymentToResolve = Pick<
  Deployment,
  'deploymentId' | 'entityRef' | 'service' | 'repository'
> &
  Partial<Pick<Deployment, 'commits'>>;

/** What places an incident (stored rows, or rows folded in this pass). */
export type IncidentToResolve = Pick<
  Incident,
  'incidentId' | 'entityRef' | 'service'
> &
  Partial<Pick<Incident, 'deploymentId' | 'commitSha'>>;

/** An artifact's own entities: its entityRef, else its service's, else its repository's. Pure. */
export function ownEntities(
  index: EntityIndex,
  artifact: {
    entityRef: string | null;
    service: string | null;
    repository?: string | null;
  },
): string[] {
  if (artifact.entityRef) return [artifact.entityRef];
  const byService = index.entitiesForService(artifact.service);
  return byService.length
    ? byService
    : index.entitiesForRepository(artifact.repository);
}

/** Whether a deployment's entities come from its repository (no entityRef, no service match). */
const byRepository = (index: EntityIndex, d: DeploymentToResolve) =>
  !d.entityRef && !!d.repository && !index.entitiesForService(d.service).length;

/**
 * A deployment's entities (DESIGN §5, §13): its own; one placed only by its repository goes
 * to the entities owning one of its commits (monorepos), all of the repository's while a
 * commit's files are unknown. Pure.
 */
export function deploymentEntities(
  index: EntityIndex,
  d: DeploymentToResolve,
  files: ReadonlyMap<string, readonly string[]>,
): string[] {
  const own = ownEntities(index, d);
  if (!byRepository(index, d) || !d.commits?.length) return own;
  const owners = new Set(
    d.commits.flatMap(sha =>
      index.entitiesForChange(d.repository, files.get(sha)),
    ),
  );
  return own.filter(r => owners.has(r));
}

/**
 * Each incident's entities: its own; else, when it names only a deployment or a commit,
 * that deployment's entities or the commit's repository's. Pure.
 */
export function incidentEntities(
  index: EntityIndex,
  incidents: readonly IncidentToResolve[],
  known: {
    /** Entities of the deployments the incidents name. */
    deployments: ReadonlyMap<string, string[]>;
    /** Repositories of the commits the incidents name. */
    commitRepositories: ReadonlyMap<string, string | null>;
  },
): Map<string, string[]> {
  return new Map(
    incidents.map(i => {
      const own = ownEntities(index, i);
      if (own.length) return [i.incidentId, own];
      const viaDeployment = i.deploymentId
        ? known.deployments.get(i.deploymentId) ?? []
        : [];
      if (viaDeployment.length) return [i.incidentId, viaDeployment];
      return [
        i.incidentId,
        index.entitiesForRepository(
          i.commitSha ? known.commitRepositories.get(i.commitSha) : null,
        ),
      ];
    }),
  );
}

/** These incidents, then those of `others` not among them. Pure. */
export function withOtherIncidents(
  incidents: readonly IncidentToResolve[],
  others: readonly IncidentToResolve[],
): IncidentToResolve[] {
  const ids = new Set(incidents.map(i => i.incidentId));
  return [...incidents, ...others.filter(o => !ids.has(o.incidentId))];
}

/** These incidents plus the stored ones naming these deployments, whose entities may follow. */
export async function withWaitingIncidents(
  store: ResolutionStore,
  incidents: readonly IncidentToResolve[],
  deploymentIds: string[],
): Promise<IncidentToResolve[]> {
  const waiting: IncidentToResolve[] = await store.incidentsForDeployments(
    deploymentIds,
  );
  return withOtherIncidents(incidents, waiting);
}

/** Stores the entities of deployments and incidents (DESIGN §5). */
export async function resolveArtifacts(
  store: ResolutionStore,
  index: EntityIndex,
  deployments: readonly DeploymentToResolve[],
  incidents: readonly IncidentToResolve[],
): Promise<void> {
  const placedByRepository = deployments.filter(d => byRepository(index, d));
  const files = placedByRepository.length
    ? (
        await store.changeFiles([
          ...new Set(placedByRepository.flatMap(d => d.commits ?? [])),
        ])
      ).commits
    : new Map<string, string[]>();
  const entities = new Map(
    deployments.map(d => [d.deploymentId, deploymentEntities(index, d, files)]),
  );
  await store.setArtifactEntities('deployment', entities);
  const named = await store.artifactEntities(
    'deployment',
    incidents.flatMap(i =>
      i.deploymentId && !entities.has(i.deploymentId) ? [i.deploymentId] : [],
    ),
  );
  entities.forEach((refs, id) => named.set(id, refs));
  const commits = await store.commits(
    incidents.flatMap(i => (i.commitSha ? [i.commitSha] : [])),
  );
  await store.setArtifactEntities(
    'incident',
    incidentEntities(index, incidents, {
      deployments: named,
      commitRepositories: new Map(commits.map(c => [c.sha, c.repository])),
    }),
  );
}

/**
 * The deployments whose derived commits differ from what they included before, and the
 * commits that joined or left one. Pure.
 */
export function inclusionChanges(
  before: ReadonlyMap<string, ReadonlySet<string>>,
  inclusion: ReadonlyMap<string, string[]>,
): { changed: Map<string, string[]>; moved: string[] } {
  const changed = new Map<string, string[]>();
  const moved: string[] = [];
  for (const [id, shas] of inclusion) {
    const was = before.get(id) ?? new Set<string>();
    const now = new Set(shas);
    const diff = [
      ...shas.filter(sha => !was.has(sha)),
      ...[...was].filter(sha => !now.has(sha)),
    ];
    if (!diff.length) continue;
    changed.set(id, shas);
    moved.push(...diff);
  }
  return { changed, moved };
}

/**
 * Re-derives implicit deployment inclusion per repository; rewrites only the deployments
 * whose commits changed and returns the commits that joined or left one. (Returning every
 * included commit made each pass re-correlate the repository's whole deployed history.)
 */
export async function refreshInclusion(
  store: ResolutionStore,
  repositories: readonly string[],
): Promise<string[]> {
  if (!repositories.length) return [];
  const deployments = await store.implicitDeployments([...repositories]);
  const involved: string[] = [];
  for (const [repo, list] of group(deployments, d => d.repository!)) {
    const before = new Map(
      (await store.deployments(list.map(d => d.deploymentId))).map(d => [
        d.deploymentId,
        new Set(d.commits),
      ]),
    );
    const { changed, moved } = inclusionChanges(
      before,
      deriveInclusion(list, await store.repositoryHistory(repo)),
    );
    await store.replaceDeploymentCommits(changed);
    involved.push(...moved);
  }
  return involved;
}
