import { createHash } from 'crypto';
import type { StatusMapper } from '@valuestream/backstage-plugin-value-stream-node';
import type { ValueStreamConfig } from '../config/readConfig';
import type {
  DatabaseValueStreamStore,
  StoredJourney,
} from '../database/DatabaseValueStreamStore';
import type { EntityIndex } from '../entities/EntityIndex';
import { computeItemStats } from '../metrics/itemStats';
import { buildJourney } from './buildJourney';
import { group, unique } from './collections';
import {
  CommitRow,
  DeploymentRow,
  foldBuild,
  foldCommit,
  foldDeployment,
  foldIncident,
  foldItemAttributes,
  foldPullRequest,
  PullRequestRow,
  StoredEvent,
} from './folds';
import { itemEvidence, RoleStages, roleStages } from './itemEvidence';
import {
  linkCommits,
  linkPullRequests,
  ProjectKeysOf,
  projectKeysOf,
  relinkSquashCommits,
} from './linkKeys';
import {
  IncidentToResolve,
  refreshInclusion,
  resolveArtifacts,
  withOtherIncidents,
} from './resolveArtifacts';

/** What decides a stored item row, apart from the clock. */
function journeyDigest(o: StoredJourney): string {
  const { journey, entityRefs } = o;
  return createHash('sha256')
    .update(JSON.stringify([journey, entityRefs]))
    .digest('hex');
}

/** What a correlation pass changed, for alert evaluation and metrics. */
export interface CorrelationResult {
  itemKeys: string[];
  entityRefs: Set<string>;
}

/**
 * Turns newly stored events into artifact state, links and journeys (DESIGN §4, §5).
 * Each artifact and item is re-folded from its whole stored history, so arrival
 * order and duplicates never change the result.
 */
export class Correlator {
  private readonly roles: RoleStages;
  private readonly projectKeys: ProjectKeysOf;

  constructor(
    private readonly store: DatabaseValueStreamStore,
    private readonly config: ValueStreamConfig,
    private readonly index: () => EntityIndex,
    private readonly statusMapper?: StatusMapper,
    private readonly now: () => number = Date.now,
    /** Called for each item that entered a done stage in this pass (telemetry). */
    private readonly onDone?: (item: StoredJourney) => void,
  ) {
    this.roles = roleStages(config.stages);
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
  async rebuildItems(
    keys: string[],
    options: { force?: boolean } = {},
  ): Promise<CorrelationResult> {
    const entityRefs = new Set<string>();
    if (!keys.length) return { itemKeys: [], entityRefs };
    const itemEvents = group(
      await this.store.eventsForSubjects(keys.map(k => `item:${k}`)),
      e => e.subject!.slice(5),
    );
    const present = keys.filter(k => itemEvents.has(k));
    const links = group(
      await this.store.linksForItems(present),
      l => l.item_key,
    );
    const prs = new Map(
      (
        await this.store.pullRequests(
          unique(
            [...links.values()]
              .flat()
              .filter(l => l.kind === 'pr')
              .map(l => l.ref),
          ),
        )
      ).map(p => [p.id, p]),
    );
    const shasOf = (key: string) => {
      const out = new Set<string>();
      for (const l of links.get(key) ?? []) {
        if (l.kind === 'commit') out.add(l.ref);
        const pr = l.kind === 'pr' ? prs.get(l.ref) : undefined;
        pr?.commits.forEach(c => out.add(c));
        if (pr?.merge_commit_sha) out.add(pr.merge_commit_sha);
      }
      return out;
    };
    const allShas = unique(present.flatMap(k => [...shasOf(k)]));
    const commits = new Map(
      (await this.store.commits(allShas)).map(c => [c.sha, c]),
    );
    const builds = group(
      await this.store.buildsForCommits(allShas),
      b => b.commit_sha,
    );
    const deployments = await this.store.deployments(
      await this.store.deploymentIdsForCommits(allShas),
    );
    const deploymentsBySha = new Map<string, DeploymentRow[]>();
    for (const d of deployments) {
      for (const sha of d.commits)
        (
          deploymentsBySha.get(sha) ?? deploymentsBySha.set(sha, []).get(sha)!
        ).push(d);
    }

    const index = this.index();
    const now = this.now();
    const out: StoredJourney[] = [];
    for (const key of present) {
      const evs = itemEvents.get(key)!;
      const itemPrs = unique(
        (links.get(key) ?? []).filter(l => l.kind === 'pr').map(l => l.ref),
      )
        .map(id => prs.get(id))
        .filter((p): p is PullRequestRow => p !== undefined);
      const shas = [...shasOf(key)];
      const itemCommits = shas
        .map(sha => commits.get(sha))
        .filter((c): c is CommitRow => c !== undefined);
      const itemDeployments = new Map<string, DeploymentRow>();
      for (const sha of shas)
        for (const dep of deploymentsBySha.get(sha) ?? [])
          itemDeployments.set(dep.deployment_id, dep);
      const evidence = itemEvidence({
        events: evs,
        pullRequests: itemPrs,
        commits: itemCommits,
        builds: shas.flatMap(sha => builds.get(sha) ?? []),
        deployments: [...itemDeployments.values()],
        roles: this.roles,
        mapStatus: (status, source) => this.mapStatus(status, source),
      });
      const refs = new Set<string>();
      for (const e of evs) if (e.entityRef) refs.add(e.entityRef);
      if (!refs.size) index.entitiesForKey(key).forEach(r => refs.add(r));
      for (const pr of itemPrs)
        index.entitiesForRepository(pr.repository).forEach(r => refs.add(r));
      for (const c of itemCommits)
        index.entitiesForRepository(c.repository).forEach(r => refs.add(r));
      for (const dep of itemDeployments.values()) {
        if (dep.entity_ref) refs.add(dep.entity_ref);
        else index.entitiesForService(dep.service).forEach(r => refs.add(r));
      }
      const journey = buildJourney(
        foldItemAttributes(key, evs),
        evidence,
        this.config.stages,
      );
      const entityList = [...refs].map(r => r.toLowerCase()).sort();
      entityList.forEach(r => entityRefs.add(r));
      out.push({
        journey,
        stats: computeItemStats(journey, now),
        entityRefs: unique(entityList),
      });
    }
    // Rewrite only the items whose journey, attributes or entities changed.
    const stored = await this.store.storedDigests(out.map(o => o.journey.key));
    const changed = options.force
      ? out
      : out.filter(o => stored.get(o.journey.key)?.digest !== journeyDigest(o));
    for (const o of changed) {
      const doneBefore = stored.get(o.journey.key)?.doneAt ?? null;
      if (o.journey.doneAt !== null && doneBefore !== o.journey.doneAt)
        this.onDone?.(o);
    }
    await this.store.writeJourneys(
      changed.map(o => ({ ...o, digest: journeyDigest(o) })),
    );
    return { itemKeys: present, entityRefs };
  }

  private mapStatus(status: string, source: string): string | undefined {
    return (
      this.statusMapper?.({ status, source }) ??
      this.config.statusMapping[status.toLowerCase()]
    );
  }
}
