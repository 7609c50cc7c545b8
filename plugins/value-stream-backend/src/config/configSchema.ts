import { z } from 'zod';
import { targetsSchema } from './targetsSchema';
import {
  STAGE_CATEGORIES,
  STAGE_ROLES,
} from '@valuestream/backstage-plugin-value-stream-common';

/**
 * The zod schema of `valueStream.*` (config.d.ts), checked once at start-up so that a
 * mistake stops the backend with a message naming the key. Keys it does not know pass
 * (other modules read their own); the readers in this folder keep their own checks.
 */

const ALERT_RULES = [
  'item_stuck',
  'wip_spike',
  'wip_over_limit',
  'cycle_time_outlier',
  'low_flow_efficiency',
  'item_blocked',
  'high_value_stuck',
] as const;

const THRESHOLD_KEYS = [
  'sigma',
  'minSamples',
  'lookbackDays',
  'spikeFactor',
  'spikeMinWip',
  'spikeLookbackDays',
  'overLimitDays',
  'outlierFactor',
  'outlierRecentDays',
  'outlierLookbackDays',
  'efficiencyMin',
  'efficiencyDays',
  'blockedHours',
] as const;

const nonNegative = z
  .number({ error: 'expected a number' })
  .nonnegative({ error: 'expected a number of 0 or more' });

const enabledRules = z
  .record(z.string(), z.boolean({ error: 'expected true or false' }))
  .superRefine((m, ctx) => {
    for (const rule of Object.keys(m))
      if (!(ALERT_RULES as readonly string[]).includes(rule))
        ctx.addIssue({
          code: 'custom',
          path: [rule],
          message: `unknown rule "${rule}"; known rules are ${ALERT_RULES.join(
            ', ',
          )}`,
        });
  });

const thresholdValues = Object.fromEntries(
  THRESHOLD_KEYS.map(k => [k, nonNegative.optional()]),
) as Record<(typeof THRESHOLD_KEYS)[number], z.ZodOptional<typeof nonNegative>>;

const unknownKey = (known: readonly string[]) => ({
  error: (i: { code: string; keys?: string[] }) =>
    i.code === 'unrecognized_keys'
      ? `unknown key "${i.keys?.[0]}"; known keys are ${known.join(', ')}`
      : undefined,
});

/** `highValue: { threshold }` (DESIGN §17): the value (1–100) from which an item is high-value. */
const highValue = z.strictObject(
  {
    threshold: z
      .number({ error: 'expected a number' })
      .min(1, { error: 'expected a value from 1 to 100' })
      .max(100, { error: 'expected a value from 1 to 100' })
      .optional(),
  },
  unknownKey(['threshold']),
);

/** `valueStream.alerts.thresholds`, also `valueStream.profiles.<name>.alerts`. */
export const thresholdsSchema = z.strictObject(
  {
    ...thresholdValues,
    enabled: enabledRules.optional(),
    highValue: highValue.optional(),
    stages: z
      .record(
        z.string(),
        z.strictObject(
          { ...thresholdValues, enabled: enabledRules.optional() },
          unknownKey([...THRESHOLD_KEYS, 'enabled']),
        ),
      )
      .optional(),
  },
  unknownKey([...THRESHOLD_KEYS, 'enabled', 'highValue', 'stages']),
);

const category = z.enum(STAGE_CATEGORIES as [string, ...string[]], {
  error: i =>
    `category "${String(i.input)}" must be one of ${STAGE_CATEGORIES.join(
      ', ',
    )}`,
});

const role = z.enum(STAGE_ROLES as [string, ...string[]], {
  error: i =>
    `unknown role "${String(i.input)}"; known roles are ${STAGE_ROLES.join(
      ', ',
    )}`,
});

const stageName = z
  .string({ error: 'expected a stage name' })
  .min(1, { error: 'expected a stage name' });

/** A profile's stage list: roles known, names unique, each role claimed by one stage. */
const profileStages = z
  .array(
    z.looseObject({
      name: stageName,
      category,
      wipLimit: nonNegative.optional(),
      roles: z.array(role).optional(),
    }),
  )
  .min(1, { error: 'expected at least one stage' })
  .superRefine((stages, ctx) => {
    const seen = new Set<string>();
    const claimedBy = new Map<string, string>();
    stages.forEach((s, i) => {
      if (seen.has(s.name))
        ctx.addIssue({
          code: 'custom',
          path: [i, 'name'],
          message: `stage "${s.name}" is listed twice; stage names must be unique`,
        });
      seen.add(s.name);
      (s.roles ?? []).forEach((r, j) => {
        const other = claimedBy.get(r);
        if (other !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: [i, 'roles', j],
            message:
              other === s.name
                ? `stage "${s.name}" lists role "${r}" twice`
                : `role "${r}" is claimed by both "${other}" and "${s.name}"; each role may move items into one stage only`,
          });
        else claimedBy.set(r, s.name);
      });
    });
  });

const stageMap = (what: string) =>
  z.record(z.string(), z.string({ error: `expected a ${what}` }));

