import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  type HistoryImporter,
  valueStreamImportersExtensionPoint,
  valueStreamSourcesExtensionPoint,
} from '@valuestream/backstage-plugin-value-stream-node';
import { valueStreamModuleJira } from './module';

async function registered(jira: object) {
  const addSources = jest.fn();
  const addImporters = jest.fn();
  await startTestBackend({
    extensionPoints: [
      [valueStreamSourcesExtensionPoint, { addSources }],
      [valueStreamImportersExtensionPoint, { addImporters }],
    ],
    features: [
      valueStreamModuleJira,
      mockServices.rootConfig.factory({
        data: { valueStream: { sources: { jira } } },
      }),
    ],
  });
  return {
    sources: addSources.mock.calls.flat().map(s => s.id),
    importers: addImporters.mock.calls.flat() as HistoryImporter[],
  };
}

describe('valueStreamModuleJira', () => {
  it.each([[{ email: 'me@acme.com', apiToken: 't' }], [{ token: 'pat' }]])(
    'adds the webhook source and the importer with a base URL and %p',
    async credential => {
      const { sources, importers } = await registered({
        baseUrl: 'https://acme.atlassian.net',
        ...credential,
      });
      expect(sources).toEqual(['jira']);
      expect(importers.map(i => i.source)).toEqual(['jira']);
    },
  );

  it.each([
    [{}],
    [{ baseUrl: 'https://acme.atlassian.net' }],
    [{ baseUrl: 'https://acme.atlassian.net', email: 'me@acme.com' }],
    [{ token: 'pat' }],
  ])('adds no importer with %p', async jira => {
    const { sources, importers } = await registered(jira);
    expect(sources).toEqual(['jira']);
    expect(importers).toEqual([]);
  });
});
