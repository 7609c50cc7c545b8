import type { AlertRule } from '@valuestream/backstage-plugin-value-stream-common';
import { ALERT_RULES } from './rules';
import type { RuleThresholds } from './thresholds';
import type { AlertCandidate, RuleInput } from './types';

/**
 * Runs every globally enabled rule over one entity's history.
 *
 * @internal
 */
export function evaluateRules(
  input: RuleInput,
  thresholds: RuleThresholds,
): AlertCandidate[] {
  return (Object.keys(ALERT_RULES) as AlertRule[])
    .filter(rule => thresholds.enabled[rule])
    .flatMap(rule => ALERT_RULES[rule](input, thresholds));
}

const keyOf = (a: { rule: string; subject: string }) =>
  `${a.rule}\u0000${a.subject}`;

/** What the store should do with one entity's alerts. @internal */
export interface AlertDiff<T> {
  /** Candidates with no open alert: open them. */
  toOpen: AlertCandidate[];
  /** Open alerts whose condition cleared: resolve them. */
  toResolve: T[];
  /** Open alerts still firing, with their current candidate (message, severity may change). */
  stillOpen: Array<{ alert: T; candidate: AlertCandidate }>;
}

/**
 * Compares one entity's open alerts with the rules' current candidates; one
 * open alert per (rule, subject). Repeated candidates count once (the first).
 *
 * @internal
 */
export function diffAlerts<T extends { rule: string; subject: string }>(
  open: readonly T[],
  candidates: readonly AlertCandidate[],
): AlertDiff<T> {
  const current = new Map<string, AlertCandidate>();
  for (const candidate of candidates) {
    if (!current.has(keyOf(candidate)))
      current.set(keyOf(candidate), candidate);
  }
  const openKeys = new Set(open.map(keyOf));
  return {
    toOpen: [...current.values()].filter(c => !openKeys.has(keyOf(c))),
    toResolve: open.filter(a => !current.has(keyOf(a))),
    stillOpen: open.flatMap(alert => {
      const candidate = current.get(keyOf(alert));
      return candidate ? [{ alert, candidate }] : [];
    }),
  };
}
