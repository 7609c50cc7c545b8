import type { StatusMapper } from '@valuestream/backstage-plugin-value-stream-node';
import {
  allProfiles,
  hasProfiles,
  profileForEntity,
  type ProfileHints,
} from '../config/profiles';
import type { ValueStreamConfig } from '../config/readConfig';
import { roleStages } from './itemEvidence';
import { type ProfileJourney, statusMapping } from './rebuildItems';

/**
 * What each profile sets in a journey (stages, roles, mapping, Done), computed once, and
 * the lookup from the entity an item follows to its profile's. Undefined without profiles.
 */
export function profileJourneys(
  config: Pick<ValueStreamConfig, 'profiles'>,
  index: () => ProfileHints,
  statusMapper?: StatusMapper,
): ((entityRef: string | undefined) => ProfileJourney) | undefined {
  const set = config.profiles;
  if (!set || !hasProfiles(set)) return undefined;
  const byName = new Map(
    allProfiles(set).map(p => [
      p.name,
      {
        stages: p.stages,
        roles: roleStages(p.stages),
        mapStatus: statusMapping(p.statusMapping, statusMapper),
        done: p.done,
      },
    ]),
  );
  const fallback = byName.get(set.default.name)!;
  return ref =>
    ref === undefined
      ? fallback
      : byName.get(profileForEntity(index().profileHint(ref), set).name)!;
}
