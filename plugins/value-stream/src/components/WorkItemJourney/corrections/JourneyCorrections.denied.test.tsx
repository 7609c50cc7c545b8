import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen } from '@testing-library/react';
import { valueStreamApiRef } from '../../../api';
import { workItemDetail } from '../../../__fixtures__';
import { createMockApi } from '../../../testUtils/mockApi';
import { WorkItemJourney } from '../WorkItemJourney';

const KEY = workItemDetail.key;

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

// Its own file: usePermission caches decisions per permission for the module's life.
describe('journey corrections without the permission', () => {
  it('offers no correction to a user without the permission', async () => {
    const { api, rendered } = render(AuthorizeResult.DENY);
    await rendered;
    await screen.findByRole('region', { name: 'Commits' });
    expect(
      screen.queryByRole('button', { name: /^Unlink/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: 'Corrections' }),
    ).not.toBeInTheDocument();
    expect(api.createCorrection).not.toHaveBeenCalled();
  });
});
