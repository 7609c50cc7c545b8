import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { emptyMetrics, metrics, timeseries } from '../../__fixtures__';
import { LeadTimeBreakdownChart } from './LeadTimeBreakdownChart';

describe('LeadTimeBreakdownChart', () => {
  it('names the parts and their medians over the range for screen readers', async () => {
    await renderInTestApp(
      <LeadTimeBreakdownChart
        series={timeseries.lead_time_breakdown}
        breakdown={metrics.dora.leadTimeBreakdown}
      />,
    );
    const chart = screen.getByRole('figure', {
      name: 'Lead time breakdown per week',
    });
    // 9 changes over the five weeks; p50s 64800, 10800, 7200 and 43200 s
    expect(chart).toHaveTextContent('of the 9 changes deployed in each week');
    expect(chart).toHaveTextContent(
      'Medians over the range: coding 18 h, pickup 3 h, review 2 h, deploy 12 h.',
    );
  });

  it('says so when no change was deployed', async () => {
    await renderInTestApp(
      <LeadTimeBreakdownChart
        series={{ ...timeseries.lead_time_breakdown, points: [] }}
        breakdown={emptyMetrics.dora.leadTimeBreakdown}
      />,
    );
    expect(screen.getByText('No data in this range.')).toBeInTheDocument();
  });
});
