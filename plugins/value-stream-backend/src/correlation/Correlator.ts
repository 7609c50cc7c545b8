import type { StatusMapper } from '@valuestream/backstage-plugin-value-stream-node';
import type { ValueStreamConfig } from '../config/readConfig';
import type {
  DatabaseValueStreamStore,
  StoredJourney,
} from '../database/DatabaseValueStreamStore';
import type { EntityIndex } from '../entities/EntityIndex';
import { group, unique } from './collections';
import {
  foldBuild,
  foldCommit,
  foldDeployment,
  foldIncident,
  foldPullRequest,
  StoredEvent,
} from './folds';
import { roleStages } from './itemEvidence';
import {
  linkCommits,
  linkPullRequests,
  ProjectKeysOf,
  projectKeysOf,
  relinkSquashCommits,
} from './linkKeys';
import {
  CorrelationResult,
  rebuildItems,
  RebuildContext,
  statusMapping,
} from './rebuildItems';
import {
  IncidentToResolve,
  refreshInclusion,
  resolveArtifacts,
  withOtherIncidents,
} from './resolveArtifacts';

export type { CorrelationResult } from './rebuildItems';

/**
 * Turns newly stored events into artifact state, links and journeys (DESIGN §4, §5).
 * Each artifact and item is re-folded from its whole stored history, so arrival
 * order and duplicates never change the result.
 */
export class Correlator {
  private readonly projectKeys: ProjectKeysOf;
  private readonly journeys: RebuildContext;

  constructor(
    private readonly store: DatabaseValueStreamStore,
    private readonly config: ValueStreamConfig,
    private readonly index: () => EntityIndex,
    private readonly statusMapper?: StatusMapper,
    private readonly now: () => number = Date.now,
    /** Called for each item that entered a done stage in this pass (telemetry). */
    private readonly onDone?: (item: StoredJourney) => void,
  ) {
    this.journeys = {
      index,
      now,
      stages: config.stages,
      roles: roleStages(config.stages),
      mapStatus: statusMapping(config.statusMapping, statusMapper),
    };
    this.projectKeys = projectKeysOf(index, config.workItemKeys);
  }

  /** The same correlator over another store (e.g. one bound to a transaction). */
  using(store: DatabaseValueStreamStore): Correlator {
    return new Correlator(
      store,
      this.config,
      this.index,
      this.statusMapper,
      this.now,
      this.onDone,
    );
  }