/** `valueStream.done` and `valueStream.profiles.<name>.done`. */
export const doneSchema = z.strictObject(
  {
    mode: z
      .enum(['tracker', 'delivered'], {
        error: i => `"${String(i.input)}" must be one of tracker, delivered`,
      })
      .optional(),
    observationHours: z
      .number({ error: 'expected a number of hours, 0 or more' })
      .nonnegative({ error: 'expected a number of hours, 0 or more' })
      .optional(),
  },
  unknownKey(['mode', 'observationHours']),
);

const PROFILE_KEYS = [
  'stages',
  'wipLimits',
  'statusMapping',
  'alerts',
  'done',
  'targets',
];

/** `valueStream.profiles.<name>` (DESIGN §17 "Config shapes"). */
export const profileSchema = z.strictObject(
  {
    stages: profileStages.optional(),
    wipLimits: z
      .record(z.string(), nonNegative, { error: 'expected stage → number' })
      .optional(),
    statusMapping: stageMap('stage name').optional(),
    alerts: thresholdsSchema.optional(),
    done: doneSchema.optional(),
    targets: z
      .record(z.string(), z.unknown(), { error: 'expected a map of targets' })
      .optional(),
  },
  unknownKey(PROFILE_KEYS),
);

/** Raw shape of a profile after validation. */
export type ProfileInput = z.infer<typeof profileSchema>;

const strings = z.array(z.string({ error: 'expected a string' }), {
  error: 'expected a list of strings',
});
const bool = z.boolean({ error: 'expected true or false' });
const num = z.number({ error: 'expected a number' });

/** `valueStream` as a whole; unknown keys pass. */
export const valueStreamSchema = z
  .looseObject({
    // Top-level stages keep the reader's own messages (readStages) for roles.
    stages: z
      .array(
        z.looseObject({
          name: stageName,
          category,
          wipLimit: num.optional(),
          roles: strings.optional(),
        }),
      )
      .optional(),
    wipLimits: z.record(z.string(), z.unknown()).optional(),
    statusMapping: z.record(z.string(), z.unknown()).optional(),
    environments: z
      .looseObject({
        production: strings.optional(),
        staging: strings.optional(),
      })
      .optional(),
    workItemKeys: strings.optional(),
    blockedLabels: strings.optional(),
    rebuildOnConfigChange: bool.optional(),
    alerts: z
      .looseObject({
        enabled: bool.optional(),
        frequencySeconds: num.optional(),
        refreshMinutes: num.optional(),
        highValue: highValue.optional(),
        thresholds: thresholdsSchema.optional(),
      })
      .optional(),
    notifications: z.looseObject({ enabled: bool.optional() }).optional(),
    import: z
      .looseObject({
        enabled: bool.optional(),
        historyDays: num.optional(),
        reconcileMinutes: num.optional(),
        concurrency: num.optional(),
      })
      .optional(),
    rework: z
      .looseObject({
        itemTypes: strings.optional(),
        branchPattern: z.string({ error: 'expected a string' }).optional(),
      })
      .optional(),
    done: doneSchema.optional(),
    targets: targetsSchema.optional(),
    profiles: z
      .record(
        z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, {
          error: 'a profile name is letters, digits, "-" and "_"',
        }),
        profileSchema,
        { error: 'expected a map of profile name → profile' },
      )
      .optional(),
    profileByOwner: z
      .record(z.string(), z.string({ error: 'expected a profile name' }), {
        error: 'expected a map of owner entity ref → profile name',
      })
      .optional(),
  })
  .superRefine((vs, ctx) => {
    const known = new Set(['default', ...Object.keys(vs.profiles ?? {})]);
    for (const [owner, name] of Object.entries(vs.profileByOwner ?? {})) {
      if (!known.has(name))
        ctx.addIssue({
          code: 'custom',
          path: ['profileByOwner', owner],
          message: `unknown profile "${name}"; configured profiles are ${[
            ...known,
          ].join(', ')}`,
        });
    }
    if (vs.profiles && 'default' in vs.profiles)
      ctx.addIssue({
        code: 'custom',
        path: ['profiles', 'default'],
        message:
          '"default" names the top-level settings; give the profile another name',
      });
  });

/** `a.b[0]["In Review"]` from a zod issue path. */
export function formatKey(path: readonly PropertyKey[]): string {
  const part = (p: PropertyKey) => {
    if (typeof p === 'number') return `[${p}]`;
    const key = String(p);
    return /^[A-Za-z_$][\w$-]*$/.test(key)
      ? `.${key}`
      : `[${JSON.stringify(key)}]`;
  };
  return path.map(part).join('');
}

/**
 * Checks `valueStream` against the schema; throws one Error listing each problem as
 * `valueStream.<key>: <what is wrong>`.
 */
export function validateValueStreamConfig(raw: unknown) {
  const result = valueStreamSchema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const lines = result.error.issues.map(
    i => `valueStream${formatKey(i.path)}: ${i.message}`,
  );
  throw new Error(lines.join('\n'));
}
