import {
  CanonicalEvent,
  featureKeyOf,
} from '@valuestream/backstage-plugin-value-stream-common';

/**
 * What an event is about, the key under which its history is folded: `<kind>:<id>`, i.e.
 * `item:<key>`, `commit:<sha>`, `pr:<id>`, `build:<id>`, `deployment:<id>`,
 * `incident:<id>`, and `feature:<work-item key>` for the feedback, usage and support-ticket
 * events of a feature (DESIGN §14), read together for its outcome. Build and parse
 * subjects only here.
 */
export type SubjectKind =
  | 'item'
  | 'commit'
  | 'pr'
  | 'build'
  | 'deployment'
  | 'incident'
  | 'feature';

const KINDS: ReadonlySet<string> = new Set<SubjectKind>([
  'item',
  'commit',
  'pr',
  'build',
  'deployment',
  'incident',
  'feature',
]);

/** Repository-qualified PR id: `owner/name#12` (or `#12` without a repository). */
export const prId = (repository: string | null | undefined, n: number) =>
  `${repository ?? ''}#${n}`;

/** The subject of an artifact or item. */
export const subject = (kind: SubjectKind, id: string) => `${kind}:${id}`;

/** The kind and id of a subject; null for none or one of no known kind. */
export function parseSubject(
  value: string | null | undefined,
): { kind: SubjectKind; id: string } | null {
  if (!value) return null;
  const colon = value.indexOf(':');
  const kind = value.slice(0, colon);
  if (colon < 0 || !KINDS.has(kind)) return null;
  // Ids may contain ':' themselves: only the first one separates.
  return { kind: kind as SubjectKind, id: value.slice(colon + 1) };
}

/** The subject of an event; null for types no rule uses. */
export function subjectOf(e: CanonicalEvent): string | null {
  // The fields each family's schema requires (value-stream-common events.ts).
  const d = e.data as Partial<
    Record<'key' | 'sha' | 'buildId' | 'deploymentId' | 'incidentId', string>
  > & { number?: number };
  const [family] = e.type.split('.', 1);
  switch (family) {
    case 'work_item':
      return subject('item', String(d.key));
    case 'commit':
      return subject('commit', String(d.sha));
    case 'pull_request':
      // Reviews too: the PR's first review is part of its state (DESIGN §13).
      return subject('pr', prId(e.repository, Number(d.number)));
    case 'build':
      return subject('build', String(d.buildId));
    case 'deployment':
      return subject('deployment', String(d.deploymentId));
    case 'incident':
      return subject('incident', String(d.incidentId));
    case 'feedback':
    case 'usage':
    case 'support_ticket': {
      const key = featureKeyOf(e.data);
      return key === undefined ? null : subject('feature', key);
    }
    default:
      return null;
  }
}
