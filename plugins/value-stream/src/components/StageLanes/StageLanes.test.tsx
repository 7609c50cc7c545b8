import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { WorkItemSummary } from '@valuestream/backstage-plugin-value-stream-common';
import { metrics } from '../../__fixtures__';
import { StageLanes } from './StageLanes';

const NOW = Date.parse('2025-06-01T00:00:00.000Z');

function openItems(count: number, stage: string): WorkItemSummary[] {
  return Array.from({ length: count }, (_, i) => ({
    key: `BIG-${i + 1}`,
    title: `Item ${i + 1}`,
    itemType: 'feature',
    stage,
    // the first item entered the stage first (longest in stage)
    stageEnteredAt: new Date(NOW - (count - i) * 60_000).toISOString(),
    createdAt: '2025-05-01T00:00:00.000Z',
    startedAt: '2025-05-01T00:00:00.000Z',
    doneAt: null,
    blocked: false,
    cycleTime: null,
    activeTime: 0,
    waitTime: 0,
  }));
}

describe('StageLanes', () => {
  it('shows time in stage and opens an item by keyboard', async () => {
    const onOpen = jest.fn();
    const item = openItems(1, 'Test')[0];
    await renderInTestApp(
      <StageLanes
        metrics={metrics}
        items={[{ ...item, stageEnteredAt: '2025-05-31T18:00:00.000Z' }]}
        onOpenItem={onOpen}
        now={NOW}
      />,
    );
    const lane = screen.getByRole('region', { name: 'Test lane' });
    const card = within(lane).getByRole('button', {
      // Named by its visible text in reading order (WCAG 2.5.3), described by its stage.
      name: 'BIG-1 feature Item 1 6 h in stage',
    });
    expect(card).toHaveAccessibleDescription('In Test. Opens its journey.');
    card.focus();
    await userEvent.keyboard('{Enter}');
    expect(onOpen).toHaveBeenCalledWith('BIG-1');
  });

  it('shows the remaining observation of a Monitoring item (done.mode delivered)', async () => {
    const item = openItems(1, 'Monitoring')[0];
    await renderInTestApp(
      <StageLanes
        metrics={metrics}
        items={[
          {
            ...item,
            stageEnteredAt: '2025-05-31T18:00:00.000Z',
            // deployed at 18:00 yesterday + 24 h of observation
            observationEndsAt: '2025-06-01T18:00:00.000Z',
          },
        ]}
        onOpenItem={jest.fn()}
        now={NOW}
      />,
    );
    const lane = screen.getByRole('region', { name: 'Monitoring lane' });
    const card = within(lane).getByRole('button', {
      name: 'BIG-1 feature Item 1 6 h in stage 18 h of observation left',
    });
    expect(card).toHaveAccessibleDescription(
      'In Monitoring. Opens its journey.',
    );
    expect(card).toHaveTextContent('18 h of observation left');
  });

  describe('with 2,000 open items in one lane', () => {
    const heights = jest.spyOn(HTMLElement.prototype, 'clientHeight', 'get');
    beforeEach(() => heights.mockReturnValue(480));
    afterAll(() => heights.mockRestore());

    it('mounts only the visible cards but keeps the full count', async () => {
      const items = openItems(2000, 'Backlog');
      await renderInTestApp(
        <StageLanes
          metrics={{
            ...metrics,
            stages: metrics.stages.map(s =>
              s.name === 'Backlog' ? { ...s, wip: 2000 } : s,
            ),
          }}
          items={items}
          onOpenItem={jest.fn()}
          now={NOW}
        />,
      );
      expect(screen.getByTestId('lane-count-Backlog')).toHaveTextContent(
        '2000',
      );
      const list = screen.getByRole('list', { name: 'Backlog items' });
      const rows = within(list).getAllByRole('listitem');
      expect(rows.length).toBeGreaterThan(3);
      expect(rows.length).toBeLessThan(30);
      expect(rows[0]).toHaveAttribute('aria-setsize', '2000');
      expect(within(list).getByTestId('work-item-BIG-1')).toBeInTheDocument();
      expect(within(list).queryByTestId('work-item-BIG-2000')).toBeNull();
    });
  });
});
