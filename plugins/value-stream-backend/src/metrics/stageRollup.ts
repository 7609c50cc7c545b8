import {
  STAGE_CATEGORIES,
  type StageCategory,
  type StageDefinition,
} from '@valuestream/backstage-plugin-value-stream-common';
import type { OpenAlertRef } from './stages';

/** Lane names of a roll-up by category. @internal */
export const CATEGORY_STAGE_NAMES: Record<StageCategory, string> = {
  queue: 'Queue',
  active: 'Active',
  wait: 'Wait',
  done: 'Done',
};

/**
 * The stages figures are given for, over entities of one or several profiles
 * (DESIGN §13): one profile, its stages; several, one stage per category (in the order
 * queue, active, wait, done; those some profile has), each stage counted in its category.
 * @internal
 */
export interface StageView {
  stages: StageDefinition[];
  /** Profile names of the entities, sorted. */
  profiles: string[];
  byCategory: boolean;
  /** A stored stage name → the name of the view's stage it counts in. */
  nameOf(stage: string): string | undefined;
}

/** The stage view of these profiles' stage lists (one list per entity's profile). Pure. @internal */
export function stageView(
  profiles: readonly { name: string; stages: readonly StageDefinition[] }[],
): StageView {
  const distinct = new Map(profiles.map(p => [p.name, p.stages]));
  const names = [...distinct.keys()].sort();
  if (distinct.size <= 1) {
    const stages = [...(distinct.values().next().value ?? [])];
    return {
      stages,
      profiles: names,
      byCategory: false,
      nameOf: s => s,
    };
  }
  // A stage name two profiles give different categories counts in the first's (sorted).
  const categoryOf = new Map<string, StageCategory>();
  for (const name of names)
    for (const s of distinct.get(name)!)
      if (!categoryOf.has(s.name)) categoryOf.set(s.name, s.category);
  const present = new Set(categoryOf.values());
  return {
    stages: STAGE_CATEGORIES.filter(c => present.has(c)).map(c => ({
      name: CATEGORY_STAGE_NAMES[c],
      category: c,
    })),
    profiles: names,
    byCategory: true,
    nameOf: s => {
      const c = categoryOf.get(s);
      return c ? CATEGORY_STAGE_NAMES[c] : undefined;
    },
  };
}

/** Per-stage counts summed into the view's stages. Pure. @internal */
export function rollUpCounts(
  counts: Record<string, number>,
  view: StageView,
): Record<string, number> {
  if (!view.byCategory) return counts;
  const out: Record<string, number> = {};
  for (const [stage, n] of Object.entries(counts)) {
    const name = view.nameOf(stage);
    if (name) out[name] = (out[name] ?? 0) + n;
  }
  return out;
}

/** Visit totals summed into the view's stages. Pure. @internal */
export function rollUpVisits(
  visits: Record<string, { seconds: number; count: number }>,
  view: StageView,
): Record<string, { seconds: number; count: number }> {
  if (!view.byCategory) return visits;
  const out: Record<string, { seconds: number; count: number }> = {};
  for (const [stage, v] of Object.entries(visits)) {
    const name = view.nameOf(stage);
    if (!name) continue;
    const t = (out[name] ??= { seconds: 0, count: 0 });
    t.seconds += v.seconds;
    t.count += v.count;
  }
  return out;
}

/** Open alerts with their stages named as the view's. Pure. @internal */
export function rollUpAlerts(
  alerts: readonly OpenAlertRef[],
  view: StageView,
): OpenAlertRef[] {
  if (!view.byCategory) return [...alerts];
  const rename = (s?: string | null) =>
    s === undefined || s === null ? s : view.nameOf(s) ?? null;
  return alerts.map(a => ({
    ...a,
    stage: rename(a.stage),
    itemStage: rename(a.itemStage),
  }));
}

/** Items' stage intervals with their stages named as the view's. Pure. @internal */
export function rollUpIntervals<
  T extends { intervals: readonly { stage: string }[] },
>(items: readonly T[], view: StageView): T[] {
  if (!view.byCategory) return [...items];
  return items.map(i => ({
    ...i,
    intervals: i.intervals.map(iv => ({
      ...iv,
      stage: view.nameOf(iv.stage) ?? iv.stage,
    })),
  }));
}
