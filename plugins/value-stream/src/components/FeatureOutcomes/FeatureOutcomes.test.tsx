import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { valueStreamApiRef } from '../../api';
import { value } from '../../__fixtures__';
import { createMockApi } from '../../testUtils/mockApi';
import { FeatureOutcomes } from './FeatureOutcomes';
import { formatNps, formatUptime } from './outcomeText';

const FROM = '2026-01-01T00:00:00.000Z';
const TO = '2026-02-01T00:00:00.000Z';

async function render(api = createMockApi(), onOpenItem = jest.fn()) {
  await renderInTestApp(
    <TestApiProvider apis={[[valueStreamApiRef, api]]}>
      <FeatureOutcomes
        entityRef="component:default/payments"
        from={FROM}
        to={TO}
        onOpenItem={onOpenItem}
      />
    </TestApiProvider>,
  );
  return { api, onOpenItem };
}

describe('FeatureOutcomes', () => {
  it("shows each feature's usage, NPS, uptime, incidents, tickets and score", async () => {
    const { api } = await render();
    const row = await screen.findByTestId('feature-outcome-PAY-1');
    expect(api.getValue).toHaveBeenCalledWith('component:default/payments', {
      from: FROM,
      to: TO,
    });
    const cell = (id: string) => within(row).getByTestId(id);
    expect(cell('outcome-usage')).toHaveTextContent('770');
    expect(within(row).getByText('baseline 1000')).toBeInTheDocument();
    expect(cell('outcome-nps')).toHaveTextContent('+25');
    expect(within(row).getByText('4 responses')).toBeInTheDocument();
    expect(cell('outcome-uptime')).toHaveTextContent('99.11%');
    expect(cell('outcome-incidents')).toHaveTextContent('2 · 90 min');
    expect(within(row).getByText('low, sev3')).toBeInTheDocument();
    expect(cell('outcome-tickets')).toHaveTextContent('2 opened · 1 resolved');
    expect(cell('outcome-score')).toHaveTextContent('12.7');

    const pending = screen.getByTestId('feature-outcome-PAY-3');
    expect(within(pending).getByTestId('outcome-score')).toHaveTextContent(
      'pending',
    );
    expect(within(pending).getByText('window ends 4 Feb')).toBeInTheDocument();
    expect(within(pending).getByText('1 response')).toBeInTheDocument();
    // newest first, as the API answers
    const rows = screen.getAllByTestId(/^feature-outcome-/);
    expect(rows.map(r => r.dataset.testid)).toEqual([
      'feature-outcome-PAY-3',
      'feature-outcome-PAY-1',
    ]);
  });

  it("opens a feature's journey from its row", async () => {
    const { onOpenItem } = await render();
    await userEvent.click(
      await screen.findByRole('button', {
        name: /^PAY-1 Search/,
      }),
    );
    expect(onOpenItem).toHaveBeenCalledWith('PAY-1');
    await userEvent.click(screen.getByText('99.11%'));
    expect(onOpenItem).toHaveBeenCalledTimes(2);
  });

  it('says so when no feature shipped in the range', async () => {
    await render(
      createMockApi({
        getValue: jest.fn().mockResolvedValue({ ...value, features: [] }),
      }),
    );
    expect(
      await screen.findByText('No feature reached production in this range.'),
    ).toBeInTheDocument();
  });

  it('reports a failed read with a retry', async () => {
    await render(
      createMockApi({
        getValue: jest.fn().mockRejectedValue(new Error('boom')),
      }),
    );
    expect(
      await screen.findByText(/Could not load the feature outcomes/),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});

describe('outcome formats', () => {
  it('signs the NPS and gives uptime two decimals', () => {
    expect([
      formatNps(25),
      formatNps(-40.4),
      formatNps(0),
      formatNps(null),
    ]).toEqual(['+25', '−40', '0', '—']);
    expect(formatUptime(1)).toBe('100.00%');
    expect(formatUptime(1 - 90 / 10_080)).toBe('99.11%');
  });
});
