import type { Millis } from '../journeys/types';

/**
 * One piece of evidence that moves a work item (DESIGN §4 movement table).
 * - `tracker`: the issue tracker set the stage; may move backward (reopen).
 * - `auto`: SCM/CI/CD evidence; only ever moves forward.
 * - `blocked` / `unblocked`: toggles the blocked flag.
 */
export type Evidence =
  | { kind: 'tracker'; at: Millis; stage: string; order: string }
  | { kind: 'auto'; at: Millis; stage: string; order: string }
  | { kind: 'blocked'; at: Millis; order: string; reason?: string }
  | { kind: 'unblocked'; at: Millis; order: string };

const RANK: Record<Evidence['kind'], number> = {
  tracker: 0,
  auto: 1,
  blocked: 2,
  unblocked: 3,
};

/**
 * Total order of evidence: by time, then kind, then a stable tie-breaker
 * (`source/id` of the event), so any arrival order gives the same journey.
 */
export function compareEvidence(a: Evidence, b: Evidence): number {
  return (
    a.at - b.at ||
    RANK[a.kind] - RANK[b.kind] ||
    a.order.localeCompare(b.order, 'en')
  );
}
