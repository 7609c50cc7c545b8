import type {
  HeatmapCell,
  OverviewMetrics,
} from '@valuestream/backstage-plugin-value-stream-common';
import type { ItemStats, Window } from '../journeys/types';
import type { BlockedReasonRules } from './blockedReasons';
import { type BlockedItem, blockedTime } from './blockedTime';
import { flowMetrics } from './flow';
import { iso, perWeek } from './time';
import { valueMetrics } from './value';

/**
 * The window `?compare=previous` answers for (DESIGN §17): `[from − (to − from), from)`,
 * of equal length and ending where `window` starts.
 */
export function previousWindow(window: Window): Window {
  return { from: window.from - (window.to - window.from), to: window.from };
}

/** Rows of one read, grouped by entity ref, to look up each group's entities once. */
export function byEntity<T extends { entityRef: string }>(
  rows: readonly T[],
): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.entityRef) ?? [];
    list.push(row);
    out.set(row.entityRef, list);
  }
  return out;
}

const uniqueByKey = <T extends { key: string }>(rows: T[]) => [
  ...new Map(rows.map(r => [r.key, r])).values(),
];

const rowsOf = <T>(m: Map<string, T[]>, refs: readonly string[]) =>
  refs.flatMap(ref => m.get(ref) ?? []);

/**
 * A group's overview summary from entity-tagged rows (DESIGN §15): an item or deployment
 * of two of its entities counts once; `done` may span more than the window (the rows of
 * this and the previous period come from one read).
 */
export function groupSummary(options: {
  entityRefs: readonly string[];
  window: Window;
  /** Done items per entity, with their value (absent or null: none given). */
  done: Map<
    string,
    (ItemStats & { entityRef: string; value?: number | null })[]
  >;
  load: Map<string, { entityRef: string; key: string }[]>;
  deployments: Map<
    string,
    { entityRef: string; deploymentId: string; finishedAt: number }[]
  >;
  /** Open alerts per entity (current, whatever the window); omitted: 0. */
  openAlerts?: Map<string, unknown[]>;
  /** Done blocked items of the window per entity, and the reason categories. */
  blocked?: {
    items: Map<string, (BlockedItem & { entityRef: string; key: string })[]>;
    rules: BlockedReasonRules;
  };
}): OverviewMetrics {
  const { entityRefs, window } = options;
  const items = new Map<string, ItemStats & { value?: number | null }>();
  for (const item of rowsOf(options.done, entityRefs))
    if (!items.has(item.key)) items.set(item.key, item);
  const loadKeys = new Set(rowsOf(options.load, entityRefs).map(r => r.key));
  const deployments = new Set(
    rowsOf(options.deployments, entityRefs)
      .filter(d => d.finishedAt >= window.from && d.finishedAt < window.to)
      .map(d => d.deploymentId),
  );
  const sorted = [...items.values()].sort((a, b) =>
    a.key.localeCompare(b.key, 'en'),
  );
  return {
    window: { from: iso(window.from), to: iso(window.to) },
    flow: {
      ...flowMetrics(sorted, window, loadKeys.size),
      blockedTime: options.blocked
        ? blockedTime(
            uniqueByKey(rowsOf(options.blocked.items, entityRefs)),
            options.blocked.rules,
          )
        : { total: 0, byReason: {} },
    },
    value: valueMetrics(
      sorted.map(i => ({
        key: i.key,
        value: i.value ?? null,
        doneAt: i.doneAt,
        cycleTime: i.cycleTime,
      })),
      window,
    ),
    dora: {
      deploymentFrequency: {
        count: deployments.size,
        perWeek: perWeek(deployments.size, window),
      },
    },
    openAlerts: options.openAlerts
      ? rowsOf(options.openAlerts, entityRefs).length
      : 0,
  };
}

/**
 * A group's heatmap row (DESIGN §15, §17): per stage, its open alerts and its share of the
 * seconds the group's items spent in stages (visits that ended in the window). Stages in
 * `stages` order, then any other stage with time or alerts, by name; shares sum to 1 when
 * there is any time, else every share is 0. Alerts without a stage are not in a cell.
 */
export function heatmapRow(options: {
  groupRef: string;
  entityRefs: readonly string[];
  stages: readonly string[];
  stageSeconds: Map<string, { stage: string; seconds: number }[]>;
  openAlerts: Map<string, { stage: string | null }[]>;
}): HeatmapCell[] {
  const seconds = new Map<string, number>();
  const alerts = new Map<string, number>();
  for (const r of rowsOf(options.stageSeconds, options.entityRefs))
    seconds.set(r.stage, (seconds.get(r.stage) ?? 0) + r.seconds);
  for (const a of rowsOf(options.openAlerts, options.entityRefs))
    if (a.stage) alerts.set(a.stage, (alerts.get(a.stage) ?? 0) + 1);
  const total = [...seconds.values()].reduce((s, v) => s + v, 0);
  const extra = [...new Set([...seconds.keys(), ...alerts.keys()])]
    .filter(s => !options.stages.includes(s))
    .sort();
  return [...options.stages, ...extra].map(stage => ({
    groupRef: options.groupRef,
    stage,
    openAlerts: alerts.get(stage) ?? 0,
    timeShare: total > 0 ? (seconds.get(stage) ?? 0) / total : 0,
  }));
}