  async apply(
    events: StoredEvent[],
    options: { force?: boolean } = {},
  ): Promise<CorrelationResult> {
    const subjects = group(
      events.filter(e => e.subject),
      e => e.subject!.slice(0, e.subject!.indexOf(':')),
    );
    const ids = (kind: string) =>
      unique((subjects.get(kind) ?? []).map(e => e.subject!));
    const history = group(
      await this.store.eventsForSubjects([
        ...ids('commit'),
        ...ids('pr'),
        ...ids('build'),
        ...ids('deployment'),
        ...ids('incident'),
      ]),
      e => e.subject!,
    );
    const fold = <R>(kind: string, f: (evs: StoredEvent[]) => R) =>
      ids(kind)
        .filter(s => history.has(s))
        .map(s => f(history.get(s)!));

    const commits = fold('commit', foldCommit);
    const prs = fold('pr', foldPullRequest);
    const builds = fold('build', foldBuild);
    const index = this.index();
    const deployments = fold('deployment', evs => {
      const d = foldDeployment(evs, this.config.environments);
      // Argo CD names the app, not the repository: take the entity's repository.
      return d.repository
        ? d
        : { ...d, repository: index.repositoryForService(d.service) };
    });
    const incidents = fold('incident', foldIncident);
    // What these deployments included before this pass: commits they no longer include
    // (derived inclusion replaced by explicit commits) must be re-correlated too. With the
    // commits inclusion moved and their own, that covers everything they include now.
    const previouslyDeployed = (
      await this.store.deployments(deployments.map(d => d.deployment_id))
    ).flatMap(d => d.commits);
    await this.store.upsertCommits(commits);
    await this.store.upsertPullRequests(prs);
    await this.store.upsertBuilds(builds);
    await this.store.upsertDeployments(deployments);
    await this.store.upsertIncidents(incidents);
    await linkCommits(this.store, commits, this.projectKeys);
    await linkPullRequests(this.store, prs, this.projectKeys);
    const squashed = await relinkSquashCommits(
      this.store,
      prs,
      this.projectKeys,
    );
    // Stored incidents that name these deployments may belong to their entities now.
    const waiting: IncidentToResolve[] =
      await this.store.incidentsForDeployments(
        deployments.map(d => d.deployment_id),
      );
    await resolveArtifacts(
      this.store,
      this.index(),
      deployments,
      withOtherIncidents(incidents, waiting),
    );

    // Deployments without explicit commits include what was merged before them.
    const repos = unique([
      ...deployments
        .filter(d => !d.explicit_commits && d.repository)
        .map(d => d.repository!),
      ...commits
        .filter(c => c.on_default && c.repository)
        .map(c => c.repository!),
      ...prs
        .filter(p => p.merged_at !== null && p.repository)
        .map(p => p.repository!),
    ]);
    const included = await refreshInclusion(this.store, repos);

    const shas = new Set<string>([
      ...commits.map(c => c.sha),
      ...builds.map(b => b.commit_sha),
      ...deployments.flatMap(d => [
        ...d.commits,
        ...(d.commit_sha ? [d.commit_sha] : []),
      ]),
      ...prs.flatMap(p => [
        ...p.commits,
        ...(p.merge_commit_sha ? [p.merge_commit_sha] : []),
      ]),
      ...included,
      ...previouslyDeployed,
      ...squashed.shas,
    ]);
    const prIds = unique([
      ...prs.map(p => p.id),
      ...(await this.store.prIdsForCommits([...shas])),
    ]);
    // Every change whose commits, PR or deployments this pass touched (lead-time inputs).
    await this.store.refreshEntityChanges([...prIds, ...shas]);
    const keys = unique([
      ...(subjects.get('item') ?? []).map(e =>
        e.subject!.slice('item:'.length),
      ),
      ...(await this.store.keysLinkedTo('commit', [...shas])),
      ...(await this.store.keysLinkedTo('pr', prIds)),
      ...squashed.keys,
    ]);
    return this.rebuildItems(keys, options);
  }

  /**
   * After a catalog change: re-extract keys in the repositories whose entities changed
   * (project keys decide what counts as a key), re-resolve deployments and incidents,
   * and rebuild every item whose entities may differ, including those with none yet.
   */
  async reresolve(changes: {
    repositories: string[];
    projectKeys: string[];
    services: string[];
  }) {
    const commits = await this.store.commitsInRepositories(
      changes.repositories,
    );
    const prs = await this.store.pullRequestsInRepositories(
      changes.repositories,
    );
    const shas = commits.map(c => c.sha);
    const prIds = prs.map(p => p.id);
    const before = [
      ...(await this.store.keysLinkedTo('commit', shas)),
      ...(await this.store.keysLinkedTo('pr', prIds)),
    ];
    await this.store.removeLinks('commit', shas);
    await this.store.removeLinks('pr', prIds);
    await linkCommits(this.store, commits, this.projectKeys);
    await linkPullRequests(this.store, prs, this.projectKeys);
    const deployments = await this.store.deploymentsToResolve(
      changes.services,
      changes.repositories,
    );
    await resolveArtifacts(
      this.store,
      this.index(),
      deployments,
      await this.store.incidentsToResolve(changes.services),
    );
    // Their entities may have changed, so may the entities' first deployment of a change.
    const deployed = deployments.flatMap(d => d.commits);
    await this.store.refreshEntityChanges([
      ...deployed,
      ...(await this.store.prIdsForCommits(deployed)),
    ]);
    const keys = unique([
      ...before,
      ...(await this.store.keysLinkedTo('commit', shas)),
      ...(await this.store.keysLinkedTo('pr', prIds)),
      ...(await this.store.unresolvedItemKeys()),
      ...(await this.store.itemKeysMatching(
        changes.projectKeys,
        changes.repositories,
      )),
    ]);
    return this.rebuildItems(keys);
  }

  /** Recomputes and stores the journeys of these items from everything stored about them. */
  rebuildItems(
    keys: string[],
    options: { force?: boolean } = {},
  ): Promise<CorrelationResult> {
    return rebuildItems(this.store, keys, this.journeys, {
      ...options,
      onDone: this.onDone,
    });
  }
}
