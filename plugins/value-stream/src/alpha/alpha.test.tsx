import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import plugin from '../alpha';
import { valueStreamApiRef } from '../api';
import {
  bareEntity,
  createMockApi,
  paymentsEntity,
  teamEntity,
} from '../testUtils/mockApi';
import { valueStreamEntityContent } from './entityContent';
import { valueStreamTeamCard } from './entityCards';

describe('value-stream /alpha', () => {
  it('is a frontend plugin with the API, the tab and the team card', () => {
    expect(plugin.id).toBe('value-stream');
    expect(plugin.getExtension('api:value-stream')).toBeDefined();
    expect(plugin.getExtension('entity-content:value-stream')).toBeDefined();
    expect(plugin.getExtension('entity-card:value-stream/team')).toBeDefined();
  });

  it('adds the "Value Stream" tab at /value-stream to annotated components and systems', () => {
    const tester = createExtensionTester(valueStreamEntityContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('/value-stream');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Value Stream',
    );
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(filter(paymentsEntity)).toBe(true);
    expect(filter({ ...paymentsEntity, kind: 'System' })).toBe(true);
    expect(filter(bareEntity)).toBe(false);
    expect(filter({ ...teamEntity, metadata: paymentsEntity.metadata })).toBe(
      false,
    );
  });

  it('renders the tab content through the extension', async () => {
    const tester = createExtensionTester(valueStreamEntityContent);
    await renderInTestApp(
      <TestApiProvider apis={[[valueStreamApiRef, createMockApi()]]}>
        <EntityProvider entity={paymentsEntity}>
          {tester.reactElement()}
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(await screen.findByTestId('lane-count-Backlog')).toHaveTextContent(
      '3',
    );
  });

  it('shows the team card on groups only', async () => {
    const tester = createExtensionTester(valueStreamTeamCard);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    const expression = tester.get(
      EntityCardBlueprint.dataRefs.filterExpression,
    );
    // the blueprint turns the { kind: 'group' } predicate into one of these
    expect(filter?.(teamEntity) ?? expression).toBeTruthy();
    await renderInTestApp(
      <TestApiProvider apis={[[valueStreamApiRef, createMockApi()]]}>
        <EntityProvider entity={teamEntity}>
          {tester.reactElement()}
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(
      await screen.findByTestId('value-stream-team-card'),
    ).toBeInTheDocument();
    expect(await screen.findByText('4.7 / week')).toBeInTheDocument();
  });
});
