import type { StatusMapper } from '@valuestream/backstage-plugin-value-stream-node';
import type { ValueStreamConfig } from '../config/readConfig';
import type { DatabaseValueStreamStore } from '../database/DatabaseValueStreamStore';
import type { EntityIndex } from '../entities/EntityIndex';
import type { StoredEvent, StoredJourney } from '../model';
import { applyLinkCorrections } from '../corrections/applyLinkCorrections';
import { group, unique } from './collections';
import {
  artifactSubjects,
  foldArtifacts,
  inclusionRepositories,
  itemKeysOf,
  subjectsByKind,
  touchedShas,
  upsertArtifacts,
} from './foldArtifacts';
import type { FoldedArtifacts } from './foldArtifacts';
import { linkHeadBranches } from './linkHeadBranches';
import { roleStages } from './itemEvidence';
import { profileJourneys } from './profileJourneys';
import {
  linkArtifacts,
  ProjectKeysOf,
  projectKeysOf,
  relinkRepositories,
  relinkSquashCommits,
} from './linkKeys';
import {
  CorrelationResult,
  rebuildItems,
  RebuildContext,
  statusMapping,
} from './rebuildItems';
import {
  refreshInclusion,
  resolveArtifacts,
  withWaitingIncidents,
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
      blockedLabels: config.blockedLabels,
      done: config.done,
      profileOf: profileJourneys(config, index, statusMapper),
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

  /** Correlates newly stored events: artifacts, links, entities, then the items they touch. */
  async apply(
    events: StoredEvent[],
    options: { force?: boolean } = {},
  ): Promise<CorrelationResult> {
    const subjects = subjectsByKind(events);
    const history = group(
      await this.store.eventsForSubjects(artifactSubjects(subjects)),
      e => e.subject!,
    );
    const index = this.index();
    const a = foldArtifacts(subjects, history, {
      environments: this.config.environments,
      repositoryForService: s => index.repositoryForService(s),
    });
    const deploymentIds = a.deployments.map(d => d.deploymentId);
    // Commits they no longer include (explicit commits replaced derived inclusion) must be
    // re-correlated too; with those inclusion moved and their own, that is all they include.
    const previouslyDeployed = (
      await this.store.deployments(deploymentIds)
    ).flatMap(d => d.commits);
    await upsertArtifacts(this.store, a);
    // Manual links and unlinks (DESIGN §16) first: key linking then respects them.
    await applyLinkCorrections(this.store, events);
    await linkArtifacts(this.store, a, this.projectKeys);
    const branched = await linkHeadBranches(this.store, a.commits, a.prs);
    const squashed = await relinkSquashCommits(
      this.store,
      a.prs,
      this.projectKeys,
    );
    await resolveArtifacts(
      this.store,
      this.index(),
      a.deployments,
      await withWaitingIncidents(this.store, a.incidents, deploymentIds),
    );
    // Deployments without explicit commits include what was merged before them.
    const included = await refreshInclusion(
      this.store,
      unique([...inclusionRepositories(a), ...branched.repositories]),
    );
    const replaced = await this.replaceByFiles(a, included);
    const shas = touchedShas(a, included, previouslyDeployed, replaced, [
      ...squashed.shas,
      ...branched.shas,
    ]);
    const prIds = unique([
      ...a.prs.map(p => p.id),
      ...branched.prIds,
      ...(await this.store.prIdsForCommits([...shas])),
    ]);
    // Every change whose commits, PR or deployments this pass touched (lead-time inputs).
    // The index scopes a monorepo service's changes to its own commits (DESIGN §13).
    await this.store.refreshEntityChanges([...prIds, ...shas], this.index());
    const keys = unique([
      ...itemKeysOf(subjects),
      ...(await this.keysLinkedTo([...shas], prIds)),
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
    const relinked = await relinkRepositories(
      this.store,
      changes.repositories,
      this.projectKeys,
    );
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
    await this.store.refreshEntityChanges(
      [...deployed, ...(await this.store.prIdsForCommits(deployed))],
      this.index(),
    );
    const keys = unique([
      ...relinked.keysBefore,
      ...(await this.keysLinkedTo(relinked.shas, relinked.prIds)),
      ...(await this.store.unresolvedItemKeys()),
      ...(await this.store.itemKeysMatching(
        changes.projectKeys,
        changes.repositories,
      )),
    ]);
    return this.rebuildItems(keys);
  }

  /**
   * Monorepos (DESIGN §13): a deployment placed by its repository goes to the entities
   * owning its commits, so it is placed again when commits it includes got their files
   * (a push or PR event, in any order) or joined it (derived inclusion). Returns the
   * commits of the deployments placed again (their changes' lead times may move).
   */
  private async replaceByFiles(
    a: FoldedArtifacts,
    included: string[],
  ): Promise<string[]> {
    const shas = unique([
      ...a.commits.filter(c => c.files?.length).map(c => c.sha),
      ...a.prs
        .filter(p => p.files?.length)
        .flatMap(p => [
          ...p.commits,
          ...(p.mergeCommitSha ? [p.mergeCommitSha] : []),
        ]),
      ...included,
    ]);
    if (!shas.length) return [];
    const index = this.index();
    const deployments = (
      await this.store.deployments(
        await this.store.deploymentIdsForCommits(shas),
      )
    ).filter(d => !d.entityRef && !index.entitiesForService(d.service).length);
    if (!deployments.length) return [];
    const ids = deployments.map(d => d.deploymentId);
    await resolveArtifacts(
      this.store,
      index,
      deployments,
      await withWaitingIncidents(this.store, [], ids),
    );
    return deployments.flatMap(d => d.commits);
  }

  /** The work items linked to these commits or PRs. */
  private async keysLinkedTo(shas: string[], prIds: string[]) {
    return [
      ...(await this.store.keysLinkedTo('commit', shas)),
      ...(await this.store.keysLinkedTo('pr', prIds)),
    ];
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
