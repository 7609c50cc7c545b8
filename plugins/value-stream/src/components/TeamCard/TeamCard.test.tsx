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
import { createMockApi, teamEntity } from '../../testUtils/mockApi';
import { processesNote, TeamCard } from './TeamCard';
import { worstStages } from './worstStages';
import { groupMetrics } from '../../__fixtures__';

describe('TeamCard', () => {
  it('renders the roll-up, worst bottlenecks and the entities summed up', async () => {
    const api = createMockApi();
    await renderInTestApp(
      <TestApiProvider apis={[[valueStreamApiRef, api]]}>
        <EntityProvider entity={teamEntity}>
          <TeamCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    const card = await screen.findByTestId('value-stream-team-card');
    expect(await within(card).findByText('4.7 / week')).toBeInTheDocument();
    expect(within(card).getByTestId('metric-load')).toHaveTextContent('7');
    expect(
      within(card).getByTestId('metric-change-failure-rate'),
    ).toHaveTextContent('14%');
    // groupMetrics.json: value delivered 410, 95.67 per week
    expect(
      within(card).getByTestId('metric-value-delivered'),
    ).toHaveTextContent('Value delivered41095.7 / week');
    const bottlenecks = within(card).getAllByTestId('team-bottleneck');
    expect(bottlenecks.map(b => b.textContent)).toEqual([
      'Code Review: 2 / 2 in progressBottleneck',
      'In Progress: 4 / 5 in progressWarning',
    ]);
    expect(await within(card).findByText('payments')).toBeInTheDocument();
    expect(within(card).getByText('checkout')).toBeInTheDocument();
    const [groupRef, window] = api.getGroupMetrics.mock.calls[0];
    expect(groupRef).toBe('group:default/team-payments');
    expect(window?.from).toBeDefined();
  });
});

describe('TeamCard across profiles', () => {
  it('says when its services use different profiles', async () => {
    const api = createMockApi();
    api.getGroupMetrics.mockResolvedValue({
      ...groupMetrics,
      entityRefs: [
        'component:default/payments',
        'component:default/checkout',
        'component:default/mobile',
      ],
      profiles: ['default', 'product-flow'],
      stagesByCategory: true,
      stages: [
        {
          name: 'Active',
          category: 'active',
          wip: 6,
          wipLimit: null,
          meanTimeInStage: 3600,
          status: 'warning',
        },
      ],
    });
    await renderInTestApp(
      <TestApiProvider apis={[[valueStreamApiRef, api]]}>
        <EntityProvider entity={teamEntity}>
          <TeamCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(await screen.findByTestId('team-profiles-note')).toHaveTextContent(
      '3 services, 2 processes: stages shown by category',
    );
    expect(screen.getByTestId('team-bottleneck')).toHaveTextContent(
      'Active: 6 in progress',
    );
  });

  it('words the note for one service and one process', () => {
    expect(processesNote(1, 1)).toBe(
      '1 service, 1 process: stages shown by category',
    );
  });
});

describe('worstStages', () => {
  it('puts bottlenecks first, then warnings by WIP, and drops healthy stages', () => {
    expect(worstStages(groupMetrics.stages).map(s => s.name)).toEqual([
      'Code Review',
      'In Progress',
    ]);
  });
});
