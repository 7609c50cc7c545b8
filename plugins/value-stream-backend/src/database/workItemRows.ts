import type { StoredJourney, WorkItemRow } from '../model/workItems';
import type { WorkItemsTable } from './tables';
import { num } from './util';

/** A work-item row as read: `journey` only when that column was selected. */
export type WorkItemColumns = Omit<
  WorkItemsTable,
  'journey' | 'digest' | 'blocked_since' | 'done_due_at'
> & {
  journey?: string;
};

export const toWorkItem = (r: WorkItemColumns): WorkItemRow => ({
  key: r.key,
  title: r.title,
  itemType: r.item_type,
  priority: r.priority ?? null,
  value: num(r.value),
  labels: r.labels ? JSON.parse(r.labels) : [],
  stage: r.stage,
  stageCategory: r.stage_category,
  stageEnteredAt: num(r.stage_entered_at)!,
  createdAt: num(r.created_at)!,
  startedAt: num(r.started_at),
  doneAt: num(r.done_at),
  blocked: Boolean(r.blocked),
  cycleTime: num(r.cycle_time),
  leadTime: num(r.lead_time),
  activeTime: num(r.active_time),
  waitTime: num(r.wait_time),
  blockedTime: num(r.blocked_time),
  observationEndsAt: num(r.observation_ends_at),
  journey: r.journey ? JSON.parse(r.journey) : undefined,
});

/** Every column but `journey`, `digest`, `blocked_since` and `done_due_at`: what a listing shows. */
export const WORK_ITEM_COLUMNS: (keyof WorkItemColumns)[] = [
  'key',
  'title',
  'item_type',
  'priority',
  'value',
  'labels',
  'created_at',
  'started_at',
  'done_at',
  'stage',
  'stage_category',
  'stage_entered_at',
  'blocked',
  'cycle_time',
  'lead_time',
  'active_time',
  'wait_time',
  'blocked_time',
  'observation_ends_at',
];

export const toTableRow = ({
  journey: j,
  stats: s,
  digest,
}: StoredJourney): WorkItemsTable => ({
  key: j.key,
  title: j.title,
  item_type: j.itemType,
  priority: j.priority,
  value: j.value,
  labels: JSON.stringify(j.labels),
  created_at: j.createdAt,
  started_at: j.startedAt,
  done_at: j.doneAt,
  stage: j.stage,
  stage_category: j.intervals[j.intervals.length - 1].category,
  stage_entered_at: j.stageEnteredAt,
  blocked: j.blocked,
  blocked_since: j.blocked
    ? j.blockedIntervals[j.blockedIntervals.length - 1].from
    : null,
  cycle_time: s.cycleTime,
  lead_time: s.leadTime,
  active_time: s.activeTime,
  wait_time: s.waitTime,
  blocked_time: s.blockedTime,
  journey: JSON.stringify({
    intervals: j.intervals,
    blockedIntervals: j.blockedIntervals,
  }),
  digest: digest ?? null,
  observation_ends_at: j.observationEndsAt ?? null,
  done_due_at: j.doneDueAt ?? null,
});
