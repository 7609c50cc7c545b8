import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { metrics } from '../../__fixtures__';
import { MetricCards } from './MetricCards';

describe('metric cards with a previous period and targets', () => {
  it('show the change arrow and the target', async () => {
    const p50 = metrics.flow.cycleTime!.p50;
    await renderInTestApp(
      <MetricCards
        metrics={{
          ...metrics,
          targets: { cycleTimeP50Days: (2 * p50) / 86_400 },
          previous: {
            ...metrics,
            flow: {
              ...metrics.flow,
              cycleTime: { ...metrics.flow.cycleTime!, p50: p50 / 2 },
            },
          },
        }}
      />,
    );
    const card = screen.getByTestId('metric-cycle-time-p50');
    expect(within(card).getByTestId('metric-change')).toHaveTextContent(
      '▲ 100% vs previous',
    );
    expect(within(card).getByTestId('metric-target').textContent).toMatch(
      /^target ≤ .+ ✓$/,
    );
    expect(
      within(screen.getByTestId('metric-load')).queryByTestId('metric-target'),
    ).toBeNull();
  });

  it('show neither without previous or targets', async () => {
    await renderInTestApp(<MetricCards metrics={metrics} />);
    expect(screen.queryAllByTestId('metric-change')).toHaveLength(0);
  });
});
