import { z } from 'zod';

const isoWithOffset = z.iso.datetime({ offset: true });
const nonEmpty = z.string().min(1);

/**
 * A short identifier, not prose: feature keys and channels. Free text (comments, names,
 * e-mail addresses) is never stored with feedback (DESIGN §14), so these refuse spaces.
 */
const token = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[^\s@]+$/, 'expected an identifier (no spaces, no "@")');

/** `workItemKey` and `feature` both name the feature's work-item key (DESIGN §17). */
const featureRef = {
  workItemKey: token(300).optional(),
  feature: token(300).optional(),
};

const REF_REQUIRED = {
  message: 'one of workItemKey or feature is required',
  path: ['workItemKey'],
};
const hasRef = (d: { workItemKey?: string; feature?: string }) =>
  d.workItemKey !== undefined || d.feature !== undefined;

function ticketSchema() {
  return z
    .object({
      ticketId: nonEmpty,
      ...featureRef,
      severity: z.string().optional(),
    })
    .refine(hasRef, REF_REQUIRED);
}

/**
 * zod schemas of the customer-feedback events (DESIGN §14). Objects strip unknown
 * fields, so a survey tool's comment, name or e-mail never reaches the store.
 * @public
 */
export const feedbackEventDataSchemas = {
  'feedback.submitted': z
    .object({
      feedbackId: nonEmpty,
      ...featureRef,
      score: z.number().int().min(0).max(10),
      channel: token(100).optional(),
    })
    .refine(hasRef, REF_REQUIRED),
  'usage.reported': z
    .object({
      ...featureRef,
      count: z.number().finite().min(0),
      from: isoWithOffset,
      to: isoWithOffset,
    })
    .refine(hasRef, REF_REQUIRED)
    .refine(d => Date.parse(d.from) < Date.parse(d.to), {
      message: 'must be after from',
      path: ['to'],
    }),
  'support_ticket.opened': ticketSchema(),
  'support_ticket.resolved': ticketSchema(),
} as const;

/**
 * The work-item key a feedback, usage or support-ticket event is about: `workItemKey`,
 * else `feature`. @public
 */
export function featureKeyOf(data: {
  workItemKey?: unknown;
  feature?: unknown;
}): string | undefined {
  const key = data.workItemKey ?? data.feature;
  return typeof key === 'string' ? key : undefined;
}
