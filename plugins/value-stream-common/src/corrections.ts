import { z } from 'zod';
import { ITEM_TYPES, type ItemType } from './stages';

const text = (max: number) => z.string().trim().min(1).max(max);

/** `{ repository: 'owner/name', number }` of a pull request. */
const pullRequestRef = z
  .object({ repository: text(200), number: z.number().int().positive() })
  .strict();

const linkCorrection = (kind: 'link' | 'unlink') =>
  z
    .object({
      kind: z.literal(kind),
      workItemKey: text(300),
      commitSha: z
        .string()
        .regex(/^[0-9a-f]{7,64}$/i, 'a commit sha (7-64 hex digits)')
        .optional(),
      pullRequest: pullRequestRef.optional(),
    })
    .strict()
    .refine(
      c => (c.commitSha === undefined) !== (c.pullRequest === undefined),
      {
        message: 'give either commitSha or pullRequest',
        path: ['commitSha'],
      },
    );

/**
 * The body of `POST /corrections` (DESIGN §16, §17): a manual fix stored as an event, so a
 * rebuild or replay keeps it. `link`/`unlink` override the links derived from keys,
 * `set_item` the tracker's type and value (`value: null` removes it), `exclude_item` takes
 * an item out of metrics and lanes (`excluded: false` brings it back), `attribute_incident`
 * names the deployment an incident is attributed to (`null`: none).
 *
 * @public
 */
export type Correction =
  | {
      kind: 'link' | 'unlink';
      workItemKey: string;
      /** The commit (7–64 hex digits); or `pullRequest`, exactly one of them. */
      commitSha?: string;
      pullRequest?: { repository: string; number: number };
    }
  | {
      kind: 'set_item';
      workItemKey: string;
      itemType?: ItemType;
      value?: number | null;
    }
  | { kind: 'exclude_item'; workItemKey: string; excluded: boolean }
  | {
      kind: 'attribute_incident';
      incidentId: string;
      /** `null`: attributed to no deployment. */
      deploymentId: string | null;
    };

/** Validates a {@link Correction}. */
const correctionSchema = z.discriminatedUnion('kind', [
  linkCorrection('link'),
  linkCorrection('unlink'),
  z
    .object({
      kind: z.literal('set_item'),
      workItemKey: text(300),
      itemType: z.enum(ITEM_TYPES as [string, ...string[]]).optional(),
      value: z.number().int().min(1).max(100).nullable().optional(),
    })
    .strict()
    .refine(c => c.itemType !== undefined || c.value !== undefined, {
      message: 'give itemType or value',
      path: ['itemType'],
    }),
  z
    .object({
      kind: z.literal('exclude_item'),
      workItemKey: text(300),
      excluded: z.boolean(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('attribute_incident'),
      incidentId: text(300),
      deploymentId: text(300).nullable(),
    })
    .strict(),
]);

/** The kinds of correction. @public */
export type CorrectionKind = Correction['kind'];

/** The kinds of correction, in the order the API lists them. @public */
export const CORRECTION_KINDS: readonly CorrectionKind[] = [
  'link',
  'unlink',
  'set_item',
  'exclude_item',
  'attribute_incident',
];

/** What `POST /corrections` answers (202): the id of the stored correction event. @public */
export interface CorrectionResponse {
  id: string;
}

/**
 * The correction that undoes `c` given the state before it (`previous`, for `set_item`):
 * link ↔ unlink, exclude ↔ include, and the item's former type and value. Pure.
 *
 * @public
 */
export function inverseCorrection(
  c: Correction,
  previous?: { itemType?: ItemType; value?: number | null },
): Correction {
  switch (c.kind) {
    case 'link':
      return { ...c, kind: 'unlink' };
    case 'unlink':
      return { ...c, kind: 'link' };
    case 'exclude_item':
      return { ...c, excluded: !c.excluded };
    case 'set_item':
      return {
        kind: 'set_item',
        workItemKey: c.workItemKey,
        ...(c.itemType !== undefined ? { itemType: previous?.itemType } : {}),
        ...(c.value !== undefined ? { value: previous?.value ?? null } : {}),
      };
    default:
      return c;
  }
}

/**
 * Validates a `POST /corrections` body; the message names the first wrong field
 * (`commitSha: a commit sha (7-64 hex digits)`). Pure.
 *
 * @public
 */
export function parseCorrection(
  input: unknown,
): { ok: true; correction: Correction } | { ok: false; message: string } {
  const r = correctionSchema.safeParse(input);
  if (r.success) return { ok: true, correction: r.data as Correction };
  const issue = r.error.issues[0];
  const field = issue.path.join('.') || 'body';
  let message = issue.message;
  if (issue.code === 'invalid_union')
    message = `one of ${CORRECTION_KINDS.join(', ')}`;
  else if (issue.code === 'unrecognized_keys')
    message = `unknown field(s) ${issue.keys.join(', ')}`;
  return { ok: false, message: `${field}: ${message}` };
}
