import type { MetricsResponse } from '@valuestream/backstage-plugin-value-stream-common';
import type { Window } from '../journeys/types';
import { previousWindow } from '../metrics/organisation';
import type { MetricsService } from './MetricsService';

/** One window's answer: the §8 shape (without its own `previous`) plus `extra`. */
type Read<E> = Omit<MetricsResponse, 'previous'> & E;

/**
 * A metrics read (entity, group or system) with the entities' targets and, when
 * `compare` is set, `previous`: the same response for the window of equal length before
 * (DESIGN §15, §17). `extra` (e.g. `entityRefs`) goes into both.
 */
export async function readMetrics<E extends Partial<MetricsResponse>>(options: {
  metrics: MetricsService;
  entityRef: string;
  entityRefs: string[];
  window: Window;
  compare: boolean;
  extra?: E;
}): Promise<Read<E> & { previous?: Read<E> }> {
  const { metrics, entityRef, entityRefs, window, compare, extra } = options;
  const targets = metrics.targetsOf(entityRefs);
  const decorate = (r: MetricsResponse): Read<E> => ({
    ...r,
    ...(extra as E),
    ...(targets ? { targets } : {}),
  });
  const [current, previous] = await Promise.all([
    metrics.metrics(entityRef, entityRefs, window),
    compare
      ? metrics.metrics(entityRef, entityRefs, previousWindow(window))
      : undefined,
  ]);
  return {
    ...decorate(current),
    ...(previous ? { previous: decorate(previous) } : {}),
  };
}
