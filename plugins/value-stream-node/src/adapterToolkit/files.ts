/** Most files one commit or PR carries (the canonical schema's bound, DESIGN §13). @public */
export const MAX_CHANGE_FILES = 3000;
/** Longest path kept (the store's column); longer ones are dropped. @public */
export const MAX_FILE_PATH = 500;

/**
 * The files a commit or PR touched, for monorepo ownership (DESIGN §13): the strings of
 * the given lists (GitHub and GitLab push commits' `added`, `modified`, `removed`), each
 * once, in order, at most {@link MAX_CHANGE_FILES}, paths longer than
 * {@link MAX_FILE_PATH} dropped. Undefined when none is known, so the event carries no
 * `files` and the commit's files stay unknown.
 * @public
 */
export function touchedFiles(...lists: unknown[]): string[] | undefined {
  const out = new Set<string>();
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const f of list) {
      if (out.size >= MAX_CHANGE_FILES) break;
      if (typeof f === 'string' && f && f.length <= MAX_FILE_PATH) out.add(f);
    }
  }
  return out.size ? [...out] : undefined;
}
