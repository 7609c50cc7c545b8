import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { valueStreamApiRef } from '../../api';
import { metrics } from '../../__fixtures__';
import { createMockApi } from '../../testUtils/mockApi';
import { ValueDelivered } from './ValueDelivered';

const FROM = '2026-11-01T00:00:00.000Z';
const TO = '2026-12-01T00:00:00.000Z';

async function render(value = metrics.value, api = createMockApi()) {
  await renderInTestApp(
    <TestApiProvider apis={[[valueStreamApiRef, api]]}>
      <ValueDelivered
        entityRef="component:default/payments"
        value={value}
        from={FROM}
        to={TO}
      />
    </TestApiProvider>,
  );
  return api;
}

const figure = (id: string) =>
  within(screen.getByTestId(`metric-${id}`)).getByTestId('metric-value');

describe('ValueDelivered', () => {
  it('shows value delivered, velocity, efficiency and valued share, and counts unvalued items apart', async () => {
    const api = await render();
    expect(figure('value-delivered')).toHaveTextContent('245');
    expect(figure('value-velocity')).toHaveTextContent('57.2 / week');
    expect(figure('value-efficiency')).toHaveTextContent('8.5 / day');
    expect(figure('value-share')).toHaveTextContent('75 %');
    expect(
      screen.getByText('2 done items have no value (not counted)'),
    ).toBeInTheDocument();
    expect(api.getIterations).toHaveBeenCalledWith(
      'component:default/payments',
      { from: FROM, to: TO },
    );
  });

  it('draws delivered vs planned per iteration and says it in words', async () => {
    await render();
    const chart = await screen.findByRole('figure', {
      name: 'Value delivered vs planned per iteration',
    });
    expect(chart).toHaveTextContent(
      'Sprint 41: 190 of 230 planned delivered (4 of 5 items, 1 added, 1 carried over)',
    );
    expect(chart).toHaveTextContent('Sprint 42: 85 of 180 planned delivered');
  });

  it('without valued items shows dashes, not zeros, and no iteration chart data', async () => {
    await render(
      {
        delivered: 0,
        velocity: 0,
        efficiency: null,
        valuedShare: null,
        valued: 0,
        unvalued: 0,
      },
      createMockApi({
        getIterations: jest.fn().mockResolvedValue({ items: [] }),
      }),
    );
    expect(figure('value-efficiency')).toHaveTextContent('–');
    expect(figure('value-share')).toHaveTextContent('–');
    expect(
      await screen.findByText(
        'No sprint, milestone or iteration in this range.',
      ),
    ).toBeInTheDocument();
  });
});
