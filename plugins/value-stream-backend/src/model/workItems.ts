import type { ItemType } from '@valuestream/backstage-plugin-value-stream-common';
import type { ItemStats, Journey } from '../journeys/types';

/** A work item's stored journey plus its derived numbers and entities. */
export interface StoredJourney {
  journey: Journey;
  stats: ItemStats;
  entityRefs: string[];
  /** Excluded by a correction (DESIGN §16): out of metrics, lanes and alerts. */
  excluded?: boolean;
  /** Digest of journey and entities (see Correlator); unchanged items are skipped. */
  digest?: string;
}

/** A commit or pull request that names a work item. */
export interface WorkItemLink {
  itemKey: string;
  kind: 'commit' | 'pr';
  ref: string;
}

/** Work item row as listed (see DatabaseValueStreamStore.listWorkItems). */
export interface WorkItemRow {
  key: string;
  title: string;
  itemType: ItemType;
  priority: string | null;
  value: number | null;
  labels: string[];
  stage: string;
  stageCategory: string;
  stageEnteredAt: number;
  createdAt: number;
  startedAt: number | null;
  doneAt: number | null;
  blocked: boolean;
  cycleTime: number | null;
  leadTime: number | null;
  activeTime: number | null;
  waitTime: number | null;
  blockedTime: number | null;
  /** `done.mode: delivered`: when its observation ends, while not done; else null. */
  observationEndsAt: number | null;
  /** Only its intervals, and only when read with the journey. */
  journey: Journey;
}

/** The journey of a stored item row (read with its `journey` column). */
export function toJourney(row: WorkItemRow): Journey {
  return {
    key: row.key,
    title: row.title,
    itemType: row.itemType,
    priority: row.priority,
    value: row.value,
    labels: row.labels,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    doneAt: row.doneAt,
    stage: row.stage,
    stageEnteredAt: row.stageEnteredAt,
    blocked: row.blocked,
    intervals: row.journey.intervals,
    blockedIntervals: row.journey.blockedIntervals,
    ...(row.observationEndsAt !== null
      ? { observationEndsAt: row.observationEndsAt }
      : {}),
  };
}
