import type { Knex } from 'knex';
import type { Deployment, Incident } from '../model/artifacts';
import type {
  ArtifactEntitiesTable,
  DeploymentCommitsTable,
  DeploymentsTable,
  IncidentsTable,
} from './tables';
import { chunk, insertIgnore, num, selectIn, upsert } from './util';

type ArtifactKind = ArtifactEntitiesTable['kind'];

const toDeployment = (
  r: DeploymentsTable,
  commits: string[] = [],
): Deployment => ({
  deploymentId: r.deployment_id,
  environment: r.environment,
  envClass: r.env_class,
  service: r.service,
  repository: r.repository,
  entityRef: r.entity_ref,
  commitSha: r.commit_sha,
  explicitCommits: Boolean(r.explicit_commits),
  startedAt: num(r.started_at),
  finishedAt: num(r.finished_at),
  status: r.status,
  rolledBackAt: num(r.rolled_back_at),
  commits,
});

const deploymentRow = (d: Deployment): DeploymentsTable => ({
  deployment_id: d.deploymentId,
  environment: d.environment,
  env_class: d.envClass,
  service: d.service,
  repository: d.repository,
  entity_ref: d.entityRef,
  commit_sha: d.commitSha,
  explicit_commits: d.explicitCommits,
  started_at: d.startedAt,
  finished_at: d.finishedAt,
  status: d.status,
  rolled_back_at: d.rolledBackAt,
});

const toIncident = (r: IncidentsTable): Incident => ({
  incidentId: r.incident_id,
  service: r.service,
  entityRef: r.entity_ref,
  severity: r.severity,
  title: r.title,
  deploymentId: r.deployment_id,
  commitSha: r.commit_sha,
  openedAt: num(r.opened_at),
  resolvedAt: num(r.resolved_at),
  ...(r.attribution_corrected
    ? { attribution: { deploymentId: r.corrected_deployment_id ?? null } }
    : {}),
});

const incidentRow = (i: Incident): IncidentsTable => ({
  incident_id: i.incidentId,
  service: i.service,
  entity_ref: i.entityRef,
  severity: i.severity,
  title: i.title,
  deployment_id: i.deploymentId,
  commit_sha: i.commitSha,
  opened_at: i.openedAt,
  resolved_at: i.resolvedAt,
  attribution_corrected: i.attribution !== undefined,
  corrected_deployment_id: i.attribution?.deploymentId ?? null,
});

/** Deployments with the commits they included, incidents, and the entities of both. */
export class DeploymentStore {
  constructor(private readonly db: Knex) {}

  async upsertDeployments(deployments: Deployment[]) {
    await upsert(
      this.db,
      'vs_deployments',
      deployments.map(deploymentRow),
      'deployment_id',
      13,
    );
    // A deployment always includes the commit it deployed, whatever else is derived.
    await insertIgnore(
      this.db,
      'vs_deployment_commits',
      deployments.flatMap(r =>
        r.commitSha
          ? [{ deployment_id: r.deploymentId, sha: r.commitSha }]
          : [],
      ),
      ['deployment_id', 'sha'],
    );
    const explicit = deployments.filter(r => r.explicitCommits);
    await this.replaceDeploymentCommits(
      new Map(
        explicit.map(r => [
          r.deploymentId,
          [...new Set([...r.commits, ...(r.commitSha ? [r.commitSha] : [])])],
        ]),
      ),
    );
  }

  async replaceDeploymentCommits(commitsById: Map<string, string[]>) {
    const ids = [...commitsById.keys()];
    for (const part of chunk(ids, 500)) {
      await this.db<DeploymentCommitsTable>('vs_deployment_commits')
        .whereIn('deployment_id', part)
        .delete();
    }
    await insertIgnore(
      this.db,
      'vs_deployment_commits',
      [...commitsById].flatMap(([deployment_id, shas]) =>
        shas.map(sha => ({ deployment_id, sha })),
      ),
      ['deployment_id', 'sha'],
    );
  }

  async upsertIncidents(incidents: Incident[]) {
    await upsert(
      this.db,
      'vs_incidents',
      incidents.map(incidentRow),
      'incident_id',
    );
  }

  async setArtifactEntities(kind: ArtifactKind, byRef: Map<string, string[]>) {
    for (const part of chunk([...byRef.keys()], 500)) {
      await this.db<ArtifactEntitiesTable>('vs_artifact_entities')
        .where({ kind })
        .whereIn('ref', part)
        .delete();
    }
    await insertIgnore(
      this.db,
      'vs_artifact_entities',
      [...byRef].flatMap(([ref, refs]) =>
        refs.map(entity_ref => ({ entity_ref, kind, ref })),
      ),
      ['entity_ref', 'kind', 'ref'],
    );
  }

