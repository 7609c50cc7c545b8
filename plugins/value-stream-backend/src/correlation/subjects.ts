import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';

/** Repository-qualified PR id: `owner/name#12` (or `#12` without a repository). */
export const prId = (repository: string | null | undefined, n: number) =>
  `${repository ?? ''}#${n}`;

/**
 * What an event is about, the key under which its history is folded:
 * `item:<key>`, `commit:<sha>`, `pr:<id>`, `build:<id>`, `deployment:<id>`,
 * `incident:<id>`; null for types no rule uses.
 */
export function subjectOf(e: CanonicalEvent): string | null {
  const d = e.data as Record<string, any>;
  const [family] = e.type.split('.', 1);
  switch (family) {
    case 'work_item':
      return `item:${d.key}`;
    case 'commit':
      return `commit:${d.sha}`;
    case 'pull_request':
      return e.type === 'pull_request.reviewed'
        ? null
        : `pr:${prId(e.repository, d.number)}`;
    case 'build':
      return `build:${d.buildId}`;
    case 'deployment':
      return `deployment:${d.deploymentId}`;
    case 'incident':
      return `incident:${d.incidentId}`;
    default:
      return null;
  }
}
