import type { Knex } from 'knex';
import { createHash, randomUUID } from 'crypto';
import type { Alert } from '@valuestream/backstage-plugin-value-stream-common';
import { iso } from '../metrics/time';
import type { AlertChanges, NewAlert, StoredAlert } from '../model/alerts';
import type { AlertScheduleTable, AlertsTable } from './tables';
import { num } from './util';

const toAlert = (r: AlertsTable): StoredAlert => ({
  id: r.id,
  rule: r.rule,
  severity: r.severity,
  ...(r.stage ? { stage: r.stage } : {}),
  ...(r.work_item_key ? { workItemKey: r.work_item_key } : {}),
  message: r.message,
  detectedAt: iso(num(r.detected_at)!),
  resolvedAt: r.resolved_at === null ? null : iso(num(r.resolved_at)!),
  entityRef: r.entity_ref,
  subject: r.subject,
});

/** The API's view: without the subject, which only keeps alerts unique. */
const withoutSubject = ({ subject, ...alert }: StoredAlert): Alert => alert;

const toRow = (entityRef: string, a: NewAlert, now: number): AlertsTable => ({
  id: randomUUID(),
  rule: a.rule,
  entity_ref: entityRef,
  subject: a.subject,
  severity: a.severity,
  stage: a.stage ?? null,
  work_item_key: a.workItemKey ?? null,
  message: a.message,
  detected_at: now,
  resolved_at: null,
  notified: false,
});

/** `vs_alerts` and `vs_alert_schedule`: one open alert per (rule, entity, subject). */
export class AlertStore {
  constructor(private readonly db: Knex) {}

  async list(
    entityRefs: string[],
    status: 'open' | 'resolved' | 'all',
  ): Promise<Alert[]> {
    const q = this.db<AlertsTable>('vs_alerts').whereIn(
      'entity_ref',
      entityRefs,
    );
    if (status === 'open') q.whereNull('resolved_at');
    if (status === 'resolved') q.whereNotNull('resolved_at');
    const rows = await q
      .orderBy([{ column: 'detected_at', order: 'desc' }, { column: 'id' }])
      .limit(1000);
    return rows.map(r => withoutSubject(toAlert(r)));
  }

  /**
   * The entity's alerts detected or resolved in `[from, to)` (the bottleneck history): two
   * index ranges, (entity_ref, detected_at) and (entity_ref, resolved_at).
   */
  async history(
    entityRef: string,
    window: { from: number; to: number },
  ): Promise<Alert[]> {
    const rows = await this.db<AlertsTable>('vs_alerts')
      .where({ entity_ref: entityRef })
      .where(b =>
        b
          .where(d =>
            d
              .where('detected_at', '>=', window.from)
              .where('detected_at', '<', window.to),
          )
          .orWhere(r =>
            r
              .where('resolved_at', '>=', window.from)
              .where('resolved_at', '<', window.to),
          ),
      );
    return rows.map(r => withoutSubject(toAlert(r)));
  }

  /** Whether the entity was ever evaluated (it has a next due time). */
  async wasEvaluated(entityRef: string): Promise<boolean> {
    const row = await this.db<AlertScheduleTable>('vs_alert_schedule')
      .where({ entity_ref: entityRef })
      .first('entity_ref');
    return row !== undefined;
  }

  /**
   * Records alerts that opened and resolved before the entity was first evaluated (replayed
   * from its history), resolved and never announced. Ids derive from the alert, so recording
   * the same replay twice is a no-op.
   */
  async recordReplayed(
    entityRef: string,
    alerts: Array<NewAlert & { detectedAt: number; resolvedAt: number }>,
  ): Promise<void> {
    if (alerts.length === 0) return;
    const rows: AlertsTable[] = alerts.map(a => ({
      ...toRow(entityRef, a, a.detectedAt),
      id: createHash('sha256')
        .update(
          `${entityRef}\u0000${a.rule}\u0000${a.subject}\u0000${a.detectedAt}`,
        )
        .digest('hex')
        .slice(0, 36),
      resolved_at: a.resolvedAt,
      notified: true,
    }));
    await this.db('vs_alerts').insert(rows).onConflict('id').ignore();
  }

  /** The entity's open alerts, with their subjects (to compare with the rules' output). */
  async openAlerts(entityRef: string): Promise<StoredAlert[]> {
    const rows = await this.db<AlertsTable>('vs_alerts')
      .where({ entity_ref: entityRef })
      .whereNull('resolved_at');
    return rows.map(toAlert);
  }

  /** Entities that have any item. */
  async entitiesWithItems(): Promise<string[]> {
    const rows: { entity_ref: string }[] = await this.db(
      'vs_item_entities',
    ).distinct('entity_ref');
    return rows.map(r => r.entity_ref);
  }

  /**
   * Entities with an item or an open alert whose next evaluation is due at `now`, or that
   * were never evaluated, earliest first (never evaluated before all).
   */
  async dueEntities(now: number): Promise<string[]> {
    const candidates = this.db('vs_item_entities')
      .distinct('entity_ref')
      .union(q =>
        q.from('vs_alerts').distinct('entity_ref').whereNull('resolved_at'),
      )
      .as('e');
    const rows: { entity_ref: string }[] = await this.db
      .from(candidates)
      .leftJoin('vs_alert_schedule as s', 's.entity_ref', 'e.entity_ref')
      .where(b => b.whereNull('s.due_at').orWhere('s.due_at', '<=', now))
      .orderByRaw('s.due_at is not null, s.due_at')
      .select('e.entity_ref');
    return rows.map(r => r.entity_ref);
  }

  /** Forgets every entity's next evaluation. */
  async resetSchedule() {
    await this.db('vs_alert_schedule').delete();
  }

  /**
   * Writes one evaluation in a transaction: resolves, updates and opens alerts and sets the
   * entity's next due time. Returns the alerts opened, in the order of `changes.open`.
   */
  async recordEvaluation(changes: AlertChanges): Promise<Alert[]> {
    const { entityRef, now } = changes;
    const rows = changes.open.map(a => toRow(entityRef, a, now));
    await this.db.transaction(async tx => {
      for (const id of changes.resolve) {
        await tx<AlertsTable>('vs_alerts')
          .where({ id })
          .update({ resolved_at: now });
      }
      for (const { id, message, severity, stage } of changes.update) {
        await tx<AlertsTable>('vs_alerts')
          .where({ id })
          .update({ message, severity, stage: stage ?? null });
      }
      if (rows.length) {
        // The partial unique index keeps one open alert per subject even across replicas.
        await tx('vs_alerts').insert(rows).onConflict().ignore();
      }
      await tx<AlertScheduleTable>('vs_alert_schedule')
        .insert({ entity_ref: entityRef, due_at: changes.dueAt })
        .onConflict('entity_ref')
        .merge();
    });
    return rows.map(r => withoutSubject(toAlert(r)));
  }

  /** Marks an alert notified; true for the one caller (of any replica) that did. */
  async claimNotification(id: string): Promise<boolean> {
    const claimed = await this.db<AlertsTable>('vs_alerts')
      .where({ id, notified: false })
      .update({ notified: true });
    return claimed > 0;
  }
}
