import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { valueStreamApiRef } from '../../api';
import { createMockApi } from '../../testUtils/mockApi';
import { AlertHistory } from './AlertHistory';

describe('AlertHistory', () => {
  it('summarises the range, lists the resolved alerts with their time to resolve and opens an item', async () => {
    const api = createMockApi();
    const onOpenItem = jest.fn();
    await renderInTestApp(
      <TestApiProvider apis={[[valueStreamApiRef, api]]}>
        <AlertHistory
          entityRef="component:default/payments"
          from="2026-11-04T00:00:00.000Z"
          to="2026-11-16T00:00:00.000Z"
          onOpenItem={onOpenItem}
        />
      </TestApiProvider>,
    );
    expect(
      await screen.findByTestId('alert-history-summary'),
    ).toHaveTextContent(/3 opened and 2 resolved in the range/);
    expect(api.getAlertHistory).toHaveBeenCalledWith(
      'component:default/payments',
      { from: '2026-11-04T00:00:00.000Z', to: '2026-11-16T00:00:00.000Z' },
    );
    expect(
      screen.getByRole('figure', {
        name: 'Alerts opened and resolved per week',
      }),
    ).toBeInTheDocument();
    const rows = screen.getAllByTestId('resolved-alert');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('item stuck · Code Review');
    expect(rows[0]).toHaveTextContent('4 days');
    expect(rows[1]).toHaveTextContent('wip spike · Test');
    expect(rows[1]).toHaveTextContent('2 h');
    await userEvent.click(
      within(rows[0]).getByRole('button', { name: 'PAY-90' }),
    );
    expect(onOpenItem).toHaveBeenCalledWith('PAY-90');
  });
});
