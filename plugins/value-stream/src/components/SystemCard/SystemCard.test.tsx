import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { valueStreamApiRef } from '../../api';
import { createMockApi } from '../../testUtils/mockApi';
import { SystemCard } from './SystemCard';

const system = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'payments-platform', namespace: 'default' },
  spec: { owner: 'team-payments' },
};

describe('SystemCard', () => {
  it("rolls up the system's components against the previous 30 days", async () => {
    const api = createMockApi();
    await renderInTestApp(
      <TestApiProvider apis={[[valueStreamApiRef, api]]}>
        <EntityProvider entity={system}>
          <SystemCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    const card = await screen.findByTestId('value-stream-system-card');
    expect(await within(card).findByText('4.7 / week')).toBeInTheDocument();
    expect(within(card).getByText('payments')).toBeInTheDocument();
    const [ref, query] = api.getSystemMetrics.mock.calls[0];
    expect(ref).toBe('system:default/payments-platform');
    expect(query?.compare).toBe('previous');
    expect(Date.parse(query!.to!) - Date.parse(query!.from!)).toBe(
      30 * 86_400_000,
    );
  });
});
