import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  Alert,
  AlertHistoryResponse,
  StageDefinition,
} from '@valuestream/backstage-plugin-value-stream-common';
import type { DatabaseValueStreamStore } from '../database/DatabaseValueStreamStore';
import { computeItemStats } from '../metrics/itemStats';
import { DAY_MS } from '../metrics/time';
import { alertHistory } from './alertHistory';
import { replayAlerts } from './replayHistory';
import { diffAlerts, evaluateRules } from './evaluate';
import { nextEvaluationAt } from './recheck';
import {
  historyDays,
  type RuleThresholds,
  withDefaultThresholds,
} from './thresholds';
import type { ProfileOf, ProfileSet } from '../config/profiles';

/** Days of history replayed, one step a day, at an entity's first evaluation. */
const REPLAY_DAYS = 28;
/** Days of history read per evaluation at least (rules with longer windows read more). */
const MIN_LOOKBACK_DAYS = 30;
const DEFAULT_REFRESH_MS = 3_600_000;
/** New alerts are notified when their condition became true at most this long ago. */
const NOTIFY_MAX_AGE_MS = 2 * 3_600_000;

/** Called once per newly opened alert (e.g. to send a Backstage notification). */
export type AlertNotifier = (entityRef: string, alert: Alert) => Promise<void>;

/**
 * Evaluates the bottleneck rules for entities and keeps one open alert per
 * (rule, entity, subject) in the store, resolving alerts whose condition cleared.
 */
export class AlertService {
  private notifier?: AlertNotifier;
  /** Days of history read per evaluation. */
  private readonly lookbackDays: number;

  constructor(
    private readonly store: DatabaseValueStreamStore,
    private readonly options: {
      stages: StageDefinition[];
      thresholds: RuleThresholds;
      logger: LoggerService;
      /** Every entity is re-evaluated at least this often (ms); defaults to 1 hour. */
      refreshMs?: number;
      now?: () => number;
      /** Profiles (DESIGN §13): an entity's stages and thresholds are its profile's. */
      profiles?: ProfileSet;
      profileOf?: ProfileOf;
    },
  ) {
    for (const p of Object.values(options.profiles?.byName ?? {}))
      this.byProfile.set(p.name, {
        stages: p.stages,
        thresholds: withDefaultThresholds(p.thresholds),
      });
    // The history read covers every configured rule window (and 30 days at least): a fixed
    // 90 days here silently capped longer lookbacks.
    this.lookbackDays = Math.max(
      MIN_LOOKBACK_DAYS,
      historyDays(options.thresholds),
      ...[...this.byProfile.values()].map(p => historyDays(p.thresholds)),
    );
  }

  /** Stages and full thresholds of each named profile. */
  private readonly byProfile = new Map<
    string,
    { stages: StageDefinition[]; thresholds: RuleThresholds }
  >();

  /** The stages and thresholds the entity's alerts follow: its profile's. */
  private settingsOf(entityRef: string) {
    const name = this.options.profileOf?.(entityRef).name;
    return (
      (name !== undefined && this.byProfile.get(name)) || {
        stages: this.options.stages,
        thresholds: this.options.thresholds,
      }
    );
  }

  private readonly dirty = new Set<string>();
  private pending?: Promise<void>;

  /**
   * Evaluates these entities soon, off the ingest request: batches that arrive
   * together are evaluated once per entity. `flush()` waits for it.
   */
  schedule(entityRefs: Iterable<string>) {
    for (const ref of entityRefs) this.dirty.add(ref);
    if (!this.pending && this.dirty.size) {
      this.pending = new Promise<void>(resolve =>
        setTimeout(resolve, 200),
      ).then(() => this.drain());
    }
  }

  async flush() {
    while (this.pending) await this.pending;
  }

