import type {
  Alert,
  AlertRule,
  AlertSeverity,
} from '@valuestream/backstage-plugin-value-stream-common';

/** Alerts of one rule at one stage (or with no stage), most severe and latest first. */
export interface AlertGroup {
  /** `rule` and `stage`, unique among the groups. */
  key: string;
  rule: AlertRule;
  stage?: string;
  /** The most severe of the group's alerts. */
  severity: AlertSeverity;
  alerts: Alert[];
}

const SEVERITY_ORDER: AlertSeverity[] = ['critical', 'warning', 'info'];
const rank = (s: AlertSeverity) => SEVERITY_ORDER.indexOf(s);

/** Most severe first, then latest detected, then by id (a stable order). */
export function compareAlerts(a: Alert, b: Alert): number {
  return (
    rank(a.severity) - rank(b.severity) ||
    b.detectedAt.localeCompare(a.detectedAt) ||
    a.id.localeCompare(b.id)
  );
}

/**
 * Groups alerts by rule and stage (DESIGN §15). Groups come most severe first, then
 * largest, then by their latest alert, then by rule and stage; within a group alerts are
 * most severe and latest first. The result does not depend on the input order.
 */
export function groupAlerts(alerts: readonly Alert[]): AlertGroup[] {
  const groups = new Map<string, AlertGroup>();
  for (const alert of alerts) {
    const key = `${alert.rule}\u0000${alert.stage ?? ''}`;
    const group = groups.get(key);
    if (group) {
      group.alerts.push(alert);
      if (rank(alert.severity) < rank(group.severity))
        group.severity = alert.severity;
    } else {
      groups.set(key, {
        key,
        rule: alert.rule,
        ...(alert.stage ? { stage: alert.stage } : {}),
        severity: alert.severity,
        alerts: [alert],
      });
    }
  }
  const result = [...groups.values()];
  for (const group of result) group.alerts.sort(compareAlerts);
  return result.sort(
    (a, b) =>
      rank(a.severity) - rank(b.severity) ||
      b.alerts.length - a.alerts.length ||
      b.alerts[0].detectedAt.localeCompare(a.alerts[0].detectedAt) ||
      a.key.localeCompare(b.key),
  );
}

/** A rule's name as people read it: `item_stuck` → `item stuck`. */
export function ruleLabel(rule: AlertRule): string {
  return rule.replace(/_/g, ' ');
}
