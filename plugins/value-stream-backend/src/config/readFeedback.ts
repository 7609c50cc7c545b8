import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** `valueStream.feedback` (DESIGN §14, §17): how long a feature's outcome is observed. */
export interface FeedbackConfig {
  /** Days after the first production deployment that make a feature's outcome window. */
  windowDays: number;
}

/** `valueStream.feedback` default: a 7-day window. */
export const DEFAULT_FEEDBACK: FeedbackConfig = { windowDays: 7 };

/** Reads `valueStream.feedback`; absent keys take the defaults. */
export function readFeedback(c: Config | undefined): FeedbackConfig {
  const raw = c?.getOptional('windowDays');
  if (raw === undefined) return { ...DEFAULT_FEEDBACK };
  if (typeof raw !== 'number' || !Number.isFinite(raw) || raw <= 0) {
    throw new InputError(
      'valueStream.feedback.windowDays: expected a number of days greater than 0',
    );
  }
  return { windowDays: raw };
}
