import type { DatabaseValueStreamStore } from '../database/DatabaseValueStreamStore';
import { isCorrectionEvent } from '../corrections/correctionEvents';
import { foldIncidentAttribution } from '../corrections/foldCorrections';
import type {
  Build,
  Commit,
  Deployment,
  Incident,
  PullRequest,
  StoredEvent,
} from '../model';
import { parseSubject } from '../model/subjects';
import { unique } from './collections';
import {
  foldBuild,
  foldCommit,
  foldDeployment,
  foldIncident,
  foldPullRequest,
  hasPullRequestState,
} from './folds';

/** The store methods writing folded artifacts. */
export type ArtifactWriteStore = Pick<
  DatabaseValueStreamStore,
  | 'upsertBuilds'
  | 'upsertCommits'
  | 'upsertDeployments'
  | 'upsertIncidents'
  | 'upsertPullRequests'
>;

/** Subject kinds (`<kind>:<id>`, see subjects.ts) whose histories fold into artifact rows. */
const ARTIFACT_KINDS = [
  'commit',
  'pr',
  'build',
  'deployment',
  'incident',
] as const;

/** The subjects of these events by kind, each once, in first-seen order. Pure. */
export function subjectsByKind(
  events: readonly StoredEvent[],
): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const e of events) {
    const parsed = parseSubject(e.subject);
    if (!parsed) continue;
    const set = out.get(parsed.kind) ?? new Set();
    set.add(e.subject!);
    out.set(parsed.kind, set);
  }
  return new Map([...out].map(([kind, set]) => [kind, [...set]]));
}

/** The artifact subjects among them, whose whole histories a pass reads. Pure. */
export function artifactSubjects(
  subjects: ReadonlyMap<string, string[]>,
): string[] {
  return ARTIFACT_KINDS.flatMap(kind => subjects.get(kind) ?? []);
}

/** The work-item keys among them. Pure. */
export function itemKeysOf(subjects: ReadonlyMap<string, string[]>): string[] {
  return (subjects.get('item') ?? []).flatMap(s => parseSubject(s)?.id ?? []);
}

/** The current state of the artifacts a pass touched. */
export interface FoldedArtifacts {
  commits: Commit[];
  prs: PullRequest[];
  builds: Build[];
  deployments: Deployment[];
  incidents: Incident[];
}

/** Folds each touched artifact's whole history (see folds.ts) into its row. Pure. */
export function foldArtifacts(
  subjects: ReadonlyMap<string, string[]>,
  history: ReadonlyMap<string, StoredEvent[]>,
  ctx: {
    environments: { production: string[]; staging: string[] };
    /** The repository of the entities of a deployment's service, if only one. */
    repositoryForService: (service: string | null) => string | null;
  },
): FoldedArtifacts {
  const fold = <R>(kind: string, f: (evs: StoredEvent[]) => R) =>
    (subjects.get(kind) ?? []).flatMap(s => {
      const evs = history.get(s);
      return evs ? [f(evs)] : [];
    });
  return {
    commits: fold('commit', foldCommit),
    // A PR known only from its reviews waits for the event that opens (or merges) it.
    prs: fold('pr', evs =>
      hasPullRequestState(evs) ? [foldPullRequest(evs)] : [],
    ).flat(),
    builds: fold('build', foldBuild),
    deployments: fold('deployment', evs => {
      const d = foldDeployment(evs, ctx.environments);
      // Argo CD names the app, not the repository: take the entity's repository.
      return d.repository
        ? d
        : { ...d, repository: ctx.repositoryForService(d.service) };
    }),
    // Corrections name the deployment; the incident's own fields come from its events.
    incidents: fold('incident', evs => {
      const facts = evs.filter(e => !isCorrectionEvent(e));
      if (!facts.length) return [];
      const attribution = foldIncidentAttribution(evs);
      return [{ ...foldIncident(facts), ...(attribution && { attribution }) }];
    }).flat(),
  };
}

/** Stores the folded artifact rows. */
export async function upsertArtifacts(
  store: ArtifactWriteStore,
  a: FoldedArtifacts,
): Promise<void> {
  await store.upsertCommits(a.commits);
  await store.upsertPullRequests(a.prs);
  await store.upsertBuilds(a.builds);
  await store.upsertDeployments(a.deployments);
  await store.upsertIncidents(a.incidents);
}

/**
 * Repositories whose implicit deployment inclusion these artifacts may change: those of
 * deployments without explicit commits, default-branch commits and merged PRs. Pure.
 */
export function inclusionRepositories(a: FoldedArtifacts): string[] {
  return unique(
    [
      ...a.deployments.filter(d => !d.explicitCommits).map(d => d.repository),
      ...a.commits.filter(c => c.onDefault).map(c => c.repository),
      ...a.prs.filter(p => p.mergedAt !== null).map(p => p.repository),
    ].flatMap(r => (r ? [r] : [])),
  );
}

/**
 * The commits these artifacts are or name (deployed, built, in or merging a PR), plus
 * `more`: the commits whose items a pass re-correlates. Pure.
 */
export function touchedShas(
  a: FoldedArtifacts,
  ...more: Iterable<string>[]
): Set<string> {
  const shas = new Set<string>([
    ...a.commits.map(c => c.sha),
    ...a.builds.map(b => b.commitSha),
    ...a.deployments.flatMap(d => [
      ...d.commits,
      ...(d.commitSha ? [d.commitSha] : []),
    ]),
    ...a.prs.flatMap(p => [
      ...p.commits,
      ...(p.mergeCommitSha ? [p.mergeCommitSha] : []),
    ]),
  ]);
  for (const xs of more) for (const sha of xs) shas.add(sha);
  return shas;
}
