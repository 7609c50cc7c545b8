import { percentileCont } from './percentiles';

/** Penalty weight of an incident by severity (DESIGN §14). @internal */
export const SEVERITY_WEIGHTS = { sev1: 1, sev2: 0.5, sev3: 0.25, other: 0.1 };

/**
 * The severity level (1–3) a tool's severity names, or null for anything else:
 * `sev1`, `SEV-1`, `SEV 1`, `severity1`, `P1`, `S1`, `1` (and 2, 3), and `critical`
 * for level 1.
 *
 * @internal
 */
export function severityLevel(
  severity: string | null | undefined,
): 1 | 2 | 3 | null {
  const s = severity?.trim().toLowerCase() ?? '';
  if (s === 'critical') return 1;
  const m = /^(?:sev(?:erity)?|p|s)?[-_ ]?([1-3])$/.exec(s);
  return m ? (Number(m[1]) as 1 | 2 | 3) : null;
}

/** The weight of one incident: sev1 1.0, sev2 0.5, sev3 0.25, other 0.1. @internal */
export function incidentWeight(severity: string | null | undefined): number {
  const level = severityLevel(severity);
  if (level === 1) return SEVERITY_WEIGHTS.sev1;
  if (level === 2) return SEVERITY_WEIGHTS.sev2;
  if (level === 3) return SEVERITY_WEIGHTS.sev3;
  return SEVERITY_WEIGHTS.other;
}

/**
 * The usage baseline: the median usage of the entity's features (of the last 90
 * days), null without any.
 *
 * @internal
 */
export function usageBaseline(usages: readonly number[]): number | null {
  if (usages.length === 0) return null;
  return percentileCont(
    [...usages].sort((a, b) => a - b),
    0.5,
  );
}

/** Inputs of the Feature Success Score. @internal */
export interface SuccessScoreInput {
  /** Σ usage in the feature's window. */
  usage: number;
  /** {@link usageBaseline}; null: no baseline. */
  baseline: number | null;
  /** −100..100, null without responses. */
  nps: number | null;
  /** 0..1 */
  uptime: number;
  /** Severities of the incidents attributed in the window, one per incident. */
  incidentSeverities: ReadonlyArray<string | null>;
}

const clamp = (x: number, lo: number, hi: number) =>
  Math.min(hi, Math.max(lo, x));

/**
 * The Feature Success Score (DESIGN §14), the ADR's
 * `(Usage × NPS × Uptime) − (Incidents × Severity)` on common scales:
 * `100 × u × n × uptime − 100 × p`, clamped to −100..100, where
 * u = min(1, usage ÷ baseline) (1 without a baseline, and when usage meets a 0 baseline),
 * n = (NPS + 100) ÷ 200 (0.5 without responses) and p = min(1, Σ incident weights).
 *
 * @internal
 */
export function featureSuccessScore(input: SuccessScoreInput): number {
  const { usage, baseline, nps, incidentSeverities } = input;
  let u = 1;
  if (baseline !== null && usage < baseline) u = Math.max(0, usage) / baseline;
  const n = nps === null ? 0.5 : (clamp(nps, -100, 100) + 100) / 200;
  const up = clamp(input.uptime, 0, 1);
  const p = Math.min(
    1,
    incidentSeverities.reduce((sum, s) => sum + incidentWeight(s), 0),
  );
  return clamp(100 * u * n * up - 100 * p, -100, 100);
}
