import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { workItemDetail } from '../../__fixtures__';
import { JourneySummary } from './JourneySummary';

describe('JourneySummary', () => {
  it('says how much of the observation is left in Monitoring (done.mode delivered)', async () => {
    await renderInTestApp(
      <JourneySummary
        item={{
          ...workItemDetail,
          stage: 'Monitoring',
          doneAt: null,
          observationEndsAt: '2026-03-10T18:00:00.000Z',
        }}
        now={Date.parse('2026-03-10T00:00:00.000Z')}
      />,
    );
    expect(
      screen.getByText(/now in Monitoring · 18 h of observation left/),
    ).toBeInTheDocument();
  });

  it('says when a correction excluded the item', async () => {
    await renderInTestApp(
      <JourneySummary item={{ ...workItemDetail, excluded: true }} />,
    );
    expect(
      screen.getByText(/excluded from metrics and lanes/),
    ).toBeInTheDocument();
  });

  it('says nothing of an observation without one', async () => {
    await renderInTestApp(<JourneySummary item={workItemDetail} />);
    expect(screen.queryByText(/observation/)).not.toBeInTheDocument();
  });
});
