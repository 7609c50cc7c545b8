import { InputError, NotFoundError } from '@backstage/errors';
import type {
  ChangeBreakdown,
  WorkItemDetail,
  WorkItemListResponse,
  WorkItemSummary,
} from '@valuestream/backstage-plugin-value-stream-common';
import type { DatabaseValueStreamStore } from '../database/DatabaseValueStreamStore';
import type { MetricsQueries } from '../database/MetricsQueries';
import type { EntityIndex } from '../entities/EntityIndex';
import { attributeIncident } from '../metrics/attribution';
import { computeItemStats, timeInStage } from '../metrics/itemStats';
import { journeyChangeBreakdowns } from '../metrics/journeyChanges';
import { iso } from '../metrics/time';
import type { Deployment } from '../model/artifacts';
import {
  deploymentRecord,
  isSuccessfulProductionDeployment,
} from '../model/deployments';
import { toJourney, type WorkItemRow } from '../model/workItems';

const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));
/** A change's breakdown on its link, when it is a change (DESIGN §13). */
const withBreakdown = (breakdown: ChangeBreakdown | undefined) =>
  breakdown ? { breakdown } : {};

function summary(row: WorkItemRow, now: number): WorkItemSummary {
  // Open items' active/wait time grows with the clock; done items' is fixed.
  const stats =
    row.doneAt === null && row.journey
      ? computeItemStats(toJourney(row), now)
      : row;
  return {
    key: row.key,
    title: row.title,
    itemType: row.itemType,
    stage: row.stage,
    stageEnteredAt: iso(row.stageEnteredAt),
    createdAt: iso(row.createdAt),
    startedAt: isoOrNull(row.startedAt),
    doneAt: isoOrNull(row.doneAt),
    blocked: row.blocked,
    cycleTime: row.cycleTime,
    activeTime: stats.activeTime,
    waitTime: stats.waitTime,
    ...(row.observationEndsAt !== null && row.doneAt === null
      ? { observationEndsAt: iso(row.observationEndsAt) }
      : {}),
  };
}

interface Cursor {
  createdAt: number;
  key: string;
}
const encodeCursor = (c: Cursor) =>
  Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeCursor(s: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
    if (typeof c.createdAt === 'number' && typeof c.key === 'string') return c;
  } catch {
    // fall through
  }
  throw new InputError('cursor: not a cursor returned by this API');
}

/** What of an item's detail the caller may see (see `workItemScope` in access.ts). */
export interface DetailScope {
  /** The item's entities the caller may read. */
  entityRefs: string[];
  /** The item resolved to no entity (given to permitted service principals only). */
  unresolved: boolean;
}

/** The work-item reads of §8: listing with cursor paging and the journey detail. */
export class WorkItemService {
  constructor(
    private readonly store: DatabaseValueStreamStore,
    private readonly index: () => EntityIndex,
    private readonly now: () => number = Date.now,
    private readonly queries?: MetricsQueries,
    private readonly attributionWindowMs = 24 * 3_600_000,
  ) {}

  async list(options: {
    entityRefs: string[];
    state: 'open' | 'done' | 'all';
    stage?: string;
    type?: string;
    limit: number;
    cursor?: string;
  }): Promise<WorkItemListResponse> {
    const rows = await this.store.listWorkItems({
      ...options,
      limit: options.limit + 1,
      after: options.cursor ? decodeCursor(options.cursor) : undefined,
      withJourney: options.state !== 'done',
    });
    const page = rows.slice(0, options.limit);
    const last = page[page.length - 1];
    const now = this.now();
    return {
      items: page.map(r => summary(r, now)),
      nextCursor:
        rows.length > options.limit && last
          ? encodeCursor({ createdAt: last.createdAt, key: last.key })
          : null,
    };
  }

  async entityRefsOf(key: string): Promise<string[]> {
    return this.store.entitiesOfItem(key);
  }

  /**
   * The journey of an item as the caller may see it: `scope.entityRefs` are the item's
   * entities the caller may read. Links and incidents of the item's other entities are left
   * out; those of no entity stay. `unresolved`: an item of no entity, shown whole.
   */
  async detail(key: string, scope: DetailScope): Promise<WorkItemDetail> {
    const row = await this.store.workItem(key);
    if (!row) throw new NotFoundError(`No work item ${key}`);
    const now = this.now();
    const journey = toJourney(row);
    const stats = computeItemStats(journey, now);
    const links = await this.links(key, scope);
    return {
      ...summary(row, now),
      priority: row.priority,
      value: row.value,
      labels: row.labels,
      transitions: journey.intervals.map(i => ({
        stage: i.stage,
        category: i.category,
        enteredAt: iso(i.enteredAt),
        exitedAt: isoOrNull(i.exitedAt),
        seconds: ((i.exitedAt ?? now) - i.enteredAt) / 1000,
      })),
      timeInStage: timeInStage(journey, now),
      blockedTime: stats.blockedTime,
      leadTimeForChanges: links.leadTimeForChanges,
      links: links.links,
      entityRefs: scope.entityRefs,
      excluded: await this.store.isExcluded(key),
    };
  }

