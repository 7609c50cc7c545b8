import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { valueStreamApiRef } from '../../api';
import { createMockApi } from '../../testUtils/mockApi';
import { OrganisationView } from './OrganisationPage';

const render = async (api = createMockApi()) => {
  await renderInTestApp(
    <TestApiProvider apis={[[valueStreamApiRef, api]]}>
      <OrganisationView />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return api;
};

describe('OrganisationView', () => {
  it('lists every group with its roll-up, the change and links to team and services', async () => {
    const api = await render();
    const rows = await screen.findAllByTestId('organisation-group');
    expect(rows.map(r => r.getAttribute('data-group'))).toEqual([
      'group:default/engineering',
      'group:default/team-payments',
      'group:default/team-web',
    ]);
    const pay = rows[1];
    // 20 done in 30 days = 4.7 / week, against 16 before: ▲ 25%
    expect(within(pay).getByTestId('group-throughput')).toHaveTextContent(
      '4.7 / week▲ 25%',
    );
    // value delivered 360 against 300 before: ▲ 20%
    expect(within(pay).getByTestId('group-value-delivered')).toHaveTextContent(
      '360▲ 20%',
    );
    // cycle time p50 2 d against 3 d: ▼ 33%, better
    expect(within(pay).getByTestId('group-cycle-time')).toHaveTextContent(
      '▼ 33%',
    );
    expect(
      within(pay).getByRole('link', { name: 'team-payments' }),
    ).toHaveAttribute('href', '/catalog/default/group/team-payments');
    expect(
      within(pay).getByRole('link', { name: 'payments-api' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-api');
    const [window] = api.getOverview.mock.calls[0];
    expect(Date.parse(window!.to!) - Date.parse(window!.from!)).toBe(
      30 * 86_400_000,
    );
  });

  it('shows the heatmap and the top blocker categories', async () => {
    await render();
    const heatmap = await screen.findByTestId('organisation-heatmap');
    const cells = within(heatmap)
      .getAllByTestId('heatmap-row')[1]
      .querySelectorAll('[data-testid="heatmap-cell"]');
    expect([...cells].map(c => c.textContent)).toEqual([
      '50%',
      '20% · 2 alerts',
      '30%',
    ]);
    expect(screen.getByTestId('organisation-blockers')).toHaveTextContent(
      'environment: 3 days (60%)dependency: 2 days (40%)',
    );
  });

  it('filters by parent group', async () => {
    await render();
    await screen.findAllByTestId('organisation-group');
    const filter = screen.getByTestId('organisation-parent-filter');
    expect(
      within(filter)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['All groups', 'engineering']);
    fireEvent.change(filter, {
      target: { value: 'group:default/engineering' },
    });
    expect(screen.getAllByTestId('organisation-group')).toHaveLength(3);
  });

  it('reads the weekly cycle-time trend of the shown services', async () => {
    const api = await render();
    await screen.findByTestId('organisation-cycle-time-trend');
    const refs = api.getTimeseries.mock.calls.map(c => c[0]).sort();
    expect(refs).toEqual([
      'component:default/checkout-web',
      'component:default/payments-api',
    ]);
    expect(api.getTimeseries.mock.calls[0][1].metric).toBe('cycle_time');
  });
});
