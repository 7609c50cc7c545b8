import type {
  DeploymentRecord,
  IncidentRecord,
  Window,
} from '../journeys/types';
import type { StoredEvent } from '../model/events';
import { attributeToProduction, successfulProduction } from './attribution';
import {
  AttributedIncident,
  FeedbackAnswer,
  featureOutcome,
  FeatureOutcome,
  outcomeWindow,
  TicketEvent,
  UsageReport,
  usageInWindow,
} from './featureOutcomes';
import { usageBaseline } from './successScore';
import { DAY_MS, inWindow } from './time';

/** How far back the usage baseline looks from a feature's deployment (DESIGN §14). @internal */
export const BASELINE_DAYS = 90;

/** A deployed feature as the store reads it (database/FeatureQueries.ts). @internal */
export interface DeployedFeatureFacts {
  key: string;
  title: string;
  value: number | null;
  deployedAt: number;
  /** The entity's successful production deployments that include one of its commits. */
  deploymentIds: readonly string[];
}

/** One feature's outcome with what identifies it. @internal */
export interface EntityFeatureOutcome extends FeatureOutcome {
  key: string;
  title: string;
  value: number | null;
  deployedAt: number;
  /** The median usage its score is measured against; null without one. */
  baseline: number | null;
}

/** The inputs of {@link entityFeatureOutcomes}. @internal */
export interface EntityFeatureOutcomesInput {
  /** The window of the read: features whose `deployedAt` lies in it are answered. */
  window: Window;
  /**
   * Features deployed in `[window.from − 90 days, window.to)`: the answered ones and those
   * their baselines are taken from.
   */
  features: readonly DeployedFeatureFacts[];
  /** The features' feedback, usage and support-ticket events, by key. */
  events: ReadonlyMap<string, readonly StoredEvent[]>;
  /** The entity's incidents. */
  incidents: readonly IncidentRecord[];
  /** The entity's production deployments incidents may be attributed to. */
  deployments: readonly DeploymentRecord[];
  attributionWindowMs: number;
  windowDays: number;
  now: number;
}

interface FeatureEvents {
  usage: UsageReport[];
  feedback: FeedbackAnswer[];
  tickets: TicketEvent[];
}

/** A feature's events by kind (the shapes value-stream-common validated on ingest). */
function splitEvents(events: readonly StoredEvent[]): FeatureEvents {
  const out: FeatureEvents = { usage: [], feedback: [], tickets: [] };
  for (const e of events) {
    const d = e.data as Record<string, unknown>;
    if (e.type === 'usage.reported') {
      out.usage.push({
        from: Date.parse(String(d.from)),
        to: Date.parse(String(d.to)),
        count: Number(d.count),
      });
    } else if (e.type === 'feedback.submitted') {
      out.feedback.push({
        feedbackId: String(d.feedbackId),
        occurredAt: e.at,
        score: Number(d.score),
      });
    } else if (
      e.type === 'support_ticket.opened' ||
      e.type === 'support_ticket.resolved'
    ) {
      out.tickets.push({
        ticketId: String(d.ticketId),
        type: e.type === 'support_ticket.opened' ? 'opened' : 'resolved',
        occurredAt: e.at,
      });
    }
  }
  return out;
}

/** Incidents by the id of the deployment they are attributed to (DESIGN §6, §11). */
function incidentsByDeployment(
  input: EntityFeatureOutcomesInput,
): Map<string, AttributedIncident[]> {
  const production = successfulProduction(input.deployments);
  const out = new Map<string, AttributedIncident[]>();
  for (const i of input.incidents) {
    if (i.openedAt === null) continue;
    const d = attributeToProduction(i, production, input.attributionWindowMs);
    if (!d) continue;
    const list = out.get(d.deploymentId) ?? [];
    list.push({
      incidentId: i.incidentId,
      severity: i.severity,
      openedAt: i.openedAt,
      resolvedAt: i.resolvedAt,
    });
    out.set(d.deploymentId, list);
  }
  return out;
}

/**
 * The outcomes of an entity's features deployed in the window (DESIGN §14, §17), newest
 * first. Incidents count for a feature when attributed, as for the change failure rate,
 * to a deployment that includes one of its commits. A feature's usage baseline is the
 * median usage of the entity's other features deployed in the 90 days up to its own
 * deployment that have usage reports in their windows: known once its window ends, and
 * the same whenever it is read. Pure.
 *
 * @internal
 */
export function entityFeatureOutcomes(
  input: EntityFeatureOutcomesInput,
): EntityFeatureOutcome[] {
  const byDeployment = incidentsByDeployment(input);
  const facts = input.features.map(f => {
    const events = splitEvents(input.events.get(f.key) ?? []);
    const window = outcomeWindow(f.deployedAt, input.windowDays);
    const measured = events.usage.some(
      r => r.from < window.to && r.to > window.from,
    );
    return {
      feature: f,
      events,
      usage: measured ? usageInWindow(events.usage, window) : null,
    };
  });
  const answered = facts.filter(f =>
    inWindow(f.feature.deployedAt, input.window),
  );
  return answered
    .map(({ feature: f, events }) => {
      const baselineUsages = facts
        .filter(
          g =>
            g.feature.key !== f.key &&
            g.usage !== null &&
            g.feature.deployedAt <= f.deployedAt &&
            g.feature.deployedAt >= f.deployedAt - BASELINE_DAYS * DAY_MS,
        )
        .map(g => g.usage!);
      const incidents = new Map<string, AttributedIncident>();
      for (const id of f.deploymentIds)
        for (const i of byDeployment.get(id) ?? [])
          incidents.set(i.incidentId, i);
      const outcome = featureOutcome({
        deployedAt: f.deployedAt,
        windowDays: input.windowDays,
        now: input.now,
        usage: events.usage,
        feedback: events.feedback,
        incidents: [...incidents.values()],
        tickets: events.tickets,
        baselineUsages,
      });
      return {
        key: f.key,
        title: f.title,
        value: f.value,
        deployedAt: f.deployedAt,
        baseline: usageBaseline(baselineUsages),
        ...outcome,
      };
    })
    .sort((a, b) =>
      a.deployedAt === b.deployedAt
        ? a.key.localeCompare(b.key)
        : b.deployedAt - a.deployedAt,
    );
}
