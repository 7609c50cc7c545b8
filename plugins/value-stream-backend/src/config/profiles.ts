import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  DEFAULT_STAGES,
  StageCategory,
  StageDefinition,
  StageRole,
} from '@valuestream/backstage-plugin-value-stream-common';
import type { RuleThresholdsInput } from '../alerts/thresholds';
import type { ProfileInput } from './configSchema';
import { DEFAULT_DONE, type DoneConfig } from './readDone';
import { DEFAULT_STATUS_MAPPING } from './statusMapping';

/** The name of the top-level settings, used by entities without a profile. */
export const DEFAULT_PROFILE = 'default';

/** One team's process: the top-level settings with the profile's keys replacing theirs. */
export interface ResolvedProfile {
  /** `default` for the top-level settings. */
  name: string;
  /** In order, with the profile's WIP limits applied. */
  stages: StageDefinition[];
  /** lower-cased tool status → stage name */
  statusMapping: Record<string, string>;
  /** Alert thresholds, as configured (`alerts.thresholds` shape). */
  thresholds: RuleThresholdsInput;
  done: DoneConfig;
  /** Stored and exposed as configured. */
  targets: Record<string, unknown>;
}

/** Every profile and how entities choose one. */
export interface ProfileSet {
  default: ResolvedProfile;
  /** Named profiles, without `default`. */
  byName: Record<string, ResolvedProfile>;
  /** Owner entity ref (lower case, full) → profile name. */
  byOwner: Record<string, string>;
}

/** What the choice of a profile depends on for one entity (from the entity index). */
export interface ProfileHint {
  /** `value-stream/profile`, trimmed. */
  annotation?: string;
  /** `ownedBy` targets, lower case. */
  owners: readonly string[];
}

/** `group:team-a` → `group:default/team-a`, lower case; other kinds default to group. */
export function ownerRef(ref: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(ref.trim(), { defaultKind: 'group' }),
    ).toLowerCase();
  } catch {
    return ref.trim().toLowerCase();
  }
}

/**
 * The profile of an entity (DESIGN §13): the one its `value-stream/profile` annotation
 * names, else the one `profileByOwner` gives its owner (owners in sorted order, the first
 * listed wins), else the top-level settings. An annotation naming no configured profile
 * is ignored (see `unknownProfileAnnotations`). Pure.
 */
export function profileForEntity(
  hint: ProfileHint | undefined,
  profiles: ProfileSet,
): ResolvedProfile {
  const named = hint?.annotation;
  if (named === DEFAULT_PROFILE) return profiles.default;
  if (named && profiles.byName[named]) return profiles.byName[named];
  for (const owner of [...(hint?.owners ?? [])].sort()) {
    const name = profiles.byOwner[owner];
    if (name === DEFAULT_PROFILE) return profiles.default;
    if (name && profiles.byName[name]) return profiles.byName[name];
  }
  return profiles.default;
}

/**
 * The entity whose profile an item follows (docs/install.md "Profiles"): of the item's
 * entities (sorted), the first that its own key resolves to (its Jira project or
 * repository), else the first of them; undefined for an item without entities. Pure.
 */
export function itemProfileEntity(
  entityRefs: readonly string[],
  keyRefs: readonly string[],
): string | undefined {
  const own = new Set(keyRefs.map(r => r.toLowerCase()));
  const sorted = [...entityRefs].sort();
  return sorted.find(r => own.has(r)) ?? sorted[0];
}

/** The default roles of a list written before roles existed (as readStages). */
function withLegacyRoles(stages: StageDefinition[]): StageDefinition[] {
  if (stages.some(s => s.roles !== undefined)) return stages;
  return stages.map(s => {
    const roles = DEFAULT_STAGES.find(d => d.name === s.name)?.roles;
    return roles?.length ? { ...s, roles: [...roles] } : s;
  });
}

/** The status mapping of a stage list: defaults naming its stages, then `custom`. */
export function mappingFor(
  stages: readonly StageDefinition[],
  custom: Readonly<Record<string, string>>,
  key: string,
  strict: boolean,
): Record<string, string> {
  const names = new Set(stages.map(s => s.name));
  const mapping: Record<string, string> = {};
  for (const [status, stage] of Object.entries(DEFAULT_STATUS_MAPPING)) {
    if (names.has(stage)) mapping[status] = stage;
  }
  for (const [status, stage] of Object.entries(custom)) {
    if (names.has(stage)) mapping[status.toLowerCase()] = stage;
    else if (strict)
      throw new Error(
        `${key}.statusMapping.${status}: "${stage}" is not a stage of the profile`,
      );
  }
  return mapping;
}

/** The top-level settings a profile starts from. */
export interface TopLevelSettings {
  stages: StageDefinition[];
  /** `valueStream.statusMapping` as configured (not merged with the defaults). */
  customStatusMapping: Record<string, string>;
  thresholds: RuleThresholdsInput;
  done: DoneConfig;
}

