import type { Knex } from 'knex';
import { num } from './util';
import { chunk } from './util';

const IN_LIST = 1000;

/** A commit or PR of the window and whether a work item is linked to it. */
export interface LinkedArtifact {
  id: string;
  repository: string | null;
  linked: boolean;
}

const truthy = (v: unknown) => v === true || Number(v) === 1;

/** `lower(column) in (?, …)` for lower-cased values (uses the expression indexes). */
const lowerIn = (column: string, values: string[]) =>
  [
    `lower(${column}) in (${values.map(() => '?').join(', ')})`,
    values,
  ] as const;

/**
 * The reads behind `GET …/data-health` (DESIGN §16): counts over one entity's last 30 days,
 * each a few batched, indexed statements (repository + time ranges, primary-key prefixes of
 * the link tables), never one per commit.
 */
export class DataHealthQueries {
  constructor(private readonly db: Knex) {}

  /** Commits of these (lower-case) repositories pushed in `[from, to)`. */
  commits(options: {
    repositories: string[];
    from: number;
    to: number;
  }): Promise<LinkedArtifact[]> {
    return this.linkedArtifacts(
      { table: 'vs_commits', id: 'sha', kind: 'commit', at: 'pushed_at' },
      options,
    );
  }

  /** PRs of these (lower-case) repositories last updated in `[from, to)`. */
  pullRequests(options: {
    repositories: string[];
    from: number;
    to: number;
  }): Promise<LinkedArtifact[]> {
    return this.linkedArtifacts(
      { table: 'vs_pull_requests', id: 'id', kind: 'pr', at: 'updated_at' },
      options,
    );
  }

  /** Artifacts of one table in these repositories and `[from, to)`, each with whether an item links it. */
  private async linkedArtifacts(
    artifact: { table: string; id: string; kind: 'commit' | 'pr'; at: string },
    options: { repositories: string[]; from: number; to: number },
  ): Promise<LinkedArtifact[]> {
    const out: LinkedArtifact[] = [];
    for (const part of chunk(options.repositories, IN_LIST)) {
      const rows: { id: string; repository: string | null; linked: unknown }[] =
        await this.db(`${artifact.table} as a`)
          .select(
            `a.${artifact.id} as id`,
            'a.repository',
            this.db.raw(
              `case when exists (select 1 from vs_item_links l where l.kind = ? and l.ref = a.${artifact.id}) then 1 else 0 end as linked`,
              [artifact.kind],
            ),
          )
          .whereRaw(...lowerIn('a.repository', part))
          .where(`a.${artifact.at}`, '>=', options.from)
          .where(`a.${artifact.at}`, '<', options.to);
      out.push(...rows.map(r => ({ ...r, linked: truthy(r.linked) })));
    }
    return out;
  }

  /** The entity's deployments (started or finished in the window) and their included commits. */
  async deployments(options: {
    entityRef: string;
    from: number;
    to: number;
  }): Promise<{ id: string; withCommits: boolean }[]> {
    const rows: { id: string; with_commits: unknown }[] = await this.db(
      'vs_artifact_entities as a',
    )
      .join('vs_deployments as d', 'd.deployment_id', 'a.ref')
      .select(
        'd.deployment_id as id',
        this.db.raw(
          'case when exists (select 1 from vs_deployment_commits dc where dc.deployment_id = d.deployment_id) then 1 else 0 end as with_commits',
        ),
      )
      .where('a.entity_ref', options.entityRef)
      .where('a.kind', 'deployment')
      .whereRaw('coalesce(d.finished_at, d.started_at) >= ?', [options.from])
      .whereRaw('coalesce(d.finished_at, d.started_at) < ?', [options.to]);
    return rows.map(r => ({ id: r.id, withCommits: truthy(r.with_commits) }));
  }

  /** The entity's incidents opened in the window. */
  async incidents(options: {
    entityRef: string;
    from: number;
    to: number;
  }): Promise<string[]> {
    const rows: { id: string }[] = await this.db('vs_artifact_entities as a')
      .join('vs_incidents as i', 'i.incident_id', 'a.ref')
      .select('i.incident_id as id')
      .where('a.entity_ref', options.entityRef)
      .where('a.kind', 'incident')
      .where('i.opened_at', '>=', options.from)
      .where('i.opened_at', '<', options.to);
    return rows.map(r => r.id);
  }

  /**
   * The entity's items still open or done since `from` (their keys), and of those done in
   * `[from, to)` how many have a linked commit or PR.
   */
  async items(options: { entityRef: string; from: number; to: number }) {
    const rows: { key: string; done_at: unknown; changes: unknown }[] =
      await this.db('vs_item_entities as e')
        .join('vs_work_items as w', 'w.key', 'e.item_key')
        .select(
          'w.key',
          'w.done_at',
          this.db.raw(
            'case when exists (select 1 from vs_item_links l where l.item_key = w.key) then 1 else 0 end as changes',
          ),
        )
        .where('e.entity_ref', options.entityRef)
        .where(q =>
          q.whereNull('w.done_at').orWhere('w.done_at', '>=', options.from),
        );
    let done = 0;
    let withChanges = 0;
    for (const r of rows) {
      const at = num(r.done_at as number | null);
      if (at === null || at >= options.to) continue;
      done += 1;
      if (truthy(r.changes)) withChanges += 1;
    }
    return { keys: rows.map(r => r.key), done, withChanges };
  }

  /** Per source, the newest receipt time since `since` of the events on these subjects. */
  async lastEventBySource(options: {
    subjects: string[];
    since: number;
  }): Promise<Map<string, number>> {
    const last = new Map<string, number>();
    for (const part of chunk([...new Set(options.subjects)], IN_LIST)) {
      const rows: { source: string; last: unknown }[] = await this.db(
        'vs_events',
      )
        .select('source')
        .max({ last: 'received_at' })
        .whereIn('subject', part)
        .where('received_at', '>=', options.since)
        .groupBy('source');
      for (const r of rows) {
        const at = Number(r.last);
        if (at > (last.get(r.source) ?? -Infinity)) last.set(r.source, at);
      }
    }
    return last;
  }

  /** Events received since `since` on these subjects. */
  async countEvents(options: {
    subjects: string[];
    since: number;
  }): Promise<number> {
    let n = 0;
    for (const part of chunk([...new Set(options.subjects)], IN_LIST)) {
      const row = await this.db('vs_events')
        .count({ n: '*' })
        .whereIn('subject', part)
        .where('received_at', '>=', options.since)
        .first();
      n += Number(row?.n ?? 0);
    }
    return n;
  }

  /**
   * Items of no entity whose key starts with one of these Jira project keys (a key range
   * on the primary key per project: `KEY-` ≤ key < `KEY.`).
   */
  async unresolvedItemsOfProjects(projectKeys: string[]): Promise<string[]> {
    const out: string[] = [];
    for (const p of projectKeys) {
      const rows: { key: string }[] = await this.db('vs_work_items as w')
        .leftJoin('vs_item_entities as e', 'e.item_key', 'w.key')
        .whereNull('e.item_key')
        .where('w.key', '>=', `${p}-`)
        .where('w.key', '<', `${p}.`)
        .select('w.key');
      out.push(...rows.map(r => r.key));
    }
    return out;
  }
}
