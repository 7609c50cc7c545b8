import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import {
  DEFAULT_STAGES,
  STAGE_CATEGORIES,
  STAGE_ROLES,
  StageCategory,
  StageDefinition,
  StageRole,
} from '@valuestream/backstage-plugin-value-stream-common';
import type { RuleThresholdsInput } from '../alerts/thresholds';
import type { BlockedReasonRules } from '../metrics/blockedReasons';
import { DEFAULT_REWORK, ReworkConfig } from '../metrics/rework';
import {
  DEFAULT_BLOCKED_LABELS,
  readBlockedLabels,
  readBlockedReasons,
} from './readBlockers';
import { DoneConfig, isDefaultDone, readDone } from './readDone';
import { FeedbackConfig, readFeedback } from './readFeedback';
import { validateValueStreamConfig } from './configSchema';
import { ProfileSet, resolveProfiles } from './profiles';
import { DEFAULT_STATUS_MAPPING } from './statusMapping';
import { readWebhookSecrets } from './webhookSecrets';

/** The plugin's settings, read once from `valueStream.*` (see config.d.ts). */
export interface ValueStreamConfig {
  stages: StageDefinition[];
  /** lower-cased tool status → stage name */
  statusMapping: Record<string, string>;
  environments: { production: string[]; staging: string[] };
  /** Project keys accepted everywhere, besides each entity's `jira/project-key`. */
  workItemKeys: string[];
  incidentAttributionWindowMs: number;
  webhookSecrets: Record<string, string>;
  alerts: {
    enabled: boolean;
    frequencySeconds: number;
    /** Every entity is re-evaluated at least this often, in ms. */
    refreshMs: number;
    /** As configured; config.d.ts gives their shape. */
    thresholds: RuleThresholdsInput;
  };
  notifications: { enabled: boolean };
  rebuildOnConfigChange: boolean;
  /** History import (DESIGN §12). */
  import: {
    enabled: boolean;
    historyDays: number;
    reconcileMinutes: number;
    /** Jobs run at once per replica. */
    concurrency: number;
  };
  /** What makes a production deployment rework (DESIGN §13). */
  rework: ReworkConfig;
  /** Blocking reason → category rules (DESIGN §13), applied at read time. */
  blockedReasons: BlockedReasonRules;
  /** Labels that block an item: exact names, or a prefix ending in `*` (the rest is the reason). */
  blockedLabels: string[];
  /** When items enter Done (DESIGN §13 "Done"); a profile may set its own. */
  done: DoneConfig;
  /** Feature outcomes (DESIGN §14): the window after a feature's first production deployment. */
  feedback: FeedbackConfig;
  /** Per-team profiles (DESIGN §13 "Profiles"); `default` is the settings above. */
  profiles: ProfileSet;
}

const lower = (xs: string[]) => xs.map(x => x.toLowerCase());

