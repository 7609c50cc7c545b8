import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** When an item enters Done (DESIGN §13 "Done", §17 "Delivered Done"). */
export interface DoneConfig {
  /** `tracker`: when the tracker says so; `delivered`: closed and deployed, then observed. */
  mode: 'tracker' | 'delivered';
  /** Hours a delivered item stays in observation after its production deployment. */
  observationHours: number;
}

/** `valueStream.done` default: the tracker decides; 24 h of observation when delivered. */
export const DEFAULT_DONE: DoneConfig = {
  mode: 'tracker',
  observationHours: 24,
};

const MODES: readonly DoneConfig['mode'][] = ['tracker', 'delivered'];

/**
 * Reads a `done` block (`valueStream.done`, or a profile's `done`); `key` names it in
 * the messages. Absent keys take the defaults.
 */
export function readDone(
  c: Config | undefined,
  key = 'valueStream.done',
): DoneConfig {
  if (!c) return { ...DEFAULT_DONE };
  const mode = c.getOptionalString('mode') ?? DEFAULT_DONE.mode;
  if (!MODES.includes(mode as DoneConfig['mode'])) {
    throw new InputError(
      `${key}.mode: "${mode}" must be one of ${MODES.join(', ')}`,
    );
  }
  let hours: unknown;
  try {
    hours = c.getOptionalNumber('observationHours');
  } catch {
    hours = c.getOptional('observationHours');
  }
  hours ??= DEFAULT_DONE.observationHours;
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0) {
    throw new InputError(
      `${key}.observationHours: expected a number of hours, 0 or more`,
    );
  }
  return { mode: mode as DoneConfig['mode'], observationHours: hours };
}

/** Whether a done config is the default (then it leaves the journey fingerprint as it was). */
export const isDefaultDone = (d: DoneConfig) =>
  d.mode === DEFAULT_DONE.mode &&
  d.observationHours === DEFAULT_DONE.observationHours;
