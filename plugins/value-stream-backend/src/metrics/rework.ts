/** `valueStream.rework` (DESIGN §13, §17): what makes a deployment rework. */
export interface ReworkConfig {
  /** Work-item types whose changes are rework (default `defect`). */
  itemTypes: string[];
  /** PR head branches that are rework (default `^hotfix/`). */
  branchPattern: RegExp;
}

/** @internal */
export const DEFAULT_REWORK: ReworkConfig = {
  itemTypes: ['defect'],
  branchPattern: /^hotfix\//,
};

/**
 * One successful production deployment of the window with what its included changes
 * (§4) are linked to: the types of their work items and the head branches of their PRs.
 *
 * @internal
 */
export interface ReworkEvidence {
  deploymentId: string;
  itemTypes: readonly string[];
  branches: readonly string[];
}

/**
 * DORA's rework rate (DESIGN §13): the share of the window's successful production
 * deployments that include a change linked to a rework item type or made on a rework
 * branch. A deployment with both counts once; rate is null without deployments.
 *
 * @internal
 */
export function reworkRate(
  deployments: readonly ReworkEvidence[],
  config: ReworkConfig,
): { rework: number; total: number; rate: number | null } {
  const types = new Set(config.itemTypes);
  const isRework = (d: ReworkEvidence) =>
    d.itemTypes.some(t => types.has(t)) ||
    d.branches.some(b => config.branchPattern.test(b));
  const rework = deployments.filter(isRework).length;
  const total = deployments.length;
  return { rework, total, rate: total > 0 ? rework / total : null };
}
