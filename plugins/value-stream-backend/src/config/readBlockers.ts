import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  BlockedReasonRules,
  DEFAULT_BLOCKED_REASONS,
} from '../metrics/blockedReasons';

/** `valueStream.blockedLabels` default (DESIGN §13): `blocked`, and `blocked:<reason>`. */
export const DEFAULT_BLOCKED_LABELS = ['blocked', 'blocked:*'];

/**
 * `valueStream.blockedReasons: { <category>: [<regex>…] }` (DESIGN §17), in the map's
 * order; the regexes are case-insensitive. Absent: the default categories.
 */
export function readBlockedReasons(c: Config | undefined): BlockedReasonRules {
  const raw = c?.getOptionalConfig('blockedReasons');
  if (!raw) return DEFAULT_BLOCKED_REASONS;
  return raw.keys().map(category => {
    const key = `valueStream.blockedReasons.${category}`;
    let sources: string[];
    try {
      sources = raw.getStringArray(category);
    } catch {
      throw new InputError(`${key}: expected a list of regular expressions`);
    }
    return {
      category,
      patterns: sources.map(src => {
        try {
          return new RegExp(src, 'i');
        } catch (e) {
          throw new InputError(
            `${key}: "${src}" is not a valid regular expression (${
              (e as Error).message
            })`,
          );
        }
      }),
    };
  });
}

/**
 * `valueStream.blockedLabels`: label names that block an item, exact or ending in `*`
 * (the rest of the label being the reason).
 */
export function readBlockedLabels(c: Config | undefined): string[] {
  const labels = c?.getOptionalStringArray('blockedLabels') ?? [
    ...DEFAULT_BLOCKED_LABELS,
  ];
  for (const label of labels) {
    const star = label.indexOf('*');
    if (!label || label === '*' || (star !== -1 && star !== label.length - 1))
      throw new InputError(
        `valueStream.blockedLabels: "${label}" must be a label name, optionally ending in "*"`,
      );
  }
  return labels;
}