  async artifactEntities(
    kind: ArtifactKind,
    refs: string[],
  ): Promise<Map<string, string[]>> {
    const rows = await selectIn<ArtifactEntitiesTable>(
      () =>
        this.db('vs_artifact_entities')
          .select('ref', 'entity_ref')
          .where({ kind }),
      'ref',
      refs,
    );
    const out = new Map<string, string[]>();
    for (const r of rows)
      (out.get(r.ref) ?? out.set(r.ref, []).get(r.ref)!).push(r.entity_ref);
    return out;
  }

  async deploymentIdsForCommits(shas: string[]): Promise<string[]> {
    const rows = await selectIn<Pick<DeploymentCommitsTable, 'deployment_id'>>(
      () => this.db('vs_deployment_commits').select('deployment_id'),
      'sha',
      shas,
    );
    return [...new Set(rows.map(r => r.deployment_id))];
  }

  async deployments(ids: string[]): Promise<Deployment[]> {
    const rows = await selectIn<DeploymentsTable>(
      () => this.db('vs_deployments').select('*'),
      'deployment_id',
      ids,
    );
    const commits = await selectIn<DeploymentCommitsTable>(
      () => this.db('vs_deployment_commits').select('deployment_id', 'sha'),
      'deployment_id',
      ids,
    );
    const byId = new Map<string, string[]>();
    for (const c of commits)
      (
        byId.get(c.deployment_id) ??
        byId.set(c.deployment_id, []).get(c.deployment_id)!
      ).push(c.sha);
    return rows.map(r => toDeployment(r, byId.get(r.deployment_id) ?? []));
  }

  /** Deployments to derive inclusion for: no explicit commits, in these repositories. */
  async implicitDeployments(repositories: string[]): Promise<Deployment[]> {
    const rows = await selectIn<DeploymentsTable>(
      () =>
        this.db('vs_deployments')
          .select('*')
          .where({ explicit_commits: false }),
      'repository',
      repositories,
    );
    return rows.map(r => toDeployment(r));
  }

  async incidents(ids: string[]): Promise<Incident[]> {
    const rows = await selectIn<IncidentsTable>(
      () => this.db('vs_incidents').select('*'),
      'incident_id',
      ids,
    );
    return rows.map(toIncident);
  }

  async incidentsForDeployments(ids: string[]): Promise<Incident[]> {
    const rows = await selectIn<IncidentsTable>(
      () => this.db('vs_incidents').select('*'),
      'deployment_id',
      ids,
    );
    return rows.map(toIncident);
  }

  /** Unresolved deployments plus those of these services or repositories. */
  async deploymentsToResolve(
    services: string[],
    repositories: string[],
  ): Promise<Deployment[]> {
    const ids = new Set(await this.unresolvedArtifacts('deployment'));
    const byColumn = (column: string, values: string[]) =>
      selectIn<Pick<DeploymentsTable, 'deployment_id'>>(
        () => this.db('vs_deployments').select('deployment_id'),
        column,
        values,
        { lower: true },
      );
    for (const r of await byColumn('service', services))
      ids.add(r.deployment_id);
    for (const r of await byColumn('repository', repositories))
      ids.add(r.deployment_id);
    return this.deployments([...ids]);
  }

  async incidentsToResolve(services: string[]): Promise<Incident[]> {
    const ids = new Set(await this.unresolvedArtifacts('incident'));
    const rows = await selectIn<Pick<IncidentsTable, 'incident_id'>>(
      () => this.db('vs_incidents').select('incident_id'),
      'service',
      services,
      { lower: true },
    );
    rows.forEach(r => ids.add(r.incident_id));
    return this.incidents([...ids]);
  }

  async unresolvedArtifacts(kind: ArtifactKind): Promise<string[]> {
    const table = kind === 'deployment' ? 'vs_deployments' : 'vs_incidents';
    const id = kind === 'deployment' ? 'deployment_id' : 'incident_id';
    const rows: { id: string }[] = await this.db(`${table} as t`)
      .leftJoin('vs_artifact_entities as a', function on() {
        this.on('a.ref', '=', `t.${id}`).andOnVal('a.kind', '=', kind);
      })
      .whereNull('a.ref')
      .select(`t.${id} as id`);
    return rows.map(r => r.id);
  }
}
