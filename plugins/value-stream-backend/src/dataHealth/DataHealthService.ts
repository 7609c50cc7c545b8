import type { Entity } from '@backstage/catalog-model';
import {
  VALUE_STREAM_ANNOTATION,
  VALUE_STREAM_ANNOTATIONS,
  type DataHealth,
} from '@valuestream/backstage-plugin-value-stream-common';
import type { DatabaseValueStreamStore } from '../database/DatabaseValueStreamStore';
import type { LinkedArtifact } from '../database/DataHealthQueries';
import type { EntityIndex } from '../entities/EntityIndex';
import type { ClaimContest } from '../entities/claims';
import { subject } from '../model/subjects';
import {
  DATA_HEALTH_DAYS,
  dataHealthWarnings,
  type LostClaim,
} from './dataHealthWarnings';

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

type Store = Pick<
  DatabaseValueStreamStore,
  'dataHealth' | 'changeFiles' | 'prCommits' | 'buildsForCommits'
>;

/** The annotation of `entity` behind a contested identifier, for the warning. */
function annotationOf(entity: Entity, c: ClaimContest): string {
  const a = entity.metadata.annotations ?? {};
  const is = (name: string) =>
    (a[name] ?? '')
      .split(',')
      .some(v => v.trim().toLowerCase() === c.id.toLowerCase());
  if (c.kind === 'projectKey') return VALUE_STREAM_ANNOTATION.jiraProjectKey;
  if (c.kind === 'repository') {
    if (is(VALUE_STREAM_ANNOTATION.githubSlug))
      return VALUE_STREAM_ANNOTATION.githubSlug;
    if (is(VALUE_STREAM_ANNOTATION.gitlabSlug))
      return VALUE_STREAM_ANNOTATION.gitlabSlug;
    return 'backstage.io/source-location';
  }
  const service = [
    VALUE_STREAM_ANNOTATION.argocdApp,
    VALUE_STREAM_ANNOTATION.pagerdutyService,
    VALUE_STREAM_ANNOTATION.jenkinsJob,
  ].find(is);
  return service ?? 'metadata.name';
}

/**
 * `GET …/data-health` (DESIGN §16): the entity's input of the last 30 days (commits and PRs
 * of its repositories, its deployments and done items, the last event of each source its
 * annotations imply), the claims the resolution rule gave to others, and the findings.
 * A fixed number of batched reads whatever the entity's size.
 */
export class DataHealthService {
  constructor(
    private readonly store: Store,
    private readonly index: () => EntityIndex,
    private readonly now: () => number = Date.now,
  ) {}

  async health(entityRef: string, entity: Entity): Promise<DataHealth> {
    const to = this.now();
    const from = to - DATA_HEALTH_DAYS * DAY_MS;
    const index = this.index();
    const q = this.store.dataHealth;
    const repositories = index.repositoriesOf(entityRef);
    const [rawCommits, rawPrs, deployments, incidents, items] =
      await Promise.all([
        q.commits({ repositories, from, to }),
        q.pullRequests({ repositories, from, to }),
        q.deployments({ entityRef, from, to }),
        q.incidents({ entityRef, from, to }),
        q.items({ entityRef, from, to }),
      ]);
    const [commits, prs] = await this.ownedOnly(
      entityRef,
      index,
      rawCommits,
      rawPrs,
    );
    const builds = await this.store.buildsForCommits(commits.map(c => c.id));
    const subjects = [
      ...items.keys.map(k => subject('item', k)),
      ...commits.map(c => subject('commit', c.id)),
      ...prs.map(p => subject('pr', p.id)),
      ...builds.map(b => subject('build', b.buildId)),
      ...deployments.map(d => subject('deployment', d.id)),
      ...incidents.map(i => subject('incident', i)),
    ];
    const lost = index.contestsLostBy(entityRef);
    const [last, unresolvedEvents] = await Promise.all([
      q.lastEventBySource({ subjects, since: from }),
      this.unresolvedEvents(lost, from, to),
    ]);
    const annotations = entity.metadata.annotations ?? {};
    const sources = VALUE_STREAM_ANNOTATIONS.filter(a =>
      annotations[a.annotation]?.trim(),
    ).map(a => ({
      source: a.source,
      annotation: a.annotation,
      lastEventAt: last.has(a.source) ? iso(last.get(a.source)!) : null,
    }));
    const figures = {
      entityRef,
      window: { from: iso(from), to: iso(to) },
      commits: {
        total: commits.length,
        linked: commits.filter(c => c.linked).length,
      },
      pullRequests: {
        total: prs.length,
        linked: prs.filter(p => p.linked).length,
      },
      deployments: {
        total: deployments.length,
        withCommits: deployments.filter(d => d.withCommits).length,
      },
      workItems: { done: items.done, withChanges: items.withChanges },
      unresolvedEvents,
      sources,
    };
    const lostClaims: LostClaim[] = lost.map(c => ({
      annotation: annotationOf(entity, c),
      id: c.id,
      others: [...c.winners, ...c.losers].filter(r => r !== entityRef).sort(),
      reason: c.reason,
    }));
    return {
      ...figures,
      warnings: dataHealthWarnings(figures, lostClaims, to),
    };
  }

  /** Monorepos (DESIGN §13): in a repository of which the entity owns paths, only its changes. */
  private async ownedOnly(
    ref: string,
    index: EntityIndex,
    commits: LinkedArtifact[],
    prs: LinkedArtifact[],
  ): Promise<[LinkedArtifact[], LinkedArtifact[]]> {
    const scoped = new Set(index.scopedRepositories(ref));
    if (!scoped.size) return [commits, prs];
    const inScoped = (a: LinkedArtifact) =>
      scoped.has((a.repository ?? '').toLowerCase());
    const prCommits = await this.store.prCommits(
      prs.filter(inScoped).map(p => p.id),
    );
    const files = await this.store.changeFiles([
      ...commits.filter(inScoped).map(c => c.id),
      ...prCommits.map(pc => pc.sha),
    ]);
    const owns = (a: LinkedArtifact, f?: string[]) =>
      !inScoped(a) || index.owns(ref, a.repository, f);
    return [
      commits.filter(c => owns(c, files.commits.get(c.id))),
      prs.filter(p => owns(p, files.prs.get(p.id))),
    ];
  }

  /** Events of the window on the repositories and project keys the entity claimed but lost. */
  private async unresolvedEvents(
    lost: ClaimContest[],
    from: number,
    to: number,
  ): Promise<number> {
    const q = this.store.dataHealth;
    const repos = lost
      .filter(c => c.kind === 'repository' && !c.winners.length)
      .map(c => c.id.toLowerCase());
    const keys = lost
      .filter(c => c.kind === 'projectKey')
      .map(c => c.id.toUpperCase());
    if (!repos.length && !keys.length) return 0;
    const [commits, prs, items] = await Promise.all([
      q.commits({ repositories: repos, from, to }),
      q.pullRequests({ repositories: repos, from, to }),
      q.unresolvedItemsOfProjects(keys),
    ]);
    return q.countEvents({
      subjects: [
        ...commits.map(c => subject('commit', c.id)),
        ...prs.map(p => subject('pr', p.id)),
        ...items.map(k => subject('item', k)),
      ],
      since: from,
    });
  }
}
