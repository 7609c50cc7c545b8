import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { metrics, timeseries } from '../../__fixtures__';
import { CumulativeFlowChart } from './CumulativeFlowChart';

const stages = metrics.stages.map(s => s.name);

describe('CumulativeFlowChart value overlay', () => {
  it('is off at first and, switched on, adds the value delivered over the range', async () => {
    await renderInTestApp(
      <CumulativeFlowChart
        series={timeseries.cfd}
        stages={stages}
        valueSeries={timeseries.value}
      />,
    );
    const chart = screen.getByRole('figure', { name: 'Cumulative flow' });
    expect(chart).not.toHaveTextContent('Value delivered over the range');
    await userEvent.click(
      screen.getByRole('switch', { name: 'Value overlay' }),
    );
    // timeseries.json `value`: 0, 40, 40 at the three day boundaries
    expect(chart).toHaveTextContent('Value delivered over the range: 40.');
  });

  it('has no toggle without a value series', async () => {
    await renderInTestApp(
      <CumulativeFlowChart series={timeseries.cfd} stages={stages} />,
    );
    expect(screen.queryByRole('switch')).not.toBeInTheDocument();
  });
});
