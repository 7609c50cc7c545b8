import type { Alert } from '@valuestream/backstage-plugin-value-stream-common';
import { groupAlerts, ruleLabel } from './groupAlerts';

const alert = (
  id: string,
  rule: Alert['rule'],
  stage: string | undefined,
  severity: Alert['severity'],
  day: number,
): Alert => ({
  id,
  rule,
  ...(stage ? { stage } : {}),
  severity,
  message: id,
  detectedAt: `2026-11-${String(day).padStart(2, '0')}T00:00:00.000Z`,
});

describe('groupAlerts', () => {
  const alerts = [
    alert('s1', 'item_stuck', 'Code Review', 'warning', 1),
    alert('s2', 'item_stuck', 'Code Review', 'warning', 3),
    alert('s3', 'item_stuck', 'Code Review', 'warning', 2),
    alert('s4', 'item_stuck', 'Test', 'warning', 4),
    alert('b1', 'item_blocked', 'Code Review', 'warning', 5),
    alert('w1', 'wip_over_limit', 'Code Review', 'critical', 1),
    alert('e1', 'low_flow_efficiency', undefined, 'info', 9),
    alert('h1', 'item_stuck', 'Test', 'critical', 2),
  ];

  it('groups by rule and stage, most severe group first, then the largest, then the latest', () => {
    expect(
      groupAlerts(alerts).map(g => [
        g.rule,
        g.stage,
        g.severity,
        g.alerts.map(a => a.id),
      ]),
    ).toEqual([
      // Two critical groups: the larger first.
      ['item_stuck', 'Test', 'critical', ['h1', 's4']],
      ['wip_over_limit', 'Code Review', 'critical', ['w1']],
      // Within a group, latest first.
      ['item_stuck', 'Code Review', 'warning', ['s2', 's3', 's1']],
      ['item_blocked', 'Code Review', 'warning', ['b1']],
      ['low_flow_efficiency', undefined, 'info', ['e1']],
    ]);
  });

  it('gives the same groups whatever the input order', () => {
    expect(groupAlerts([...alerts].reverse())).toEqual(groupAlerts(alerts));
  });

  it('keeps alerts with and without a stage apart, and gives unique keys', () => {
    const groups = groupAlerts([
      alert('a', 'item_blocked', undefined, 'warning', 1),
      alert('b', 'item_blocked', 'Build', 'warning', 1),
    ]);
    expect(groups.map(g => g.stage)).toEqual([undefined, 'Build']);
    expect(new Set(groups.map(g => g.key)).size).toBe(2);
  });

  it('gives no groups for no alerts', () => {
    expect(groupAlerts([])).toEqual([]);
  });

  it('names rules as words', () => {
    expect(ruleLabel('cycle_time_outlier')).toBe('cycle time outlier');
  });
});
