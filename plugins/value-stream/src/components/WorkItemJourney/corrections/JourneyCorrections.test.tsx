import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { valueStreamApiRef } from '../../../api';
import { workItemDetail } from '../../../__fixtures__';
import { createMockApi } from '../../../testUtils/mockApi';
import { WorkItemJourney } from '../WorkItemJourney';

const KEY = workItemDetail.key;
const SHA = workItemDetail.links.commits[0].sha;

function render(result: AuthorizeResult.ALLOW | AuthorizeResult.DENY) {
  const api = createMockApi();
  const permissions = mockApis.permission({ authorize: result });
  return {
    api,
    rendered: renderInTestApp(
      <TestApiProvider
        apis={[
          [valueStreamApiRef, api],
          [permissionApiRef, permissions],
        ]}
      >
        <WorkItemJourney itemKey={KEY} onClose={() => {}} />
      </TestApiProvider>,
    ),
  };
}

describe('journey corrections', () => {
  it('lets a permitted user unlink a commit, then undo it', async () => {
    const { api, rendered } = render(AuthorizeResult.ALLOW);
    await rendered;
    const commits = await screen.findByRole('region', { name: 'Commits' });
    await userEvent.click(
      within(commits).getByRole('button', {
        name: `Unlink commit ${SHA.slice(0, 7)}`,
      }),
    );
    await waitFor(() =>
      expect(api.createCorrection).toHaveBeenCalledWith({
        kind: 'unlink',
        workItemKey: KEY,
        commitSha: SHA,
      }),
    );
    // The journey is read again, and the correction can be undone.
    await waitFor(() => expect(api.getWorkItem).toHaveBeenCalledTimes(2));
    const notice = await screen.findByRole('status', {
      name: 'Last correction',
    });
    expect(notice).toHaveTextContent(`Unlinked commit ${SHA.slice(0, 7)}.`);
    await userEvent.click(within(notice).getByRole('button', { name: 'Undo' }));
    await waitFor(() =>
      expect(api.createCorrection).toHaveBeenLastCalledWith({
        kind: 'link',
        workItemKey: KEY,
        commitSha: SHA,
      }),
    );
    await waitFor(() =>
      expect(
        screen.queryByRole('status', { name: 'Last correction' }),
      ).not.toBeInTheDocument(),
    );
  });

  it('sets the type and excludes the item; undo restores the former type', async () => {
    const { api, rendered } = render(AuthorizeResult.ALLOW);
    await rendered;
    const panel = await screen.findByRole('region', { name: 'Corrections' });
    const other = workItemDetail.itemType === 'defect' ? 'risk' : 'defect';
    await userEvent.click(within(panel).getByRole('button', { name: other }));
    await waitFor(() =>
      expect(api.createCorrection).toHaveBeenCalledWith({
        kind: 'set_item',
        workItemKey: KEY,
        itemType: other,
      }),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() =>
      expect(api.createCorrection).toHaveBeenLastCalledWith({
        kind: 'set_item',
        workItemKey: KEY,
        itemType: workItemDetail.itemType,
      }),
    );
    await userEvent.click(
      within(panel).getByRole('button', { name: 'Exclude from metrics' }),
    );
    await waitFor(() =>
      expect(api.createCorrection).toHaveBeenLastCalledWith({
        kind: 'exclude_item',
        workItemKey: KEY,
        excluded: true,
      }),
    );
  });

  it('links a commit by sha', async () => {
    const { api, rendered } = render(AuthorizeResult.ALLOW);
    await rendered;
    const panel = await screen.findByRole('region', { name: 'Corrections' });
    const link = within(panel).getByRole('button', { name: 'Link commit' });
    expect(link).toBeDisabled();
    await userEvent.type(
      within(panel).getByRole('textbox', { name: 'Commit sha' }),
      'ABC1234',
    );
    await userEvent.click(link);
    await waitFor(() =>
      expect(api.createCorrection).toHaveBeenCalledWith({
        kind: 'link',
        workItemKey: KEY,
        commitSha: 'abc1234',
      }),
    );
  });
});
