import type {
  StageMetrics,
  StageStatus,
} from '@valuestream/backstage-plugin-value-stream-common';

const RANK: Record<StageStatus, number> = {
  bottleneck: 0,
  warning: 1,
  healthy: 2,
};

/** Stages in trouble, bottlenecks first, then by WIP (most first). */
export function worstStages(stages: StageMetrics[], limit = 5): StageMetrics[] {
  return stages
    .filter(s => s.status !== 'healthy')
    .sort(
      (a, b) => RANK[a.status] - RANK[b.status] || (b.wip ?? 0) - (a.wip ?? 0),
    )
    .slice(0, limit);
}
