import { z } from 'zod';
import { TARGET_KEYS } from '../metrics/targets';

const target = (max?: number) => {
  const n = z
    .number({ error: 'expected a number' })
    .min(0, { error: 'expected a number ≥ 0' });
  return (
    max === undefined
      ? n
      : n.max(max, { error: 'expected a share from 0 to 1' })
  ).optional();
};

/**
 * `valueStream.targets` (DESIGN §15): the metric cards' targets; unknown keys are
 * refused with the list of known ones.
 */
export const targetsSchema = z.strictObject(
  Object.fromEntries(
    Object.entries(TARGET_KEYS).map(([key, rule]) => [key, target(rule.max)]),
  ),
  {
    error: issue =>
      issue.code === 'unrecognized_keys'
        ? `unknown target; expected one of ${Object.keys(TARGET_KEYS).join(
            ', ',
          )}`
        : 'expected a map of targets',
  },
);
