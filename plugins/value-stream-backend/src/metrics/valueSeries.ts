import type { TimeseriesInterval } from '@valuestream/backstage-plugin-value-stream-common';
import type { Window } from '../journeys/types';
import { iso } from './time';
import { boundaries } from './timeseries';
import type { ValuedItem } from './value';

/**
 * The `value` time series (DESIGN §14, the cumulative flow's value overlay): at each
 * boundary `t` in `(from, to]` (as `cfd`), the value delivered in `[from, t)`: Σ value of
 * the items whose last Done is in it. Items without a value add nothing.
 *
 * @internal
 */
export function valueDeliveredSeries(
  items: readonly ValuedItem[],
  window: Window,
  interval: TimeseriesInterval = 'day',
): { t: string; value: number }[] {
  const done = items
    .filter(
      i =>
        i.value !== null &&
        i.doneAt !== null &&
        i.doneAt >= window.from &&
        i.doneAt < window.to,
    )
    .sort((a, b) => a.doneAt! - b.doneAt!);
  let next = 0;
  let sum = 0;
  return boundaries(window, interval).map(t => {
    while (next < done.length && done[next].doneAt! < t)
      sum += done[next++].value!;
    return { t: iso(t), value: sum };
  });
}
