import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { valueStreamApiRef } from '../../api';
import { dataHealth } from '../../__fixtures__';
import { createMockApi } from '../../testUtils/mockApi';
import { DataHealthCard } from './DataHealthCard';
import { weakestServices } from './healthFigures';
import { WeakestServices } from './WeakestServices';

describe('DataHealthCard', () => {
  it('shows the linked shares and each warning with its fix', async () => {
    const api = createMockApi({
      getDataHealth: jest.fn().mockResolvedValue(dataHealth),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[valueStreamApiRef, api]]}>
        <DataHealthCard entityRef="component:default/payments" />
      </TestApiProvider>,
    );
    expect(await screen.findByTestId('health-commits')).toHaveTextContent(
      '16 of 40 commits name a work item',
    );
    expect(screen.getByTestId('health-deployments')).toHaveTextContent(
      '9 of 9 deployments carry commits',
    );
    const warnings = screen.getAllByTestId('data-health-warning');
    expect(warnings.map(w => w.textContent)).toEqual([
      '60 % of commits name no work item: put the key in the branch name or the PR title',
      'pagerduty sent nothing in the last 30 days though pagerduty.com/service-id is set: check its webhook deliveries and secret, or re-run the history import',
    ]);
    expect(api.getDataHealth).toHaveBeenCalledWith(
      'component:default/payments',
    );
  });

  it('says when there is nothing to fix', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[valueStreamApiRef, createMockApi()]]}>
        <DataHealthCard entityRef="component:default/payments" />
      </TestApiProvider>,
    );
    expect(await screen.findByTestId('data-health-ok')).toBeInTheDocument();
  });
});

describe('weakestServices', () => {
  const health = (entityRef: string, n: number) => ({
    ...dataHealth,
    entityRef,
    warnings: dataHealth.warnings.concat(dataHealth.warnings).slice(0, n),
  });
  it('puts the services with most warnings first and leaves healthy ones out', () => {
    const list = weakestServices([
      health('component:default/a', 1),
      health('component:default/b', 0),
      health('component:default/c', 3),
      health('component:default/d', 1),
      health('component:default/e', 2),
    ]);
    expect(list.map(h => h.entityRef)).toEqual([
      'component:default/c',
      'component:default/e',
      'component:default/a',
    ]);
  });

  it('lists the weakest services of a group with their first fix', async () => {
    const api = createMockApi({
      getDataHealth: jest
        .fn()
        .mockImplementation(async (ref: string) =>
          ref.endsWith('checkout')
            ? { ...dataHealth, warnings: [] }
            : dataHealth,
        ),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[valueStreamApiRef, api]]}>
        <WeakestServices
          entityRefs={[
            'component:default/payments',
            'component:default/checkout',
          ]}
        />
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    const rows = await screen.findAllByTestId('team-weak-service');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('payments · 2 warnings');
    expect(rows[0]).toHaveTextContent('60 % of commits name no work item');
  });
});
