import type {
  ItemType,
  StageDefinition,
} from '@valuestream/backstage-plugin-value-stream-common';
import type {
  BlockedInterval,
  Journey,
  Millis,
  StageInterval,
} from '../journeys/types';
import { compareEvidence, Evidence } from './evidence';

/** What the tracker says about an item, folded from its work_item.* events. */
export interface ItemAttributes {
  key: string;
  createdAt: Millis;
  title: string;
  itemType: ItemType;
  priority: string | null;
  value: number | null;
  labels: string[];
}

/**
 * Folds the evidence of one item into its journey (DESIGN §4, §11): starts in the
 * first stage at `createdAt`; tracker evidence moves to its stage (also backward),
 * automatic evidence only forward; evidence older than the item counts at `createdAt`.
 */
export function buildJourney(
  attrs: ItemAttributes,
  evidence: Evidence[],
  stages: StageDefinition[],
): Journey {
  const index = new Map(stages.map((s, i) => [s.name, i]));
  const first = stages[0];
  const intervals: StageInterval[] = [
    {
      stage: first.name,
      category: first.category,
      enteredAt: attrs.createdAt,
      exitedAt: null,
    },
  ];
  const blockedIntervals: BlockedInterval[] = [];
  let current = 0;

  const sorted = evidence
    .map(e => (e.at < attrs.createdAt ? { ...e, at: attrs.createdAt } : e))
    .sort(compareEvidence);
  for (const e of sorted) {
    if (e.kind === 'blocked') {
      const open = blockedIntervals[blockedIntervals.length - 1];
      if (!open || open.to !== null)
        // Set only when given, so reasonless journeys store what they stored before.
        blockedIntervals.push({
          from: e.at,
          to: null,
          ...(e.reason ? { reason: e.reason } : {}),
        });
      // A repeated block keeps the first reason, unless the first gave none.
      else if (!open.reason && e.reason) open.reason = e.reason;
      continue;
    }
    if (e.kind === 'unblocked') {
      const open = blockedIntervals[blockedIntervals.length - 1];
      if (open && open.to === null) open.to = e.at;
      continue;
    }
    const target = index.get(e.stage);
    if (target === undefined || target === current) continue;
    if (e.kind === 'auto' && target < current) continue;
    intervals[intervals.length - 1].exitedAt = e.at;
    const stage = stages[target];
    intervals.push({
      stage: stage.name,
      category: stage.category,
      enteredAt: e.at,
      exitedAt: null,
    });
    current = target;
  }

  const last = intervals[intervals.length - 1];
  const started = intervals.find(i => i.category !== 'queue');
  const openBlock = blockedIntervals[blockedIntervals.length - 1];
  return {
    ...attrs,
    startedAt: started ? started.enteredAt : null,
    doneAt: last.category === 'done' ? last.enteredAt : null,
    stage: last.stage,
    stageEnteredAt: last.enteredAt,
    blocked: Boolean(openBlock && openBlock.to === null),
    intervals,
    blockedIntervals,
  };
}
