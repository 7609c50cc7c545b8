import { metrics } from '../../__fixtures__';
import { changeOf, targetOf, trendOf } from './metricTrends';

describe('changeOf', () => {
  it('gives the relative change and whether it is better', () => {
    expect(changeOf(5, 4, 'lower')).toEqual({
      direction: 'up',
      improved: false,
      text: '▲ 25%',
      description: 'up 25% on the previous period',
    });
    expect(changeOf(3, 4, 'lower')).toMatchObject({
      direction: 'down',
      improved: true,
      text: '▼ 25%',
    });
    expect(changeOf(0.5, 0.4, 'higher')).toMatchObject({
      improved: true,
      text: '▲ 25%',
    });
    expect(changeOf(6, 4, 'neutral')).toMatchObject({
      improved: null,
      text: '▲ 50%',
    });
  });

  it('says "no change", "new", or nothing', () => {
    expect(changeOf(4, 4, 'lower')?.text).toBe('no change');
    expect(changeOf(4, null, 'lower')?.text).toBe('new');
    expect(changeOf(null, 4, 'lower')).toBeUndefined();
    // from 0: the absolute difference
    expect(changeOf(2, 0, 'higher')).toMatchObject({
      text: '▲ 2',
      improved: true,
    });
  });
});

describe('targets and trends of a metrics answer', () => {
  const p50 = metrics.flow.cycleTime!.p50;
  const withTargets = {
    ...metrics,
    targets: { cycleTimeP50Days: p50 / 86_400 + 1, flowEfficiency: 0.99 },
  };

  it('meets a duration target at or under it, a share at or over it', () => {
    expect(targetOf('cycle-time-p50', withTargets)?.met).toBe(true);
    expect(targetOf('cycle-time-p50', withTargets)?.text).toMatch(/^target ≤ /);
    expect(targetOf('flow-efficiency', withTargets)).toEqual({
      met: false,
      text: 'target ≥ 99%',
    });
    expect(targetOf('load', withTargets)).toBeUndefined();
    expect(targetOf('throughput', metrics)).toBeUndefined();
  });

  it('compares against previous only when it is there', () => {
    expect(trendOf('cycle-time-p50', metrics)).toBeUndefined();
    const previous = {
      ...metrics,
      flow: {
        ...metrics.flow,
        cycleTime: { ...metrics.flow.cycleTime!, p50: p50 * 2 },
      },
    };
    expect(trendOf('cycle-time-p50', { ...metrics, previous })).toMatchObject({
      direction: 'down',
      improved: true,
      text: '▼ 50%',
    });
  });
});