  /** Incidents of the item's entities attributed (DESIGN §6) to one of its deployments. */
  private async attributedIncidents(
    key: string,
    deployments: Deployment[],
    visibleRefs: string[],
  ) {
    // Incidents are attributed to successful production deployments only.
    const finished = deployments
      .map(deploymentRecord)
      .filter(isSuccessfulProductionDeployment)
      .map(d => d.finishedAt);
    if (!finished.length || !this.queries) return [];
    const refs = await this.store.entitiesOfItem(key);
    // Only the readable entities' incidents; attribution still sees every deployment.
    const incidents = await this.queries.incidents(
      refs.filter(r => visibleRefs.includes(r)),
    );
    // The deployments an incident could fall back to around the item's, plus those named.
    // Without commits: `named` holds every deployment including an incident's commit,
    // with its commits, and overrides these by id.
    const around = await this.queries.productionDeployments(refs, {
      finishedFrom: Math.min(...finished) - this.attributionWindowMs,
      finishedTo: Math.max(...finished) + this.attributionWindowMs,
      withCommits: false,
    });
    const named = await this.queries.productionDeployments(refs, {
      ids: incidents.flatMap(i =>
        [i.deploymentId, i.attribution?.deploymentId].flatMap(id =>
          id ? [id] : [],
        ),
      ),
      shas: incidents.flatMap(i => (i.commitSha ? [i.commitSha] : [])),
    });
    const production = [
      ...new Map([...around, ...named].map(d => [d.deploymentId, d])).values(),
    ];
    const mine = new Set(deployments.map(d => d.deploymentId));
    return incidents.filter(i => {
      const d = attributeIncident(i, production, this.attributionWindowMs);
      return d !== null && mine.has(d.deploymentId);
    });
  }

  private async links(key: string, scope: DetailScope) {
    const s = this.store;
    const index = this.index();
    const visible = new Set(scope.entityRefs);
    // Hidden: of some entity, none of which the caller may read.
    const shown = (entities: string[]) =>
      scope.unresolved ||
      !entities.length ||
      entities.some(r => visible.has(r));
    const repoShown = (repository: string | null) =>
      shown(index.entitiesForRepository(repository));
    const linkRows = await s.linksForItems([key]);
    const allPrs = await s.pullRequests(
      linkRows.filter(l => l.kind === 'pr').map(l => l.ref),
    );
    const shas = new Set(
      linkRows.filter(l => l.kind === 'commit').map(l => l.ref),
    );
    for (const p of allPrs) {
      p.commits.forEach(c => shas.add(c));
      if (p.mergeCommitSha) shas.add(p.mergeCommitSha);
    }
    // A commit unlinked by a correction (DESIGN §16) is not the item's, even through a PR.
    for (const c of await s.linkCorrectionsForItems([key]))
      if (c.kind === 'commit' && !c.linked) shas.delete(c.ref);
    const allCommits = await s.commits([...shas]);
    const allDeployments = await s.deployments(
      await s.deploymentIdsForCommits([...shas]),
    );
    const incidents = (
      await this.attributedIncidents(
        key,
        allDeployments,
        scope.unresolved ? [] : scope.entityRefs,
      )
    ).sort((a, b) => (a.openedAt ?? 0) - (b.openedAt ?? 0));
    const prs = allPrs.filter(p => repoShown(p.repository));
    const commits = allCommits.filter(c => repoShown(c.repository));
    const repoOfCommit = new Map(allCommits.map(c => [c.sha, c.repository]));
    const builds = (await s.buildsForCommits([...shas])).filter(b =>
      repoShown(b.repository ?? repoOfCommit.get(b.commitSha) ?? null),
    );
    const deploymentEntities = await s.artifactEntities(
      'deployment',
      allDeployments.map(d => d.deploymentId),
    );
    const deployments = allDeployments.filter(d =>
      shown(deploymentEntities.get(d.deploymentId) ?? []),
    );
    const hosts = index;
    const url = (repo: string | null, path: string) => {
      const host = hosts.hostOf(repo);
      return host && repo ? { url: `https://${host}/${repo}/${path}` } : {};
    };
    // Each change's parts, from what the caller may see (as the lead time below).
    const breakdowns = journeyChangeBreakdowns({
      pullRequests: prs,
      commits,
      deployments,
    });
    const firstCommit = Math.min(...commits.map(c => c.authoredAt));
    const firstProd = Math.min(
      ...deployments
        .map(deploymentRecord)
        .filter(isSuccessfulProductionDeployment)
        .map(d => d.finishedAt),
    );
    return {
      leadTimeForChanges:
        Number.isFinite(firstCommit) && Number.isFinite(firstProd)
          ? (firstProd - firstCommit) / 1000
          : null,
      links: {
        commits: commits
          .sort((a, b) => a.authoredAt - b.authoredAt)
          .map(c => ({
            sha: c.sha,
            repository: c.repository,
            message: c.message,
            ...url(c.repository, `commit/${c.sha}`),
            ...withBreakdown(breakdowns.commits.get(c.sha)),
          })),
        pullRequests: prs.map(p => ({
          repository: p.repository,
          number: p.number,
          title: p.title,
          state: p.state,
          mergedAt: isoOrNull(p.mergedAt),
          ...withBreakdown(breakdowns.pullRequests.get(p.id)),
          ...url(
            p.repository,
            hosts.hostOf(p.repository) === 'gitlab.com'
              ? `-/merge_requests/${p.number}`
              : `pull/${p.number}`,
          ),
        })),
        builds: builds
          .sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0))
          .map(b => ({
            buildId: b.buildId,
            status: b.status,
            finishedAt: isoOrNull(b.finishedAt),
          })),
        deployments: deployments
          .sort(
            (a, b) =>
              (a.startedAt ?? a.finishedAt ?? 0) -
              (b.startedAt ?? b.finishedAt ?? 0),
          )
          .map(d => ({
            deploymentId: d.deploymentId,
            environment: d.environment,
            status: d.rolledBackAt !== null ? 'rolled_back' : d.status,
            finishedAt: isoOrNull(d.finishedAt),
          })),
        incidents: incidents.map(i => ({
          incidentId: i.incidentId,
          severity: i.severity,
          openedAt: isoOrNull(i.openedAt),
          resolvedAt: isoOrNull(i.resolvedAt),
        })),
      },
    };
  }
}
