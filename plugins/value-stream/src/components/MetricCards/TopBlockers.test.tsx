import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { emptyMetrics, metrics } from '../../__fixtures__';
import { TopBlockers } from './TopBlockers';
import { topBlockers } from './topBlockers';

describe('topBlockers', () => {
  it('orders categories by blocked time, keeps the top ones, with shares', () => {
    expect(
      topBlockers(
        {
          total: 100,
          byReason: { other: 10, review: 20, dependency: 50, external: 20 },
        },
        3,
      ),
    ).toEqual([
      { category: 'dependency', seconds: 50, share: 0.5 },
      // A tie: by name.
      { category: 'external', seconds: 20, share: 0.2 },
      { category: 'review', seconds: 20, share: 0.2 },
    ]);
    expect(topBlockers({ total: 0, byReason: {} })).toEqual([]);
  });
});

describe('TopBlockers', () => {
  it('lists the categories from the metrics', async () => {
    await renderInTestApp(<TopBlockers metrics={metrics} />);
    // 216000 s = 2.5 days; 126000 s = 1.46 days (58%), 54000 s = 15 h (25%), 36000 s = 10 h (17%)
    expect(screen.getByTestId('top-blockers').textContent).toBe(
      'Top blockers (2.5 days blocked): dependency 1.5 days (58%) · environment 15 h (25%) · requirements 10 h (17%)',
    );
  });

  it('says when nothing was blocked', async () => {
    await renderInTestApp(<TopBlockers metrics={emptyMetrics} />);
    expect(screen.getByTestId('top-blockers').textContent).toBe(
      'No blocked time in the items done in range.',
    );
  });
});
