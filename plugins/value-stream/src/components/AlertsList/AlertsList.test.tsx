import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Alert } from '@valuestream/backstage-plugin-value-stream-common';
import { AlertsList } from './AlertsList';

const stuck = (n: number): Alert => ({
  id: `s${n}`,
  rule: 'item_stuck',
  severity: 'warning',
  stage: 'Code Review',
  workItemKey: `PAY-${n}`,
  message: `PAY-${n} has been in Code Review for ${n} days`,
  detectedAt: `2026-11-0${n}T00:00:00.000Z`,
});

const alerts: Alert[] = [
  ...[1, 2, 3, 4, 5].map(stuck),
  {
    id: 'w1',
    rule: 'wip_over_limit',
    severity: 'critical',
    stage: 'Test',
    message: 'Test has been over its WIP limit (2) for 3 days',
    detectedAt: '2026-11-01T00:00:00.000Z',
  },
];

describe('AlertsList', () => {
  it('groups alerts by rule and stage, most severe group first, with a count', async () => {
    await renderInTestApp(
      <AlertsList alerts={alerts} onOpenItem={jest.fn()} />,
    );
    const groups = screen.getAllByTestId('alert-group');
    expect(groups.map(g => g.getAttribute('data-rule'))).toEqual([
      'wip_over_limit',
      'item_stuck',
    ]);
    expect(
      within(groups[1]).getByRole('heading', {
        name: 'item stuck · Code Review',
      }),
    ).toBeInTheDocument();
    expect(
      within(groups[1]).getByTestId('alert-group-count'),
    ).toHaveTextContent('5 alerts · warning');
    expect(screen.getByText(/6 open alerts in 2 groups/)).toBeInTheDocument();
  });

  it('shows the first 3 of a group, latest first, and all of them after "Show all", by keyboard', async () => {
    await renderInTestApp(
      <AlertsList alerts={alerts} onOpenItem={jest.fn()} />,
    );
    const group = screen.getAllByTestId('alert-group')[1];
    const keys = () =>
      within(group)
        .getAllByTestId('alert')
        .map(a => within(a).getByRole('button').textContent);
    expect(keys()).toEqual(['PAY-5', 'PAY-4', 'PAY-3']);
    const toggle = within(group).getByRole('button', { name: 'Show all 5' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    toggle.focus();
    await userEvent.keyboard('{Enter}');
    expect(keys()).toEqual(['PAY-5', 'PAY-4', 'PAY-3', 'PAY-2', 'PAY-1']);
    const fewer = within(group).getByRole('button', {
      name: 'Show fewer (3 of 5)',
    });
    expect(fewer).toHaveAttribute('aria-expanded', 'true');
    await userEvent.keyboard(' ');
    expect(keys()).toHaveLength(3);
    // The one-alert group has no toggle.
    expect(
      within(screen.getAllByTestId('alert-group')[0]).queryByRole('button', {
        name: /Show/,
      }),
    ).not.toBeInTheDocument();
  });

  it("opens an alert's item", async () => {
    const onOpenItem = jest.fn();
    await renderInTestApp(
      <AlertsList alerts={alerts} onOpenItem={onOpenItem} />,
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Open journey of PAY-4' }),
    );
    expect(onOpenItem).toHaveBeenCalledWith('PAY-4');
  });

  it('says when there is no open alert', async () => {
    await renderInTestApp(<AlertsList alerts={[]} onOpenItem={jest.fn()} />);
    expect(screen.getByText('No open bottleneck alerts.')).toBeInTheDocument();
  });
});
