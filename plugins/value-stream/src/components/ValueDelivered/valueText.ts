import type { ValueMetrics } from '@valuestream/backstage-plugin-value-stream-common';

const round1 = (n: number) => (Math.round(n * 10) / 10).toLocaleString('en-US');

/** The value figures as the cards show them (no value → "–", never 0). */
export function valueFigures(v: ValueMetrics) {
  return {
    delivered: v.delivered.toLocaleString('en-US'),
    velocity: `${round1(v.velocity)} / week`,
    efficiency: v.efficiency === null ? '–' : `${round1(v.efficiency)} / day`,
    valuedShare:
      v.valuedShare === null ? '–' : `${Math.round(v.valuedShare * 100)} %`,
    unvalued:
      v.unvalued === 0
        ? 'every done item has a value'
        : `${v.unvalued} done ${
            v.unvalued === 1 ? 'item has' : 'items have'
          } no value (not counted)`,
  };
}