  /** `flush()`, but at most `timeoutMs`: reads after an ingest see its alerts. */
  async settled(timeoutMs: number) {
    if (!this.pending) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.flush(),
      new Promise<void>(resolve => {
        timer = setTimeout(resolve, timeoutMs);
      }),
    ]);
    clearTimeout(timer);
  }

  private async drain() {
    while (this.dirty.size) {
      const refs = [...this.dirty];
      this.dirty.clear();
      await this.evaluate(refs).catch(e =>
        this.options.logger.warn(`value-stream: alert evaluation failed: ${e}`),
      );
    }
    this.pending = undefined;
  }

  setNotifier(notifier: AlertNotifier) {
    this.notifier = notifier;
  }

  private now() {
    return (this.options.now ?? Date.now)();
  }

  async list(
    entityRefs: string[],
    status: 'open' | 'resolved' | 'all',
  ): Promise<Alert[]> {
    return this.store.alerts.list(entityRefs, status);
  }

  /** The entity's bottleneck history over the window (DESIGN §15). */
  async history(
    entityRef: string,
    window: { from: number; to: number },
  ): Promise<AlertHistoryResponse> {
    return alertHistory(
      await this.store.alerts.history(entityRef, window),
      window,
    );
  }

  /** Entities that have any item (the scheduled pass evaluates these). */
  async entitiesWithItems(): Promise<string[]> {
    return this.store.alerts.entitiesWithItems();
  }

  /**
   * The scheduled pass: only the entities whose next evaluation is due (see
   * `nextEvaluationAt`) or that were never evaluated, earliest first. An ingest
   * evaluates the entities it touched on its own.
   */
  async evaluateDue(): Promise<{
    entities: number;
    opened: number;
    resolved: number;
  }> {
    return this.evaluate(await this.store.alerts.dueEntities(this.now()));
  }

  /** Forgets every entity's next evaluation: the next scheduled pass evaluates all. */
  async resetSchedule() {
    await this.store.alerts.resetSchedule();
  }

  async evaluateAll(): Promise<{
    entities: number;
    opened: number;
    resolved: number;
  }> {
    return this.evaluate(await this.entitiesWithItems());
  }

  async evaluate(entityRefs: Iterable<string>) {
    let opened = 0;
    let resolved = 0;
    let entities = 0;
    for (const ref of entityRefs) {
      const r = await this.evaluateEntity(ref);
      opened += r.opened;
      resolved += r.resolved;
      entities++;
    }
    return { entities, opened, resolved };
  }

  async evaluateEntity(
    entityRef: string,
  ): Promise<{ opened: number; resolved: number }> {
    const now = this.now();
    const journeys = await this.store.journeysOfEntity(
      entityRef,
      now - this.lookbackDays * DAY_MS,
    );
    const itemStats = journeys.map(j => computeItemStats(j, now));
    const { stages, thresholds } = this.settingsOf(entityRef);
    if (!(await this.store.alerts.wasEvaluated(entityRef))) {
      // First evaluation (a new entity, a first import, a fresh demo): the alerts its
      // history opened and resolved before now make its bottleneck history (DESIGN §15).
      await this.store.alerts.recordReplayed(
        entityRef,
        replayAlerts({ journeys, stages, thresholds, now, days: REPLAY_DAYS }),
      );
    }
    const input = { now, stages, journeys, itemStats };
    const candidates = evaluateRules(input, thresholds);
    const refreshMs = this.options.refreshMs ?? DEFAULT_REFRESH_MS;
    // Entities evaluated together are spread over the last quarter of the refresh interval,
    // so refreshes do not all fall due in one pass.
    const dueAt = nextEvaluationAt(
      input,
      thresholds,
      now + refreshMs - (spread(entityRef) * refreshMs) / 4,
    );
    const open = await this.store.alerts.openAlerts(entityRef);
    const diff = diffAlerts(open, candidates);
    const created = await this.store.alerts.recordEvaluation({
      entityRef,
      now,
      resolve: diff.toResolve.map(a => a.id),
      update: diff.stillOpen
        .filter(
          ({ alert, candidate }) =>
            alert.message !== candidate.message ||
            alert.severity !== candidate.severity,
        )
        .map(({ alert, candidate }) => ({
          id: alert.id,
          message: candidate.message,
          severity: candidate.severity,
          stage: candidate.stage,
        })),
      open: diff.toOpen,
      dueAt,
    });
    if (this.notifier) {
      for (const [i, alert] of created.entries()) {
        // Conditions that became true long ago (a backfill, a first import) are recorded but
        // not announced: owners hear about what changed now, not about history.
        if (now - diff.toOpen[i].since > NOTIFY_MAX_AGE_MS) continue;
        if (await this.store.alerts.claimNotification(alert.id)) {
          await this.notifier(entityRef, alert).catch(e =>
            this.options.logger.warn(
              `value-stream: notification for alert ${alert.id} failed: ${e}`,
            ),
          );
        }
      }
    }
    return { opened: created.length, resolved: diff.toResolve.length };
  }
}

/** A stable number in [0, 1) per entity ref. */
function spread(entityRef: string): number {
  let h = 0;
  for (let i = 0; i < entityRef.length; i++)
    h = (Math.imul(h, 31) + entityRef.charCodeAt(i)) >>> 0;
  return h / 2 ** 32;
}