export function readValueStreamConfig(root: Config): ValueStreamConfig {
  // The whole block against its zod schema first: a mistake names its key.
  const raw = validateValueStreamConfig(root.getOptional('valueStream'));
  const c = root.getOptionalConfig('valueStream');
  const stages = readStages(c);
  // Stage names and statuses contain spaces, which config keys may not: read raw objects.
  const limits = (c?.getOptional('wipLimits') ?? {}) as Record<string, unknown>;
  for (const [name, limit] of Object.entries(limits)) {
    const stage = stages.find(s => s.name === name);
    if (!stage || typeof limit !== 'number') {
      throw new Error(
        `valueStream.wipLimits["${name}"]: expected a number for a configured stage`,
      );
    }
    stage.wipLimit = limit;
  }
  const names = new Set(stages.map(s => s.name));
  const mapping: Record<string, string> = {};
  for (const [status, stage] of Object.entries(DEFAULT_STATUS_MAPPING)) {
    if (names.has(stage)) mapping[status] = stage;
  }
  const custom = (c?.getOptional('statusMapping') ?? {}) as Record<
    string,
    unknown
  >;
  for (const [status, stage] of Object.entries(custom)) {
    if (typeof stage !== 'string' || !names.has(stage)) {
      throw new Error(
        `valueStream.statusMapping.${status}: "${stage}" is not a configured stage`,
      );
    }
    mapping[status.toLowerCase()] = stage;
  }
  const webhookSecrets = readWebhookSecrets(c?.getOptionalConfig('sources'));
  const window = c?.has('incidentAttributionWindow')
    ? durationToMilliseconds(
        readDurationFromConfig(c, { key: 'incidentAttributionWindow' }),
      )
    : 24 * 3600 * 1000;
  const alerts = c?.getOptionalConfig('alerts');
  const configured =
    (alerts?.getOptional('thresholds') as RuleThresholdsInput) ?? {};
  // `alerts.highValue` (DESIGN §17) sits beside the thresholds; a profile sets it in its `alerts`.
  const highValue = alerts?.getOptional('highValue') as
    | RuleThresholdsInput['highValue']
    | undefined;
  const thresholds: RuleThresholdsInput =
    highValue && !configured.highValue
      ? { ...configured, highValue }
      : configured;
  const done = readDone(c?.getOptionalConfig('done'));
  return {
    stages,
    statusMapping: mapping,
    environments: {
      production: lower(
        c?.getOptionalStringArray('environments.production') ?? [
          'production',
          'prod',
          'prd',
        ],
      ),
      staging: lower(
        c?.getOptionalStringArray('environments.staging') ?? [
          'staging',
          'stage',
          'stg',
          'preprod',
        ],
      ),
    },
    workItemKeys: (c?.getOptionalStringArray('workItemKeys') ?? []).map(k =>
      k.toUpperCase(),
    ),
    incidentAttributionWindowMs: window,
    webhookSecrets,
    alerts: {
      enabled: alerts?.getOptionalBoolean('enabled') ?? true,
      frequencySeconds: alerts?.getOptionalNumber('frequencySeconds') ?? 60,
      refreshMs: (alerts?.getOptionalNumber('refreshMinutes') ?? 60) * 60_000,
      thresholds,
    },
    notifications: {
      enabled: c?.getOptionalBoolean('notifications.enabled') ?? true,
    },
    rebuildOnConfigChange:
      c?.getOptionalBoolean('rebuildOnConfigChange') ?? true,
    import: readImportConfig(c?.getOptionalConfig('import')),
    rework: readReworkConfig(c?.getOptionalConfig('rework')),
    blockedReasons: readBlockedReasons(c),
    blockedLabels: readBlockedLabels(c),
    done,
    feedback: readFeedback(c?.getOptionalConfig('feedback')),
    profiles: resolveProfiles(
      {
        stages,
        customStatusMapping: custom as Record<string, string>,
        thresholds,
        done,
      },
      raw,
    ),
  };
}

function readReworkConfig(c: Config | undefined): ReworkConfig {
  const pattern = c?.getOptionalString('branchPattern');
  let branchPattern = DEFAULT_REWORK.branchPattern;
  if (pattern !== undefined) {
    try {
      branchPattern = new RegExp(pattern);
    } catch (e) {
      throw new Error(
        `valueStream.rework.branchPattern: "${pattern}" is not a valid regular expression (${
          (e as Error).message
        })`,
      );
    }
  }
  return {
    itemTypes: c?.getOptionalStringArray('itemTypes') ?? [
      ...DEFAULT_REWORK.itemTypes,
    ],
    branchPattern,
  };
}

function readImportConfig(c: Config | undefined): ValueStreamConfig['import'] {
  const positive = (key: string, fallback: number) => {
    const v = c?.getOptionalNumber(key) ?? fallback;
    if (!(v > 0))
      throw new Error(`valueStream.import.${key}: expected a positive number`);
    return v;
  };
  return {
    enabled: c?.getOptionalBoolean('enabled') ?? true,
    historyDays: positive('historyDays', 90),
    reconcileMinutes: positive('reconcileMinutes', 60),
    concurrency: Math.floor(positive('concurrency', 2)),
  };
}

