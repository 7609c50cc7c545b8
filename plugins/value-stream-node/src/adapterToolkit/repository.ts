/** `owner/name`, or `group/subgroup/name`: the form of a repository in canonical events. */
const REPOSITORY = /^[^/\s]+(\/[^/\s]+)+$/;

/**
 * True for a repository as canonical events name it (`owner/name`, `group/sub/name`).
 * @public
 */
export function isRepositorySlug(value: string): boolean {
  return REPOSITORY.test(value);
}

/**
 * `owner/name` (or `group/subgroup/name`) of a Git URL: `https://github.com/foo/bar.git`,
 * `git@gitlab.com:foo/bar.git`, `ssh://git@host/foo/bar`. Anything else (a Helm or OCI
 * chart repository, a bare name) → undefined.
 * @public
 */
export function repositoryFromGitUrl(
  url: string | null | undefined,
): string | undefined {
  if (!url) return undefined;
  const m =
    /^(?:https?|ssh|git):\/\/[^/]+\/(.+?)(?:\.git)?\/?$/.exec(url) ??
    /^[\w.-]+@[\w.-]+:(?!\/)(.+?)(?:\.git)?\/?$/.exec(url);
  const path = m?.[1];
  return path && isRepositorySlug(path) ? path : undefined;
}
