import { Minimatch } from 'minimatch';

/**
 * Monorepo ownership (DESIGN §13): the paths an entity owns in its repository, from the
 * folder its `backstage.io/source-location` names or the globs of `value-stream/paths`.
 * An entity without paths owns its whole repository.
 */

/** A folder as a glob of everything in it: `services/payments/` → `services/payments/**`. */
const folderGlob = (folder: string) => `${folder.replace(/^\/+|\/+$/g, '')}/**`;

/**
 * The folder a source location names, as a glob, or null for a repository root or a URL
 * of another form. GitHub `https://github.com/o/r/tree/<ref>/<folder>/` (or `/blob/`),
 * GitLab `https://gitlab.com/g/p/-/tree/<ref>/<folder>/`; `<ref>` is one path segment.
 */
export function pathFromSourceLocation(location: string): string | null {
  const url = location.replace(/^url:/, '').split(/[?#]/)[0];
  const m = url.match(
    /^https?:\/\/[^/]+\/.+?\/(?:-\/)?(?:tree|blob)\/[^/]+\/(.+)$/,
  );
  if (!m) return null;
  let folder: string;
  try {
    folder = decodeURIComponent(m[1]);
  } catch {
    folder = m[1];
  }
  folder = folder.replace(/^\/+|\/+$/g, '');
  return folder ? folderGlob(folder) : null;
}

/** `value-stream/paths`: comma-separated globs; one ending in `/` is a folder. */
export function parsePathsAnnotation(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map(g => g.trim().replace(/^\.?\/+/, ''))
    .filter(Boolean)
    .map(g => (g.endsWith('/') ? folderGlob(g) : g));
}

/** An entity's paths: the annotation's globs, else its source location's folder. */
export function entityPaths(annotations: {
  paths?: string;
  sourceLocation?: string;
}): string[] {
  const globs = parsePathsAnnotation(annotations.paths);
  if (globs.length) return globs;
  const folder = annotations.sourceLocation
    ? pathFromSourceLocation(annotations.sourceLocation)
    : null;
  return folder ? [folder] : [];
}

/** Whether a repository-relative file matches one of the globs (dotfiles included). */
export function pathMatcher(
  globs: readonly string[],
): (file: string) => boolean {
  const matchers = globs.map(g => new Minimatch(g, { dot: true }));
  return file => {
    const f = file.replace(/^\/+/, '');
    return matchers.some(m => m.match(f));
  };
}
