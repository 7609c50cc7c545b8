import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Entity } from '@backstage/catalog-model';
import { valueStreamApiRef, type ValueStreamApi } from '../../api';
import { emptyMetrics } from '../../__fixtures__';
import {
  bareEntity,
  createMockApi,
  paymentsEntity,
} from '../../testUtils/mockApi';
import { ValueStreamContent } from './ValueStreamContent';

function render(api: ValueStreamApi, entity: Entity = paymentsEntity) {
  return renderInTestApp(
    <TestApiProvider apis={[[valueStreamApiRef, api]]}>
      <EntityProvider entity={entity}>
        <ValueStreamContent />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('ValueStreamContent', () => {
  it('shows one lane per stage with the counts from the API', async () => {
    const api = createMockApi();
    await render(api);
    const backlog = await screen.findByRole('region', { name: 'Backlog lane' });
    expect(screen.getByTestId('lane-count-Backlog')).toHaveTextContent('3');
    expect(screen.getByTestId('lane-count-In Progress')).toHaveTextContent('2');
    expect(screen.getByTestId('lane-count-Code Review')).toHaveTextContent('1');
    expect(screen.getByTestId('lane-count-Build')).toHaveTextContent('0');
    expect(screen.getByTestId('lane-count-Validation')).toHaveTextContent('1');
    // Done counts items done in the range (throughput.total)
    expect(screen.getByTestId('lane-count-Done')).toHaveTextContent('12');
    expect(screen.getAllByRole('region', { name: / lane$/ })).toHaveLength(10);

    expect(within(backlog).getAllByRole('button')).toHaveLength(3);
    const review = screen.getByRole('region', { name: 'Code Review lane' });
    expect(within(review).getByText('WIP 1 / 2')).toBeInTheDocument();
    expect(within(review).getByText('Bottleneck')).toBeInTheDocument();
    const validation = screen.getByRole('region', { name: 'Validation lane' });
    expect(within(validation).getByText('Warning')).toBeInTheDocument();
    const inProgress = screen.getByRole('region', { name: 'In Progress lane' });
    expect(
      within(inProgress).getByRole('button', { name: /^PAY-98 .*Blocked$/ }),
    ).toBeInTheDocument();
    expect(within(inProgress).getByText('Blocked')).toBeInTheDocument();

    expect(api.getWorkItems).toHaveBeenCalledWith(
      'component:default/payments',
      {
        state: 'open',
        limit: 1000,
        cursor: undefined,
      },
    );
    expect(api.getAlerts).toHaveBeenCalledWith(
      'component:default/payments',
      'open',
    );
  });

  it('follows the cursor to list every open item', async () => {
    const api = createMockApi({
      getWorkItems: jest
        .fn()
        .mockResolvedValueOnce({
          items: [
            {
              key: 'A-1',
              title: 'First',
              itemType: 'feature',
              stage: 'Backlog',
              stageEnteredAt: '2025-05-01T00:00:00Z',
              createdAt: '2025-05-01T00:00:00Z',
              startedAt: null,
              doneAt: null,
              blocked: false,
              cycleTime: null,
              activeTime: null,
              waitTime: null,
            },
          ],
          nextCursor: 'page-2',
        })
        .mockResolvedValueOnce({
          items: [
            {
              key: 'A-2',
              title: 'Second',
              itemType: 'defect',
              stage: 'Backlog',
              stageEnteredAt: '2025-05-02T00:00:00Z',
              createdAt: '2025-05-02T00:00:00Z',
              startedAt: null,
              doneAt: null,
              blocked: false,
              cycleTime: null,
              activeTime: null,
              waitTime: null,
            },
          ],
          nextCursor: null,
        }),
    });
    await render(api);
    const backlog = await screen.findByRole('region', { name: 'Backlog lane' });
    expect(
      within(backlog)
        .getAllByRole('button')
        .map(b => b.dataset.testid),
    ).toEqual(['work-item-A-1', 'work-item-A-2']);
    expect(api.getWorkItems).toHaveBeenLastCalledWith(
      'component:default/payments',
      { state: 'open', limit: 1000, cursor: 'page-2' },
    );
  });

  it('opens the journey of a clicked item with its transitions and links', async () => {
    const api = createMockApi();
    await render(api);
    await userEvent.click(
      await screen.findByRole('button', { name: /^PAY-95 .*Idempotency keys/ }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Journey of PAY-95',
    });
    expect(api.getWorkItem).toHaveBeenCalledWith('PAY-95');
    const transitions = await within(dialog).findAllByTestId(
      'journey-transition',
    );
    expect(transitions.map(t => t.dataset.category)).toEqual([
      'queue',
      'active',
      'wait',
    ]);
    expect(transitions[0]).toHaveTextContent('Backlog');
    expect(transitions[0]).toHaveTextContent('9 days');
    expect(transitions[1]).toHaveTextContent('2.3 days');
    expect(transitions[2]).toHaveTextContent('1.5 days (current)');
    expect(within(dialog).getByText('2 h')).toBeInTheDocument(); // blocked time

    const commitLink = within(dialog).getByRole('link', {
      name: 'acme/payments 4f2a9c1',
    });
    expect(commitLink).toHaveAttribute(
      'href',
      'https://github.com/acme/payments/commit/4f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39',
    );
    // no url → plain text, not a link
    expect(
      within(dialog).getByText('acme/payments 9b8c7d6'),
    ).not.toHaveAttribute('href');
    expect(
      within(dialog).getByRole('link', {
        name: 'acme/payments #412 PAY-95 Idempotency keys',
      }),
    ).toHaveAttribute('href', 'https://github.com/acme/payments/pull/412');
    expect(
      within(dialog).getByRole('link', { name: 'ci-8812' }),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('dep-77 → staging')).toBeInTheDocument();
    expect(
      within(dialog).getByRole('link', { name: 'PD-555 (high)' }),
    ).toHaveAttribute('href', 'https://acme.pagerduty.com/incidents/PD-555');

    await userEvent.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('lists the open alerts, and an alert opens its item', async () => {
    const api = createMockApi();
    await render(api);
    const rows = await screen.findAllByTestId('alert');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Critical');
    expect(rows[0]).toHaveTextContent(
      'Code Review has been over its WIP limit (2) for 3 days',
    );
    expect(rows[1]).toHaveTextContent('PAY-98 has been blocked for 30 hours');
    await userEvent.click(
      within(rows[1]).getByRole('button', { name: 'Open journey of PAY-98' }),
    );
    expect(
      await screen.findByRole('dialog', { name: 'Journey of PAY-98' }),
    ).toBeInTheDocument();
  });

  it('reloads metrics for the chosen range', async () => {
    const api = createMockApi();
    await render(api);
    await screen.findByTestId('lane-count-Backlog');
    const [, firstWindow] = api.getMetrics.mock.calls[0];
    expect(
      (Date.parse(firstWindow!.to!) - Date.parse(firstWindow!.from!)) /
        86400000,
    ).toBe(30);
    await userEvent.click(screen.getByRole('radio', { name: '7 days' }));
    await waitFor(() => expect(api.getMetrics).toHaveBeenCalledTimes(2));
    const [, secondWindow] = api.getMetrics.mock.calls[1];
    expect(
      (Date.parse(secondWindow!.to!) - Date.parse(secondWindow!.from!)) /
        86400000,
    ).toBe(7);
  });

  it('says which annotations are missing when the entity has none', async () => {
    const api = createMockApi();
    await render(api, bareEntity);
    expect(
      screen.getByText('No value-stream annotation on this entity'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /github\.com\/project-slug, gitlab\.com\/project-slug, jira\/project-key, argocd\/app-name, pagerduty\.com\/service-id, jenkins\.io\/job-full-name/,
      ),
    ).toBeInTheDocument();
    expect(api.getMetrics).not.toHaveBeenCalled();
  });

  it('explains how to send events when there are none yet', async () => {
    const api = createMockApi({
      getMetrics: jest.fn().mockResolvedValue(emptyMetrics),
      getWorkItems: jest
        .fn()
        .mockResolvedValue({ items: [], nextCursor: null }),
      getAlerts: jest.fn().mockResolvedValue({ items: [] }),
    });
    await render(api);
    expect(
      await screen.findByText('No value-stream events yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('valueStream.sources.github.webhookSecret'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('valueStream.sources.jira.webhookSecret'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('/api/value-stream/webhooks/github'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('POST /api/value-stream/events'),
    ).toBeInTheDocument();
  });

  const job = (over: object) => ({
    source: 'github',
    scope: 'acme/payments',
    state: 'running',
    startedAt: '2026-01-05T00:00:00Z',
    finishedAt: null,
    items: 120,
    events: 1800,
    nextRunAt: null,
    ...over,
  });
  const empty = {
    getMetrics: jest.fn().mockResolvedValue(emptyMetrics),
    getWorkItems: jest.fn().mockResolvedValue({ items: [], nextCursor: null }),
    getAlerts: jest.fn().mockResolvedValue({ items: [] }),
  };

  it("shows the first import's progress instead of the empty state", async () => {
    const api = createMockApi({
      ...empty,
      getImport: jest.fn().mockResolvedValue({
        entityRef: 'component:default/payments',
        jobs: [
          job({ total: 400 }),
          job({
            source: 'jira',
            scope: 'PAY',
            state: 'pending',
            items: 0,
            events: 0,
          }),
        ],
      }),
    });
    await render(api);
    expect(await screen.findByText('Importing history')).toBeInTheDocument();
    expect(screen.queryByText('No value-stream events yet')).toBeNull();
    expect(screen.getByText('GitHub acme/payments')).toBeInTheDocument();
    expect(
      screen.getByText('importing · 120 items, 1,800 events of 400'),
    ).toBeInTheDocument();
    const bar = screen.getByRole('progressbar', {
      name: 'GitHub acme/payments import',
    });
    expect(bar).toHaveAttribute('value', '120');
    expect(bar).toHaveAttribute('max', '400');
    expect(screen.getByText('waiting · 0 items, 0 events')).toBeInTheDocument();
  });

  it("shows a failed job's answer and fix", async () => {
    const error =
      'integrations.github (github.com): 401 Bad credentials; the token needs the repo scope';
    const api = createMockApi({
      ...empty,
      getImport: jest.fn().mockResolvedValue({
        entityRef: 'component:default/payments',
        jobs: [job({ state: 'failed', error })],
      }),
    });
    await render(api);
    expect(
      await screen.findByText('GitHub acme/payments: import failed'),
    ).toBeInTheDocument();
    expect(screen.getByText(error)).toBeInTheDocument();
  });

  it('keeps the empty state when nothing is imported', async () => {
    const api = createMockApi({
      ...empty,
      getImport: jest.fn().mockResolvedValue({
        entityRef: 'component:default/payments',
        jobs: [job({ state: 'done', items: 0, events: 0 })],
      }),
    });
    await render(api);
    expect(
      await screen.findByText('No value-stream events yet'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Importing history')).toBeNull();
  });

  it('shows the error of a failed request', async () => {
    const api = createMockApi({
      getMetrics: jest.fn().mockRejectedValue(new Error('backend down')),
    });
    await render(api);
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(
      0,
    );
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
