import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import type {
  Build,
  Commit,
  PrCommit,
  Deployment,
  Incident,
  PullRequest,
} from '../model/artifacts';
import type { NewEvent } from '../model/events';
import type { WorkItemLink, StoredJourney } from '../model/workItems';
import { AlertStore } from './AlertStore';
import { DataHealthQueries } from './DataHealthQueries';
import { DeploymentStore } from './DeploymentStore';
import { EventStore } from './EventStore';
import { FeatureQueries } from './FeatureQueries';
import { ImportJobStore } from './ImportJobStore';
import { IngestLock } from './IngestLock';
import { JourneyStore } from './JourneyStore';
import { LinkStore } from './LinkStore';
import { MetaStore } from './MetaStore';
import { MetricsQueries } from './MetricsQueries';
import { OverviewQueries } from './OverviewQueries';
import type { ChangeScope } from './entityChanges';
import { RetentionStore } from './RetentionStore';
import { ScmStore } from './ScmStore';
import { TelemetryQueries } from './TelemetryQueries';

const migrationsDir = resolvePackagePath(
  '@valuestream/backstage-plugin-value-stream-backend',
  'migrations',
);

/**
 * The knex store of the value stream (SQLite and PostgreSQL): one facade over a store per
 * concern, all on the same connection or transaction. Every method works on batches: one
 * round trip per table and chunk, never one per event.
 */
export class DatabaseValueStreamStore {
  /** Alerts and the alert schedule. */
  readonly alerts: AlertStore;
  /** History import jobs and their leases. */
  readonly imports: ImportJobStore;
  /** The read queries behind metrics, time series and work-item details. */
  readonly metrics: MetricsQueries;
  /** The reads behind feature outcomes (`GET …/value`). */
  readonly features: FeatureQueries;
  /** The organisation view's entity-tagged reads (DESIGN §15). */
  readonly overview: OverviewQueries;
  /** The reads behind `GET …/data-health` (DESIGN §16). */
  readonly dataHealth: DataHealthQueries;
  /** The batched deletes of a retention pass (`valueStream.retention.days`). */
  readonly retention: RetentionStore;
  /** The aggregate read behind the OpenTelemetry gauges. */
  readonly telemetry: TelemetryQueries;
  private readonly events: EventStore;
  private readonly scm: ScmStore;
  private readonly deploys: DeploymentStore;
  private readonly links: LinkStore;
  private readonly journeys: JourneyStore;
  private readonly meta: MetaStore;
  private readonly lock: IngestLock;

