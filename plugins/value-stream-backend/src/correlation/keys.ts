/** Finds work-item keys in commit messages, branch names and PR titles/bodies (DESIGN §4). */

const JIRA_KEY = /(?<![A-Za-z0-9_-])([A-Z][A-Z0-9]+)-(\d+)(?![A-Za-z0-9])/g;
const JIRA_KEY_ANY_CASE =
  /(?<![A-Za-z0-9_])([A-Za-z][A-Za-z0-9]+)-(\d+)(?![0-9])/g;
const QUALIFIED_REF = /(?<![\w./-])([\w.-]+\/[\w.-]+)#(\d+)\b/g;
const LOCAL_REF = /(?<![\w/#&])#(\d+)\b/g;
/** Longest key the store holds (work-item key column); longer matches are noise. */
const MAX_KEY_LENGTH = 300;
const digits = (s: string) => s.replace(/^0+(?=\d)/, '');

export interface KeyContext {
  /**
   * Project keys known for the entity (annotation `jira/project-key`) plus
   * `valueStream.workItemKeys`. When non-empty, only these prefixes count, so
   * `UTF-8` or `SHA-256` never become work items.
   */
  projectKeys: ReadonlySet<string>;
  /** `owner/name` of the repository the text comes from, for `#12` refs. */
  repository?: string | null;
}

/**
 * Keys in free text: Jira-style `PAY-123` (restricted to known project keys when any
 * are known), `owner/repo#12` and, within a repository, `#12` → `owner/repo#12`.
 */
export function extractKeys(
  text: string | null | undefined,
  ctx: KeyContext,
): string[] {
  if (!text) return [];
  const keys = new Set<string>();
  for (const m of text.matchAll(JIRA_KEY)) {
    if (ctx.projectKeys.size === 0 || ctx.projectKeys.has(m[1])) {
      keys.add(`${m[1]}-${digits(m[2])}`);
    }
  }
  for (const m of text.matchAll(QUALIFIED_REF))
    keys.add(`${m[1]}#${digits(m[2])}`);
  if (ctx.repository) {
    for (const m of text.matchAll(LOCAL_REF))
      keys.add(`${ctx.repository}#${digits(m[1])}`);
  }
  return [...keys].filter(k => k.length <= MAX_KEY_LENGTH);
}

/**
 * Keys in a branch name (`feature/pay-123-retry`): branch names are often lower
 * case, so match any case but only for known project keys.
 */
export function extractBranchKeys(
  branch: string | null | undefined,
  ctx: KeyContext,
): string[] {
  if (!branch || ctx.projectKeys.size === 0) return [];
  const keys = new Set<string>();
  for (const m of branch.matchAll(JIRA_KEY_ANY_CASE)) {
    const prefix = m[1].toUpperCase();
    if (ctx.projectKeys.has(prefix)) keys.add(`${prefix}-${digits(m[2])}`);
  }
  return [...keys].filter(k => k.length <= MAX_KEY_LENGTH);
}

/** The PR number of a squash commit whose message's first line ends in `(#123)`. */
export function squashPrNumber(message: string): number | null {
  const first = message.split('\n', 1)[0].trim();
  const m = first.match(/\(#(\d+)\)$/);
  return m ? Number(m[1]) : null;
}

/** The PR number of a GitHub merge commit: `Merge pull request #123 from …`. */
export function mergeCommitPrNumber(message: string): number | null {
  const m = message.match(/^Merge pull request #(\d+) /);
  return m ? Number(m[1]) : null;
}
