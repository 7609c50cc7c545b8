/**
 * `valueStream.blockedReasons` (DESIGN §13, §17): category → case-insensitive regexes,
 * tried in the map's order; the first match wins. A reason matching none, or no
 * reason, is `other`. Categories are computed at read time, so changing the rules
 * needs no journey rebuild.
 *
 * @internal
 */
export type BlockedReasonRules = ReadonlyArray<{
  category: string;
  patterns: readonly RegExp[];
}>;

/** @internal */
export const OTHER_CATEGORY = 'other';

const rule = (category: string, ...sources: string[]) => ({
  category,
  patterns: sources.map(src => new RegExp(src, 'i')),
});

/** @internal */
export const DEFAULT_BLOCKED_REASONS: BlockedReasonRules = [
  rule(
    'dependency',
    '\\bdepend',
    '\\bwaiting (on|for) .*\\b(team|squad|api|service)\\b',
    '\\bblocked by [A-Z]+-\\d+',
    '\\bupstream\\b',
  ),
  rule('review', '\\breview', '\\bapproval\\b', '\\bsign[- ]?off\\b'),
  rule(
    'environment',
    '\\benv(ironment)?\\b',
    '\\binfra',
    '\\b(staging|prod(uction)?|ci|pipeline|cluster|server)\\b.*\\b(down|broken|unavailable|outage|red)\\b',
    '\\boutage\\b',
  ),
  rule(
    'requirements',
    '\\brequirement',
    '\\bspec(ification)?\\b',
    '\\bunclear\\b',
    '\\bclarif',
    '\\bacceptance criteria\\b',
    '\\bdecision\\b',
  ),
  rule(
    'external',
    '\\bexternal\\b',
    '\\bvendor',
    '\\bcustomer',
    '\\bthird[- ]party\\b',
    '\\bsupplier',
  ),
];

/**
 * The category of a blocking reason.
 *
 * @internal
 */
export function categorise(
  reason: string | null | undefined,
  rules: BlockedReasonRules,
): string {
  if (!reason) return OTHER_CATEGORY;
  const hit = rules.find(r => r.patterns.some(p => p.test(reason)));
  return hit ? hit.category : OTHER_CATEGORY;
}
