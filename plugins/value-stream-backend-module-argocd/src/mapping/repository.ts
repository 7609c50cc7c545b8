/**
 * `owner/name` (or `group/subgroup/name`) of a Git URL as Argo CD stores it in
 * `repoURL`: `https://github.com/foo/bar.git`, `git@gitlab.com:foo/bar.git`,
 * `ssh://git@host/foo/bar`. Anything else (Helm and OCI chart repositories) → undefined.
 * @internal
 */
export function repositoryFromUrl(
  url: string | null | undefined,
): string | undefined {
  if (!url) return undefined;
  const m =
    /^(?:https?|ssh|git):\/\/[^/]+\/(.+?)(?:\.git)?\/?$/.exec(url) ??
    /^[\w.-]+@[\w.-]+:(?!\/)(.+?)(?:\.git)?\/?$/.exec(url);
  const path = m?.[1];
  return path && path.includes('/') ? path : undefined;
}
