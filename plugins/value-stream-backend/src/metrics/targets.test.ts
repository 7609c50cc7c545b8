import { metricTargets } from './targets';

describe('metricTargets', () => {
  it('keeps the known numeric targets', () => {
    expect(
      metricTargets({
        flowEfficiency: 0.4,
        cycleTimeP85Days: 5,
        note: 'x',
        throughputPerWeek: '3',
      }),
    ).toEqual({ flowEfficiency: 0.4, cycleTimeP85Days: 5 });
    expect(metricTargets({})).toBeUndefined();
  });
});
