import type { ValueMetrics } from './api';

/**
 * One feature's outcome in `GET …/value` (DESIGN §14, §17 "Feature outcomes"): what it
 * did over `[deployedAt, windowEndsAt)`, the `valueStream.feedback.windowDays` after its
 * first successful production deployment. @public
 */
export interface FeatureOutcomeSummary {
  /** The feature's work-item key. */
  key: string;
  title: string;
  /** The item's value (1–100), null when it has none. */
  value: number | null;
  /** Finish of the first successful production deployment that includes one of its changes. */
  deployedAt: string;
  /** End of its outcome window (exclusive). */
  windowEndsAt: string;
  /** Σ `usage.reported` counts in the window (pro rata for reports partly inside). */
  usage: number;
  /** Median usage of the entity's other features of the 90 days before it; null without any. */
  baseline: number | null;
  /** % promoters (9–10) − % detractors (0–6), −100..100; null without responses. */
  nps: number | null;
  /** Survey answers counted (one per `feedbackId`). */
  responses: number;
  /** 1 − incident minutes ÷ window minutes, 0..1. */
  uptime: number;
  /** Incidents attributed to its deployments in the window, their open minutes (overlaps once) and severities. */
  incidents: {
    count: number;
    minutes: number;
    bySeverity: Record<string, number>;
  };
  /** Support tickets opened in the window, and those of them resolved by its end. */
  tickets: { opened: number; resolved: number };
  /** The Feature Success Score, −100..100; null until the window has ended. */
  successScore: number | null;
}

/** `GET /entities/:kind/:namespace/:name/value` (DESIGN §14). @public */
export interface ValueResponse {
  entityRef: string;
  window: { from: string; to: string };
  /** Value of the items done in the window, as in the metrics response. */
  value: ValueMetrics;
  /** Features whose first production deployment finished in the window, newest first. */
  features: FeatureOutcomeSummary[];
}
