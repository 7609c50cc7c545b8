import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  affectedEntities,
  DEFAULT_PROFILE,
  profileFingerprints,
  profileForEntity,
} from '../config/profiles';
import type { ValueStreamConfig } from '../config/readConfig';
import type { CorrelationResult } from '../correlation/Correlator';
import type { EntityIndex } from '../entities/EntityIndex';

const STATE_KEY = 'journey-profiles';

/** What the last pass saw: fingerprints of named profiles, entities on them. */
interface ProfileState {
  profiles: Record<string, string>;
  entities: Record<string, string>;
}

/**
 * Rebuilds the items of the entities a profile change touches (DESIGN §13): after each
 * new entity index, entities that moved to another profile (annotation, owner or
 * `profileByOwner` changed) and, with `rebuildOnConfigChange`, those on a profile whose
 * stages, mapping or Done changed since the last run. The top-level settings keep their
 * own whole rebuild (JourneyRebuild).
 */
export class ProfileRebuild {
  constructor(
    private readonly options: {
      config: Pick<ValueStreamConfig, 'profiles' | 'rebuildOnConfigChange'>;
      store: {
        getMeta(key: string): Promise<string | undefined>;
        setMeta(key: string, value: string): Promise<void>;
        itemKeysOfEntities(refs: string[]): Promise<string[]>;
      };
      rebuildItems(keys: string[]): Promise<CorrelationResult>;
      logger: LoggerService;
    },
  ) {}

  private warned = '';

  /** One warning per new set of annotations that name no configured profile. */
  private warnUnknown(index: EntityIndex) {
    const { profiles } = this.options.config;
    const unknown = [...index.refs]
      .sort()
      .flatMap(ref => {
        const name = index.profileHint(ref)?.annotation;
        return name && name !== DEFAULT_PROFILE && !profiles.byName[name]
          ? [`${ref} ("${name}")`]
          : [];
      })
      .join(', ');
    if (unknown && unknown !== this.warned)
      this.options.logger.warn(
        `value-stream: value-stream/profile names no configured profile on ${unknown}; they use their owner's profile or the top-level settings`,
      );
    this.warned = unknown;
  }

  /** The state of `index` under the current config. */
  private stateOf(index: EntityIndex): ProfileState {
    const { profiles } = this.options.config;
    const entities: Record<string, string> = {};
    for (const ref of [...index.refs].sort()) {
      const name = profileForEntity(index.profileHint(ref), profiles).name;
      if (name !== DEFAULT_PROFILE) entities[ref] = name;
    }
    return { profiles: profileFingerprints(profiles), entities };
  }

  /** Call with each new index (under the ingest lock); returns the entities rebuilt. */
  async onIndex(index: EntityIndex): Promise<string[]> {
    const { store, config, logger } = this.options;
    this.warnUnknown(index);
    const now = this.stateOf(index);
    const raw = await store.getMeta(STATE_KEY);
    const before: ProfileState = raw
      ? JSON.parse(raw)
      : { profiles: {}, entities: {} };
    // Without rebuildOnConfigChange, only moves between profiles rebuild.
    const baseline = config.rebuildOnConfigChange
      ? before
      : { ...before, profiles: now.profiles };
    const refs = affectedEntities(baseline, now);
    if (refs.length) {
      const keys = await store.itemKeysOfEntities(refs);
      if (keys.length) {
        logger.info(
          `value-stream: profiles changed for ${refs.length} entities, rebuilding ${keys.length} items`,
        );
        await this.options.rebuildItems(keys);
      }
    }
    if (raw !== JSON.stringify(now))
      await store.setMeta(STATE_KEY, JSON.stringify(now));
    return refs;
  }
}
