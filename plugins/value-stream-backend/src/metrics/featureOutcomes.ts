import type { Span } from './intervals';
import { netPromoterScore } from './nps';
import { featureSuccessScore, usageBaseline } from './successScore';
import { DAY_MS, inWindow } from './time';
import { IncidentInterval, incidentMinutes, uptime } from './uptime';

/** One `usage.reported`: `count` over `[from, to)`. @internal */
export interface UsageReport {
  from: number;
  to: number;
  count: number;
}

/** One `feedback.submitted`. @internal */
export interface FeedbackAnswer {
  feedbackId: string;
  occurredAt: number;
  score: number;
}

/** An incident attributed to a deployment that includes one of the feature's changes. @internal */
export interface AttributedIncident extends IncidentInterval {
  incidentId: string;
  severity: string | null;
}

/** One `support_ticket.opened` or `.resolved`. @internal */
export interface TicketEvent {
  ticketId: string;
  type: 'opened' | 'resolved';
  occurredAt: number;
}

/** Everything known about one feature after its first production deployment. @internal */
export interface FeatureOutcomeInput {
  /** Finish of the first successful production deployment including one of its changes. */
  deployedAt: number;
  /** `valueStream.feedback.windowDays` */
  windowDays: number;
  now: number;
  usage: readonly UsageReport[];
  feedback: readonly FeedbackAnswer[];
  incidents: readonly AttributedIncident[];
  tickets: readonly TicketEvent[];
  /** Usage of the entity's features of the last 90 days, for the baseline median. */
  baselineUsages: readonly number[];
}

/** A feature's outcome over its window (DESIGN §14, §17 "Feature outcomes"). @internal */
export interface FeatureOutcome {
  window: Span;
  /** Whether the window has ended (`now` ≥ its end). */
  ended: boolean;
  /** Σ usage counts, pro rata by time for reports partly inside the window. */
  usage: number;
  nps: number | null;
  responses: number;
  uptime: number;
  /** Minutes of the window with an attributed incident open (overlaps once). */
  incidentMinutes: number;
  incidents: { count: number; bySeverity: Record<string, number> };
  /** Tickets opened in the window, and those of them resolved by its end. */
  tickets: { opened: number; resolved: number };
  /** Null until the window has ended. */
  successScore: number | null;
}

/** The outcome window `[deployedAt, deployedAt + windowDays)`. @internal */
export function outcomeWindow(deployedAt: number, windowDays: number): Span {
  return { from: deployedAt, to: deployedAt + windowDays * DAY_MS };
}

/** Σ counts of the reports over the window, each weighted by the share of it inside. @internal */
export function usageInWindow(
  reports: readonly UsageReport[],
  window: Span,
): number {
  let total = 0;
  for (const r of reports) {
    const length = r.to - r.from;
    if (length <= 0) continue;
    const inside = Math.min(r.to, window.to) - Math.max(r.from, window.from);
    if (inside > 0) total += (r.count * inside) / length;
  }
  return total;
}

/** Scores answered in the window, one per `feedbackId` (its latest answer there). */
function scoresInWindow(
  answers: readonly FeedbackAnswer[],
  window: Span,
): number[] {
  const latest = new Map<string, FeedbackAnswer>();
  for (const a of answers) {
    if (!inWindow(a.occurredAt, window)) continue;
    const seen = latest.get(a.feedbackId);
    // ties broken by score so that any arrival order gives the same answer
    if (
      !seen ||
      a.occurredAt > seen.occurredAt ||
      (a.occurredAt === seen.occurredAt && a.score > seen.score)
    )
      latest.set(a.feedbackId, a);
  }
  return [...latest.values()].map(a => a.score);
}

function incidentsInWindow(
  incidents: readonly AttributedIncident[],
  window: Span,
): AttributedIncident[] {
  const byId = new Map<string, AttributedIncident>();
  for (const i of incidents) {
    const end = i.resolvedAt ?? Infinity;
    const overlaps = i.openedAt < window.to && end > window.from;
    if (overlaps || inWindow(i.openedAt, window)) byId.set(i.incidentId, i);
  }
  return [...byId.values()];
}

function ticketsInWindow(
  events: readonly TicketEvent[],
  window: Span,
): FeatureOutcome['tickets'] {
  const byTicket = new Map<string, { opened?: number; resolved?: number }>();
  for (const e of events) {
    const t = byTicket.get(e.ticketId) ?? {};
    t[e.type] = Math.min(t[e.type] ?? Infinity, e.occurredAt);
    byTicket.set(e.ticketId, t);
  }
  let opened = 0;
  let resolved = 0;
  for (const t of byTicket.values()) {
    // a ticket whose opening was never reported counts from its resolution
    const start = t.opened ?? t.resolved!;
    if (!inWindow(start, window)) continue;
    opened++;
    if (t.resolved !== undefined && t.resolved < window.to) resolved++;
  }
  return { opened, resolved };
}

/**
 * A feature's outcome (DESIGN §14, §17): usage, NPS and its responses, uptime and
 * incident minutes, incidents by severity, tickets, and the Feature Success Score
 * once the window has ended. Pure.
 *
 * @internal
 */
export function featureOutcome(input: FeatureOutcomeInput): FeatureOutcome {
  const window = outcomeWindow(input.deployedAt, input.windowDays);
  const ended = input.now >= window.to;
  const usage = usageInWindow(input.usage, window);
  const { nps, responses } = netPromoterScore(
    scoresInWindow(input.feedback, window),
  );
  const incidents = incidentsInWindow(input.incidents, window);
  const up = uptime(incidents, window, input.now);
  const bySeverity: Record<string, number> = {};
  for (const i of incidents) {
    const s = i.severity ?? 'unknown';
    bySeverity[s] = (bySeverity[s] ?? 0) + 1;
  }
  return {
    window,
    ended,
    usage,
    nps,
    responses,
    uptime: up,
    incidentMinutes: incidentMinutes(incidents, window, input.now),
    incidents: { count: incidents.length, bySeverity },
    tickets: ticketsInWindow(input.tickets, window),
    successScore: ended
      ? featureSuccessScore({
          usage,
          baseline: usageBaseline(input.baselineUsages),
          nps,
          uptime: up,
          incidentSeverities: incidents.map(i => i.severity),
        })
      : null,
  };
}