function readStages(c: Config | undefined): StageDefinition[] {
  const list = c?.getOptionalConfigArray('stages');
  if (!list) return DEFAULT_STAGES.map(s => ({ ...s }));
  const stages = list.map((s, i) => {
    const name = s.getString('name');
    const category = s.getString('category') as StageCategory;
    if (!STAGE_CATEGORIES.includes(category)) {
      throw new Error(
        `valueStream.stages: category "${category}" must be one of ${STAGE_CATEGORIES.join(
          ', ',
        )}`,
      );
    }
    const wipLimit = s.getOptionalNumber('wipLimit');
    const roles = s.getOptionalStringArray('roles');
    for (const role of roles ?? []) {
      if (!STAGE_ROLES.includes(role as StageRole)) {
        throw new Error(
          `valueStream.stages[${i}] "${name}": unknown role "${role}"; known roles are ${STAGE_ROLES.join(
            ', ',
          )}`,
        );
      }
    }
    return {
      name,
      category,
      ...(wipLimit !== undefined ? { wipLimit } : {}),
      ...(roles !== undefined ? { roles: roles as StageRole[] } : {}),
    };
  });
  if (new Set(stages.map(s => s.name)).size !== stages.length) {
    throw new Error('valueStream.stages: stage names must be unique');
  }
  // A list that names no roles at all (written before roles existed) keeps the default
  // roles of the stages that carry a default stage's name.
  if (stages.every(s => s.roles === undefined)) {
    for (const stage of stages) {
      const roles = DEFAULT_STAGES.find(d => d.name === stage.name)?.roles;
      if (roles?.length) stage.roles = [...roles];
    }
  }
  const claimedBy = new Map<StageRole, string>();
  for (const stage of stages) {
    for (const role of stage.roles ?? []) {
      const other = claimedBy.get(role);
      if (other === stage.name) {
        throw new Error(
          `valueStream.stages: stage "${stage.name}" lists role "${role}" twice`,
        );
      }
      if (other !== undefined) {
        throw new Error(
          `valueStream.stages: role "${role}" is claimed by both "${other}" and "${stage.name}"; each role may move items into one stage only`,
        );
      }
      claimedBy.set(role, stage.name);
    }
  }
  return stages;
}

/** Per-stage `wipLimit` overrides may also be set without replacing the stage list. */
export function stageIndex(stages: StageDefinition[]): Map<string, number> {
  return new Map(stages.map((s, i) => [s.name, i]));
}

/** The parts of the config that shape alerts; a change makes every entity due at once. */
export function alertConfigFingerprint(cfg: ValueStreamConfig): string {
  return JSON.stringify({
    // Roles shape journeys (see journeyConfigFingerprint), not the rules.
    stages: cfg.stages.map(({ roles, ...s }) => s),
    thresholds: cfg.alerts.thresholds,
    refreshMs: cfg.alerts.refreshMs,
    // Named profiles' stages and thresholds, and who uses them (none: as before).
    ...(Object.keys(cfg.profiles?.byName ?? {}).length
      ? {
          profiles: Object.values(cfg.profiles.byName).map(p => [
            p.name,
            p.stages.map(({ roles, ...s }) => s),
            p.thresholds,
          ]),
          profileByOwner: cfg.profiles.byOwner,
        }
      : {}),
  });
}

const sameRoles = (
  a: readonly StageRole[] = [],
  b: readonly StageRole[] = [],
) => a.length === b.length && a.every((r, i) => r === b[i]);

const sameLabels = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((l, i) => l === b[i]);

/** The parts of the config that shape journeys; a change triggers a rebuild. */
export function journeyConfigFingerprint(cfg: ValueStreamConfig): string {
  return JSON.stringify({
    // Roles only where they differ from the default stage of that name, so the default
    // list keeps the fingerprint it had before roles existed (no rebuild on upgrade).
    stages: cfg.stages.map(s =>
      sameRoles(s.roles, DEFAULT_STAGES.find(d => d.name === s.name)?.roles)
        ? [s.name, s.category]
        : [s.name, s.category, [...(s.roles ?? [])]],
    ),
    statusMapping: Object.entries(cfg.statusMapping).sort(),
    environments: cfg.environments,
    workItemKeys: [...cfg.workItemKeys].sort(),
    // Labels block items; only non-default ones change the fingerprint (no rebuild on upgrade).
    ...(sameLabels(cfg.blockedLabels, DEFAULT_BLOCKED_LABELS)
      ? {}
      : { blockedLabels: cfg.blockedLabels }),
    // Only a non-default done config changes it (no rebuild on upgrade).
    ...(isDefaultDone(cfg.done) ? {} : { done: cfg.done }),
  });
}
