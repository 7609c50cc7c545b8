import type {
  HeatmapCell,
  OverviewGroup,
  OverviewResponse,
  TimeseriesResponse,
} from '@valuestream/backstage-plugin-value-stream-common';

const WEEK_MS = 7 * 86_400_000;

/** The groups the filter keeps: all, or the parent and every group below it (cycle-safe). */
export function groupsUnder(
  groups: readonly OverviewGroup[],
  parentRef: string | undefined,
): OverviewGroup[] {
  if (!parentRef) return [...groups];
  const keep = new Set([parentRef]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const g of groups)
      if (!keep.has(g.groupRef) && g.parentRefs.some(p => keep.has(p))) {
        keep.add(g.groupRef);
        grew = true;
      }
  }
  return groups.filter(g => keep.has(g.groupRef));
}

/** Groups that are another group's parent: the choices of the filter, sorted. */
export function parentChoices(groups: readonly OverviewGroup[]): string[] {
  const known = new Set(groups.map(g => g.groupRef));
  return [...new Set(groups.flatMap(g => g.parentRefs))]
    .filter(p => known.has(p))
    .sort();
}

/** The heatmap as rows: one per group (in `groups` order), its cells by `stages`. */
export function heatmapRows(
  overview: Pick<OverviewResponse, 'heatmap'>,
  groups: readonly OverviewGroup[],
): { stages: string[]; rows: { groupRef: string; cells: HeatmapCell[] }[] } {
  const shown = new Set(groups.map(g => g.groupRef));
  const cells = overview.heatmap.filter(c => shown.has(c.groupRef));
  const stages: string[] = [];
  for (const c of cells) if (!stages.includes(c.stage)) stages.push(c.stage);
  const at = new Map(cells.map(c => [`${c.groupRef}\0${c.stage}`, c]));
  return {
    stages,
    rows: groups.map(g => ({
      groupRef: g.groupRef,
      cells: stages.map(
        stage =>
          at.get(`${g.groupRef}\0${stage}`) ?? {
            groupRef: g.groupRef,
            stage,
            openAlerts: 0,
            timeShare: 0,
          },
      ),
    })),
  };
}

/** Continuous percentile (linear interpolation), like the backend's. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 1) return sorted[0];
  const rank = (sorted.length - 1) * p;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

/** One week of the cycle-time trend (seconds; null in a week without items). */
export interface WeekPercentiles {
  /** Monday 00:00 UTC of the week, ISO. */
  week: string;
  count: number;
  p50: number | null;
  p85: number | null;
}

/** Monday 00:00 UTC of the ISO week containing `ms`. */
export function startOfWeek(ms: number): number {
  const day = Math.floor(ms / 86_400_000) * 86_400_000;
  return day - ((new Date(day).getUTCDay() + 6) % 7) * 86_400_000;
}

/**
 * Weekly p50 and p85 of cycle time from the `cycle_time` series of several entities: an
 * item of two of them counts once; every week from `from` to `to` is present.
 */
export function weeklyCycleTime(
  series: readonly TimeseriesResponse[],
  from: string,
  to: string,
): WeekPercentiles[] {
  const items = new Map<string, { t: number; value: number }>();
  for (const s of series)
    for (const p of s.points as { t: string; key?: string; value?: number }[])
      if (p.key && typeof p.value === 'number')
        items.set(p.key, { t: Date.parse(p.t), value: p.value });
  const byWeek = new Map<number, number[]>();
  for (const { t, value } of items.values()) {
    const w = startOfWeek(t);
    byWeek.set(w, [...(byWeek.get(w) ?? []), value]);
  }
  const out: WeekPercentiles[] = [];
  for (
    let w = startOfWeek(Date.parse(from));
    w < Date.parse(to);
    w += WEEK_MS
  ) {
    const values = (byWeek.get(w) ?? []).sort((a, b) => a - b);
    out.push({
      week: new Date(w).toISOString(),
      count: values.length,
      p50: values.length ? percentile(values, 0.5) : null,
      p85: values.length ? percentile(values, 0.85) : null,
    });
  }
  return out;
}

/** Σ blocked seconds by category over groups whose entities do not overlap (the roots). */
export function blockedTimeOf(groups: readonly OverviewGroup[]): {
  total: number;
  byReason: Record<string, number>;
} {
  const byReason: Record<string, number> = {};
  let total = 0;
  for (const g of groups) {
    total += g.metrics.flow.blockedTime.total;
    for (const [k, v] of Object.entries(g.metrics.flow.blockedTime.byReason))
      byReason[k] = (byReason[k] ?? 0) + v;
  }
  return { total, byReason };
}

/** The groups of a selection with no parent inside it (their roll-ups cover the rest). */
export function rootsOf(groups: readonly OverviewGroup[]): OverviewGroup[] {
  const inside = new Set(groups.map(g => g.groupRef));
  return groups.filter(g => !g.parentRefs.some(p => inside.has(p)));
}