/**
 * Resolves `valueStream.profiles` (validated by configSchema) over the top-level settings:
 * each key a profile sets replaces the top-level one; `wipLimits` apply to the profile's
 * stage list; a top-level status mapping naming a stage the profile lacks is dropped.
 */
export function resolveProfiles(
  top: TopLevelSettings,
  raw: {
    profiles?: Record<string, ProfileInput>;
    profileByOwner?: Record<string, string>;
    targets?: Record<string, unknown>;
  },
): ProfileSet {
  const defaultProfile: ResolvedProfile = {
    name: DEFAULT_PROFILE,
    stages: top.stages,
    statusMapping: mappingFor(
      top.stages,
      top.customStatusMapping,
      'valueStream',
      false,
    ),
    thresholds: top.thresholds,
    done: top.done,
    targets: raw.targets ?? {},
  };
  const byName: Record<string, ResolvedProfile> = {};
  for (const [name, p] of Object.entries(raw.profiles ?? {})) {
    const key = `valueStream.profiles.${name}`;
    const stages = withLegacyRoles(
      p.stages
        ? p.stages.map(s => ({
            name: s.name,
            category: s.category as StageCategory,
            ...(s.wipLimit !== undefined ? { wipLimit: s.wipLimit } : {}),
            ...(s.roles !== undefined ? { roles: s.roles as StageRole[] } : {}),
          }))
        : top.stages.map(s => ({ ...s })),
    );
    for (const [stage, limit] of Object.entries(p.wipLimits ?? {})) {
      const target = stages.find(s => s.name === stage);
      if (!target)
        throw new Error(
          `${key}.wipLimits["${stage}"]: "${stage}" is not a stage of the profile`,
        );
      target.wipLimit = limit;
    }
    byName[name] = {
      name,
      stages,
      statusMapping: mappingFor(
        stages,
        p.statusMapping ?? top.customStatusMapping,
        key,
        p.statusMapping !== undefined,
      ),
      thresholds: p.alerts ?? top.thresholds,
      done: p.done ? { ...DEFAULT_DONE, ...p.done } : top.done,
      targets: p.targets ?? raw.targets ?? {},
    };
  }
  const byOwner: Record<string, string> = {};
  for (const [owner, name] of Object.entries(raw.profileByOwner ?? {}))
    byOwner[ownerRef(owner)] = name;
  return { default: defaultProfile, byName, byOwner };
}

/** Every profile, the default first. */
export function allProfiles(set: ProfileSet): ResolvedProfile[] {
  return [set.default, ...Object.values(set.byName)];
}

/** Where the entity index keeps what `profileForEntity` needs. */
export interface ProfileHints {
  profileHint(ref: string): ProfileHint | undefined;
}

/** An entity ref → its profile, over the current entity index. */
export type ProfileOf = (entityRef: string) => ResolvedProfile;

/** `profileForEntity` over the index the callback returns when asked. */
export function profileResolver(
  profiles: ProfileSet,
  index: () => ProfileHints,
): ProfileOf {
  return ref => profileForEntity(index().profileHint(ref), profiles);
}

/** Whether any entity may use another profile than the default. */
export const hasProfiles = (set: ProfileSet) =>
  Object.keys(set.byName).length > 0;

/** What of a profile shapes journeys (stages, roles, mapping, Done); a change rebuilds its items. */
export function profileJourneyFingerprint(p: ResolvedProfile): string {
  return JSON.stringify({
    stages: p.stages.map(s => [s.name, s.category, [...(s.roles ?? [])]]),
    statusMapping: Object.entries(p.statusMapping).sort(),
    done: p.done,
  });
}

/** Profile name → journey fingerprint, for the named profiles (the default is the top level's). */
export function profileFingerprints(set: ProfileSet): Record<string, string> {
  return Object.fromEntries(
    Object.values(set.byName).map(p => [p.name, profileJourneyFingerprint(p)]),
  );
}

/**
 * The entities whose items a profile change touches (DESIGN §13 "changing a profile
 * rebuilds only the affected entities"): those now on another profile than before, and
 * those on a named profile whose fingerprint changed (before or now). `before` and `now`
 * list the entities on named profiles only. Pure.
 */
export function affectedEntities(
  before: {
    profiles: Record<string, string>;
    entities: Record<string, string>;
  },
  now: { profiles: Record<string, string>; entities: Record<string, string> },
): string[] {
  const changed = (name: string | undefined) =>
    name !== undefined && before.profiles[name] !== now.profiles[name];
  const refs = new Set([
    ...Object.keys(before.entities),
    ...Object.keys(now.entities),
  ]);
  return [...refs]
    .filter(ref => {
      const a = before.entities[ref];
      const b = now.entities[ref];
      return a !== b || changed(a) || changed(b);
    })
    .sort();
}
