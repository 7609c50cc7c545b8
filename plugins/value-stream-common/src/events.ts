import { z } from 'zod';
import { ITEM_TYPES } from './stages';
import { feedbackEventDataSchemas } from './feedbackEvents';

const isoWithOffset = z.iso.datetime({ offset: true });
const nonEmpty = z.string().min(1);
/** A git commit id, abbreviated (7+) or full (SHA-1 40, SHA-256 64); stored lowercase. */
const sha = z
  .string()
  .regex(/^[0-9a-f]{7,64}$/i, 'expected a commit sha (7 to 64 hex characters)')
  .transform(s => s.toLowerCase());

const workItemKey = { key: nonEmpty };

/**
 * The files a commit or PR touched (repository-relative paths), for monorepo ownership
 * (DESIGN §13). Bounded: a longer list is cut by the adapter, not refused here.
 */
const files = z
  .array(z.string().min(1).max(500, 'at most 500 characters'))
  .max(3000, 'at most 3000 files');

/** zod schemas of the `data` of each canonical event type (DESIGN §3). @public */
export const eventDataSchemas = {
  'work_item.created': z.object({
    ...workItemKey,
    title: z.string(),
    itemType: z.enum(ITEM_TYPES as [string, ...string[]]),
    priority: z.string().optional(),
    value: z.number().min(1).max(100).optional(),
    status: z.string().optional(),
    labels: z.array(z.string()).optional(),
    /** Tracker components (Jira): narrow a shared project key by `jira/component`. */
    components: z.array(z.string()).optional(),
  }),
  'work_item.updated': z.object({
    ...workItemKey,
    title: z.string().optional(),
    itemType: z.enum(ITEM_TYPES as [string, ...string[]]).optional(),
    priority: z.string().optional(),
    value: z.number().min(1).max(100).optional(),
    labels: z.array(z.string()).optional(),
    components: z.array(z.string()).optional(),
    /** The item's iteration (sprint, milestone) from now on; null: none (DESIGN §14). */
    iteration: z
      .object({
        id: nonEmpty.max(300),
        name: z.string().max(500),
        startAt: isoWithOffset.nullable(),
        endAt: isoWithOffset.nullable(),
      })
      .nullable()
      .optional(),
  }),
  'work_item.status_changed': z.object({
    ...workItemKey,
    from: z.string().optional(),
    to: nonEmpty,
    stage: nonEmpty.optional(),
  }),
  'work_item.blocked': z.object({
    ...workItemKey,
    reason: z.string().optional(),
  }),
  'work_item.unblocked': z.object({
    ...workItemKey,
    reason: z.string().optional(),
  }),
  'commit.pushed': z.object({
    sha,
    message: z.string(),
    branch: z.string().optional(),
    defaultBranch: z.string().optional(),
    authoredAt: isoWithOffset.optional(),
    files: files.optional(),
  }),
  'pull_request.opened': prSchema(),
  'pull_request.merged': prSchema(),
  'pull_request.closed': prSchema(),
  'pull_request.reviewed': z.object({
    number: z.number().int().positive(),
    state: z.enum(['approved', 'changes_requested', 'commented']),
  }),
  'build.started': buildSchema(),
  'build.finished': buildSchema(),
  'test.finished': z.object({
    runId: nonEmpty,
    commitSha: sha,
    status: z.enum(['success', 'failure', 'canceled']),
  }),
  'deployment.started': deploymentSchema(),
  'deployment.finished': deploymentSchema(),
  'incident.opened': incidentSchema(),
  'incident.resolved': incidentSchema(),
  ...feedbackEventDataSchemas,
} as const;

function prSchema() {
  return z.object({
    number: z.number().int().positive(),
    title: z.string(),
    body: z.string().nullish(),
    branch: z.string().optional(),
    commits: z.array(sha).optional(),
    mergeCommitSha: sha.nullish(),
    files: files.optional(),
  });
}
function buildSchema() {
  return z.object({
    buildId: nonEmpty,
    pipeline: z.string().optional(),
    commitSha: sha,
    status: z.enum(['success', 'failure', 'canceled']).optional(),
  });
}
function deploymentSchema() {
  return z.object({
    deploymentId: nonEmpty,
    environment: nonEmpty,
    service: z.string().optional(),
    commitSha: sha.optional(),
    commits: z.array(sha).optional(),
    status: z.enum(['success', 'failure', 'rolled_back']).optional(),
  });
}
function incidentSchema() {
  return z.object({
    incidentId: nonEmpty,
    service: z.string().optional(),
    severity: z.string().optional(),
    title: z.string().optional(),
    deploymentId: z.string().optional(),
    commitSha: sha.optional(),
  });
}

/** Every canonical event type the correlation rules use. @public */
export type CanonicalEventType = keyof typeof eventDataSchemas;

/** @public */
export const CANONICAL_EVENT_TYPES = Object.keys(
  eventDataSchemas,
) as CanonicalEventType[];

/** @public */
export function isKnownEventType(type: string): type is CanonicalEventType {
  return Object.prototype.hasOwnProperty.call(eventDataSchemas, type);
}

/**
 * The envelope of a canonical event (DESIGN §3). `data` is checked against
 * {@link eventDataSchemas} when the type is known; unknown types are kept raw.
 * @public
 */
export const canonicalEventEnvelopeSchema = z.object({
  id: nonEmpty.max(512),
  source: nonEmpty.max(200),
  type: nonEmpty.max(200),
  occurredAt: isoWithOffset,
  entityRef: nonEmpty.max(512).optional(),
  repository: z
    .string()
    .regex(/^[^/\s]+(\/[^/\s]+)+$/, 'expected "owner/name"')
    .optional(),
  data: z.record(z.string(), z.unknown()),
});

/** Data payload type of one canonical event type. @public */
export type EventData<T extends CanonicalEventType> = z.infer<
  (typeof eventDataSchemas)[T]
>;

/** A canonical event (DESIGN §3). @public */
export type CanonicalEvent = {
  id: string;
  source: string;
  type: string;
  occurredAt: string;
  entityRef?: string;
  repository?: string;
  data: Record<string, unknown>;
};

/** A canonical event whose type is known, with typed data. @public */
export type TypedCanonicalEvent = {
  [T in CanonicalEventType]: Omit<CanonicalEvent, 'type' | 'data'> & {
    type: T;
    data: EventData<T>;
  };
}[CanonicalEventType];

/** Result of validating one event. @public */
export type EventValidation =
  | { ok: true; event: CanonicalEvent; known: boolean }
  | { ok: false; message: string };

function describe(issues: z.core.$ZodIssue[], prefix: string): string {
  return issues
    .map(i => {
      const path = [prefix, ...i.path.map(String)].filter(Boolean).join('.');
      return `${path || '(event)'}: ${i.message}`;
    })
    .join('; ');
}

/**
 * Validates one canonical event: the envelope, and `data` for known types.
 * The message names the offending fields (`data.key: …`).
 * @public
 */
export function validateCanonicalEvent(input: unknown): EventValidation {
  const env = canonicalEventEnvelopeSchema.safeParse(input);
  if (!env.success)
    return { ok: false, message: describe(env.error.issues, '') };
  const event = env.data as CanonicalEvent;
  if (!isKnownEventType(event.type)) return { ok: true, event, known: false };
  const data = eventDataSchemas[event.type].safeParse(event.data);
  if (!data.success) {
    return {
      ok: false,
      message: `${event.type}: ${describe(data.error.issues, 'data')}`,
    };
  }
  return {
    ok: true,
    event: { ...event, data: data.data as Record<string, unknown> },
    known: true,
  };
}
