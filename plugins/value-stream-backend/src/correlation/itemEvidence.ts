import type {
  EventData,
  StageDefinition,
  StageRole,
} from '@valuestream/backstage-plugin-value-stream-common';
import type {
  Build,
  Commit,
  Deployment,
  PullRequest,
} from '../model/artifacts';
import {
  deploymentRecord,
  isSuccessfulProductionDeployment,
  reachedEnvironment,
} from '../model/deployments';
import type { StoredEvent } from '../model/events';
import type { Evidence } from './evidence';
import { labelBlockEvidence } from './labelBlocks';

/** Which stage each claimed role moves an item into (DESIGN §13 "Stage roles"). */
export type RoleStages = ReadonlyMap<StageRole, string>;

/**
 * The stage of each role the configured stages claim. readValueStreamConfig has
 * already refused a role claimed twice; the first claim would win here.
 */
export function roleStages(stages: readonly StageDefinition[]): RoleStages {
  const out = new Map<StageRole, string>();
  for (const stage of stages) {
    for (const role of stage.roles ?? []) {
      if (!out.has(role)) out.set(role, stage.name);
    }
  }
  return out;
}

/** What is stored about one work item and the artifacts linked to it. */
export interface ItemEvidenceInput {
  /** The item's own `work_item.*` events. */
  events: readonly StoredEvent[];
  /** The pull requests linked to the item. */
  pullRequests: readonly PullRequest[];
  /** The item's commits: linked to it, or through its pull requests. */
  commits: readonly Commit[];
  /** The builds of those commits. */
  builds: readonly Build[];
  /** The deployments that include any of those commits, each once. */
  deployments: readonly Deployment[];
  roles: RoleStages;
  /** A tracker status → stage name, for `work_item.status_changed` without `stage`. */
  mapStatus: (status: string, source: string) => string | undefined;
  /** `valueStream.blockedLabels`: labels that block while set (none when absent). */
  blockedLabels?: readonly string[];
}

/**
 * The evidence that moves one item (DESIGN §4 movement table), as data keyed by stage
 * role: each row names the role its evidence plays, and the evidence enters the stage
 * that claims the role. Evidence of a role that no stage claims moves nothing.
 */
export function itemEvidence(input: ItemEvidenceInput): Evidence[] {
  const evidence: Evidence[] = [];
  for (const e of input.events) {
    const order = `${e.source}/${e.id}`;
    if (e.type === 'work_item.status_changed') {
      // Validated on ingest against its schema (eventDataSchemas).
      const d = e.data as EventData<'work_item.status_changed'>;
      const stage = d.stage ?? input.mapStatus(d.to, e.source);
      if (stage) evidence.push({ kind: 'tracker', at: e.at, stage, order });
    } else if (e.type === 'work_item.blocked') {
      const { reason } = e.data as EventData<'work_item.blocked'>;
      evidence.push({ kind: 'blocked', at: e.at, order, reason });
    } else if (e.type === 'work_item.unblocked') {
      evidence.push({ kind: 'unblocked', at: e.at, order });
    }
  }
  evidence.push(...labelBlockEvidence(input.events, input.blockedLabels ?? []));
  const auto = (role: StageRole, at: number | null, order: string) => {
    const stage = input.roles.get(role);
    if (stage !== undefined && at !== null)
      evidence.push({ kind: 'auto', at, stage, order });
  };
  for (const pr of input.pullRequests) {
    auto('pr_opened', pr.openedAt, `pr/${pr.id}`);
    auto('pr_merged', pr.mergedAt, `pr/${pr.id}`);
  }
  for (const c of input.commits)
    auto('first_commit', c.pushedAt, `commit/${c.sha}`);
  for (const b of input.builds) {
    auto('build_started', b.startedAt, `build/${b.buildId}`);
    if (b.status === 'success')
      auto('build_succeeded', b.finishedAt, `build/${b.buildId}`);
  }
  for (const dep of input.deployments) {
    const order = `deployment/${dep.deploymentId}`;
    const record = deploymentRecord(dep);
    const started = dep.startedAt ?? dep.finishedAt;
    if (dep.envClass === 'staging') {
      auto('staging_deploy_started', started, order);
      if (reachedEnvironment(record))
        auto('staging_deploy_succeeded', dep.finishedAt, order);
    } else if (dep.envClass === 'production') {
      auto('production_deploy_started', started, order);
      if (isSuccessfulProductionDeployment(record))
        auto('production_deploy_succeeded', dep.finishedAt, order);
    }
  }
  return evidence;
}