  /** Every sub-store on `db`: bound to a transaction, all of them are. */
  private constructor(private readonly db: Knex) {
    this.alerts = new AlertStore(db);
    this.imports = new ImportJobStore(db);
    this.metrics = new MetricsQueries(db);
    this.features = new FeatureQueries(db);
    this.overview = new OverviewQueries(db);
    this.dataHealth = new DataHealthQueries(db);
    this.retention = new RetentionStore(db);
    this.telemetry = new TelemetryQueries(db);
    this.events = new EventStore(db);
    this.scm = new ScmStore(db);
    this.deploys = new DeploymentStore(db);
    this.links = new LinkStore(db);
    this.journeys = new JourneyStore(db);
    this.meta = new MetaStore(db);
    this.lock = new IngestLock(db);
  }

  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseValueStreamStore> {
    const db = await options.database.getClient();
    if (!options.skipMigrations && !options.database.migrations?.skip) {
      await db.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseValueStreamStore(db);
  }

  /** For tests and migrations checks. */
  static fromKnex(db: Knex) {
    return new DatabaseValueStreamStore(db);
  }

  static migrationsDirectory() {
    return migrationsDir;
  }

  /** Runs `fn` while holding the ingest lock (see IngestLock). */
  withIngestLock<T>(fn: () => Promise<T>): Promise<T> {
    return this.lock.run(fn);
  }

  /**
   * Runs `fn` in one database transaction with a store bound to it: all of its writes
   * commit together or not at all.
   */
  transaction<T>(
    fn: (store: DatabaseValueStreamStore) => Promise<T>,
  ): Promise<T> {
    return this.db.transaction(tx => fn(new DatabaseValueStreamStore(tx)));
  }

  // ---- raw events and the correlation queue (EventStore) ----------------------------------

  insertEvents(events: NewEvent[]) {
    return this.events.insertEvents(events);
  }
  pendingEvents(limit: number) {
    return this.events.pendingEvents(limit);
  }
  clearPending(seqs: number[]) {
    return this.events.clearPending(seqs);
  }
  pendingStatus() {
    return this.events.pendingStatus();
  }
  eventsForSubjects(subjects: string[]) {
    return this.events.eventsForSubjects(subjects);
  }
  allEvents(pageSize?: number) {
    return this.events.allEvents(pageSize);
  }
  distinctSubjects(prefix: string) {
    return this.events.distinctSubjects(prefix);
  }

  // ---- commits, pull requests, builds (ScmStore) -------------------------------------------

  upsertCommits(commits: Commit[]) {
    return this.scm.upsertCommits(commits);
  }
  upsertPullRequests(prs: PullRequest[]) {
    return this.scm.upsertPullRequests(prs);
  }
  addPrCommits(pairs: PrCommit[]) {
    return this.scm.addPrCommits(pairs);
  }

  branchHistory(branches: { repository: string; branch: string }[]) {
    return this.scm.branchHistory(branches);
  }

  replaceBranchCommits(prIds: string[], pairs: PrCommit[]) {
    return this.scm.replaceBranchCommits(prIds, pairs);
  }
  upsertBuilds(builds: Build[]) {
    return this.scm.upsertBuilds(builds);
  }
  refreshEntityChanges(ids?: string[], scope?: ChangeScope) {
    return this.scm.refreshEntityChanges(ids, scope);
  }
  changeFiles(shas: string[]) {
    return this.scm.changeFiles(shas);
  }
  prIdsForCommits(shas: string[]) {
    return this.scm.prIdsForCommits(shas);
  }
  prCommits(prIds: string[]) {
    return this.scm.prCommits(prIds);
  }
  commits(shas: string[]) {
    return this.scm.commits(shas);
  }
  existingPullRequestIds(ids: string[]) {
    return this.scm.existingPullRequestIds(ids);
  }
  pullRequests(ids: string[]) {
    return this.scm.pullRequests(ids);
  }
  buildsForCommits(shas: string[]) {
    return this.scm.buildsForCommits(shas);
  }
  commitsInRepositories(repositories: string[]) {
    return this.scm.commitsInRepositories(repositories);
  }
  pullRequestsInRepositories(repositories: string[]) {
    return this.scm.pullRequestsInRepositories(repositories);
  }
  repositoryHistory(repository: string) {
    return this.scm.repositoryHistory(repository);
  }

  // ---- deployments, incidents and their entities (DeploymentStore) -------------------------

  upsertDeployments(deployments: Deployment[]) {
    return this.deploys.upsertDeployments(deployments);
  }
  replaceDeploymentCommits(commitsById: Map<string, string[]>) {
    return this.deploys.replaceDeploymentCommits(commitsById);
  }
  upsertIncidents(incidents: Incident[]) {
    return this.deploys.upsertIncidents(incidents);
  }
  setArtifactEntities(
    kind: 'deployment' | 'incident',
    byRef: Map<string, string[]>,
  ) {
    return this.deploys.setArtifactEntities(kind, byRef);
  }
  artifactEntities(kind: 'deployment' | 'incident', refs: string[]) {
    return this.deploys.artifactEntities(kind, refs);
  }
  deploymentIdsForCommits(shas: string[]) {
    return this.deploys.deploymentIdsForCommits(shas);
  }
  deployments(ids: string[]) {
    return this.deploys.deployments(ids);
  }
  implicitDeployments(repositories: string[]) {
    return this.deploys.implicitDeployments(repositories);
  }
  incidents(ids: string[]) {
    return this.deploys.incidents(ids);
  }
  incidentsForDeployments(ids: string[]) {
    return this.deploys.incidentsForDeployments(ids);
  }
  deploymentsToResolve(services: string[], repositories: string[]) {
    return this.deploys.deploymentsToResolve(services, repositories);
  }
  incidentsToResolve(services: string[]) {
    return this.deploys.incidentsToResolve(services);
  }
  unresolvedArtifacts(kind: 'deployment' | 'incident') {
    return this.deploys.unresolvedArtifacts(kind);
  }

  // ---- work-item links (LinkStore) ---------------------------------------------------------

  addLinks(links: WorkItemLink[]) {
    return this.links.addLinks(links);
  }
  removeLinks(kind: 'commit' | 'pr', refs: string[]) {
    return this.links.removeLinks(kind, refs);
  }
  linksForItems(keys: string[]) {
    return this.links.linksForItems(keys);
  }
  keysLinkedTo(kind: 'commit' | 'pr', refs: string[]) {
    return this.links.keysLinkedTo(kind, refs);
  }
  correctLinks(corrections: Parameters<LinkStore['correctLinks']>[0]) {
    return this.links.correctLinks(corrections);
  }
  linkCorrectionsForItems(keys: string[]) {
    return this.links.linkCorrectionsForItems(keys);
  }

  // ---- journeys and work items (JourneyStore) ----------------------------------------------

  writeJourneys(items: StoredJourney[]) {
    return this.journeys.writeJourneys(items);
  }
  storedDigests(keys: string[]) {
    return this.journeys.storedDigests(keys);
  }
  itemsDueForDone(now: number, limit: number) {
    return this.journeys.itemsDueForDone(now, limit);
  }
  workItem(key: string) {
    return this.journeys.workItem(key);
  }
  journeysOfEntity(entityRef: string, doneSince: number) {
    return this.journeys.journeysOfEntity(entityRef, doneSince);
  }
  entitiesOfItem(key: string) {
    return this.journeys.entitiesOfItem(key);
  }
  isExcluded(key: string) {
    return this.journeys.isExcluded(key);
  }
  listWorkItems(options: Parameters<JourneyStore['listWorkItems']>[0]) {
    return this.journeys.listWorkItems(options);
  }
  itemKeysMatching(projectKeys: string[], repositories: string[]) {
    return this.journeys.itemKeysMatching(projectKeys, repositories);
  }
  unresolvedItemKeys() {
    return this.journeys.unresolvedItemKeys();
  }
  itemKeysOfEntities(entityRefs: string[]) {
    return this.journeys.itemKeysOfEntities(entityRefs);
  }

  // ---- meta (MetaStore) ---------------------------------------------------------------------

  getMeta(key: string) {
    return this.meta.getMeta(key);
  }
  setMeta(key: string, value: string) {
    return this.meta.setMeta(key, value);
  }
}
