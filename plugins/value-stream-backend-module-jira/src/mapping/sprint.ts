/** The Jira Cloud "Sprint" field (a custom field: its id varies by site). */
export const DEFAULT_SPRINT_FIELD = 'customfield_10020';

type Obj = Record<string, any>;

/** The canonical `iteration` of `work_item.updated` (DESIGN §14). */
export interface Iteration {
  id: string;
  name: string;
  startAt: string | null;
  endAt: string | null;
}

const isoOrNull = (v: unknown): string | null => {
  if (typeof v !== 'string' || !v) return null;
  const ms = Date.parse(v.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
};

/** The sprint objects of the field (`[{ id, name, state, startDate, endDate }]`); [] for anything else. */
export function sprintsOf(fields: Obj, sprintField: string): Obj[] {
  const value = fields[sprintField];
  return Array.isArray(value)
    ? value.filter(s => s && typeof s === 'object' && s.id !== undefined)
    : [];
}

/** A sprint object as an iteration; `name` falls back to the id. */
export function iterationOf(sprint: Obj): Iteration {
  return {
    id: String(sprint.id),
    name:
      typeof sprint.name === 'string' && sprint.name
        ? sprint.name
        : `Sprint ${sprint.id}`,
    startAt: isoOrNull(sprint.startDate),
    endAt: isoOrNull(sprint.endDate),
  };
}

/**
 * The current sprint among those it has been in (Jira keeps closed ones in the
 * field): the last one not closed, else the last one; null without any.
 */
export function currentSprint(sprints: readonly Obj[]): Iteration | null {
  const open = sprints.filter(s => s.state !== 'closed');
  const pick = open[open.length - 1] ?? sprints[sprints.length - 1];
  return pick ? iterationOf(pick) : null;
}

/** The sprint ids of a changelog side (`"126, 127"`); the last one is where the issue is. */
export const sprintIds = (side: unknown): string[] =>
  typeof side === 'string'
    ? side
        .split(',')
        .map(s => s.trim())
        .filter(Boolean)
    : [];

/** Whether a changelog item changes the sprint. */
export const isSprintItem = (item: Obj, sprintField: string) =>
  item.fieldId === sprintField ||
  String(item.field ?? '').toLowerCase() === 'sprint';

/**
 * The iteration a sprint change moves the issue into: the last id of `to`, described by
 * the field's sprint objects (name, dates); null when `to` is empty (removed from sprints).
 */
export function iterationOfChange(
  item: Obj,
  fields: Obj,
  sprintField: string,
): Iteration | null {
  const ids = sprintIds(item.to);
  const id = ids[ids.length - 1];
  if (!id) return null;
  const known = sprintsOf(fields, sprintField).find(s => String(s.id) === id);
  if (known) return iterationOf(known);
  const names = sprintIds(item.toString);
  return {
    id,
    name: names[names.length - 1] ?? `Sprint ${id}`,
    startAt: null,
    endAt: null,
  };
}
