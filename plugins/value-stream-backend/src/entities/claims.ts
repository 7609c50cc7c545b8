import type { Config } from '@backstage/config';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * The rule that decides which entity gets the data of a tool identifier several entities
 * name in their annotations (docs/sources.md, "Who gets the data of a shared identifier").
 * A catalog author can write any annotation, so naming another team's repository, project
 * key or service must not be enough to read that team's data:
 *
 * - **Repositories.** Entities defined in the repository itself (their
 *   `backstage.io/managed-by-location` or `managed-by-origin-location` is a file in it, set
 *   by the catalog, not by the author) win; the others get nothing. Without such an entity,
 *   all claimants win when they have one owner, none when they have several.
 * - **Project keys, Argo CD apps, PagerDuty services, Jenkins jobs, entity names.** Nothing
 *   proves these, so all claimants win when they have one owner, none when they have several.
 *   `jira/component` narrows a project key: an item with known components goes to the
 *   claimants of a matching component (else to the whole-project claimants), and a
 *   whole-project claimant of another owner vetoes it.
 * - **Pins** (`valueStream.claims`, set by the Backstage admin) override both.
 *
 * @internal
 */
export interface Claim {
  /** Lower-case entity ref of the claimant. */
  ref: string;
  /** The claimant's owners (sorted `ownedBy` targets), or a value of its own without any. */
  owner: string;
  /** The claimant is defined in the claimed repository (repositories only). */
  proven?: boolean;
  /** Lower-case `jira/component` values (project keys only); empty: the whole project. */
  components?: string[];
  /** `github.com` / `gitlab.com` when claimed by a slug annotation (repositories only). */
  host?: string;
}

/** A claim the rule denied some claimants, for the warning logged once per index. */
export interface ClaimContest {
  kind: ClaimKind;
  id: string;
  winners: string[];
  losers: string[];
  reason: string;
}

export type ClaimKind = 'repository' | 'projectKey' | 'service';

/** `valueStream.claims` pins: kind → identifier (normalised) → entity refs. */
export type ClaimPins = Record<ClaimKind, Map<string, string[]>>;

export const emptyPins = (): ClaimPins => ({
  repository: new Map(),
  projectKey: new Map(),
  service: new Map(),
});

const refsOf = (claims: Claim[]) => [...new Set(claims.map(c => c.ref))];
const owners = (claims: Claim[]) => new Set(claims.map(c => c.owner));

/** True when a catalog location (`url:https://host/owner/name/blob/…`) is inside `repo`. */
export function locationInRepository(
  location: string | undefined,
  repo: string,
): boolean {
  if (!location) return false;
  const m = location.replace(/^url:/, '').match(/^https?:\/\/[^/]+(\/[^?#]*)/i);
  if (!m) return false;
  const path = m[1].toLowerCase();
  const prefix = `/${repo.toLowerCase().replace(/^\/+|\/+$/g, '')}`;
  return (
    path === prefix || path === `${prefix}.git` || path.startsWith(`${prefix}/`)
  );
}

/** Winners of one repository (see {@link Claim}). */
export function resolveRepository(claims: Claim[]): string[] {
  const proven = claims.filter(c => c.proven);
  if (proven.length) return refsOf(proven);
  return owners(claims).size === 1 ? refsOf(claims) : [];
}

/** Winners of an identifier nothing proves: all claimants of one owner, else none. */
export function resolveByOwner(claims: Claim[]): string[] {
  return owners(claims).size === 1 ? refsOf(claims) : [];
}

/**
 * Winners of a project key for an item with these (lower-case) components (`components`
 * of its `work_item.*` events). Without components an item may be any component's: every
 * claimant of one owner wins, none when owners differ.
 */
export function resolveProjectKey(
  claims: Claim[],
  components: string[] = [],
): string[] {
  if (!components.length) return resolveByOwner(claims);
  const whole = claims.filter(c => !c.components?.length);
  const matching = claims.filter(c =>
    c.components?.some(x => components.includes(x)),
  );
  const candidates = matching.length ? matching : whole;
  if (!candidates.length) return [];
  // A whole-project claimant of another owner vetoes a narrower claim.
  return owners([...candidates, ...whole]).size === 1 ? refsOf(candidates) : [];
}

function normaliseRef(ref: string): string {
  return stringifyEntityRef(
    parseEntityRef(ref, {
      defaultKind: 'component',
      defaultNamespace: 'default',
    }),
  ).toLowerCase();
}

/**
 * Reads `valueStream.claims`: `[{ repository | projectKey | service, entityRefs }]`, the
 * admin's answer to a contested identifier. Throws on a malformed entry (start-up stops).
 */
export function readClaimPins(config: Config): ClaimPins {
  const pins = emptyPins();
  const entries = config.getOptionalConfigArray('valueStream.claims') ?? [];
  entries.forEach((entry, i) => {
    const at = `valueStream.claims[${i}]`;
    const given = (
      [
        ['repository', entry.getOptionalString('repository')],
        ['projectKey', entry.getOptionalString('projectKey')],
        ['service', entry.getOptionalString('service')],
      ] as const
    ).filter(([, v]) => v !== undefined && v.trim() !== '');
    if (given.length !== 1)
      throw new Error(
        `${at}: give exactly one of repository, projectKey or service`,
      );
    const [kind, raw] = given[0];
    const id =
      kind === 'projectKey'
        ? raw!.trim().toUpperCase()
        : raw!.trim().toLowerCase();
    const refs = entry.getStringArray('entityRefs').map(r => {
      try {
        return normaliseRef(r);
      } catch (e) {
        throw new Error(`${at}.entityRefs: ${(e as Error).message}`);
      }
    });
    pins[kind].set(id, [...new Set([...(pins[kind].get(id) ?? []), ...refs])]);
  });
  return pins;
}

/** The warning for one contest, naming what was denied and how to fix it. */
export function describeContest(c: ClaimContest): string {
  const what =
    // eslint-disable-next-line no-nested-ternary
    c.kind === 'repository'
      ? 'repository'
      : c.kind === 'projectKey'
      ? 'Jira project key'
      : 'service';
  return (
    `value-stream: ${what} "${c.id}" is claimed by ${[...c.winners, ...c.losers]
      .sort()
      .join(', ')}; ${c.reason}. ` +
    `${c.losers.sort().join(', ')} get${
      c.losers.length === 1 ? 's' : ''
    } none of its data. ` +
    'Remove the wrong annotation, or pin the identifier in valueStream.claims'
  );
}
