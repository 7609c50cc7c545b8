import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import plugin from '../alpha';
import { valueStreamSystemCard } from './entityCards';
import { valueStreamPage } from './page';

describe('value-stream /alpha organisation extensions', () => {
  it('are part of the plugin', () => {
    expect(plugin.getExtension('page:value-stream')).toBeDefined();
    expect(
      plugin.getExtension('entity-card:value-stream/system'),
    ).toBeDefined();
  });

  it('mounts the organisation page at /value-stream with a nav title', () => {
    const tester = createExtensionTester(valueStreamPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/value-stream');
    expect(tester.get(coreExtensionData.title)).toBe('Value Stream');
  });

  it('shows the system card on systems', () => {
    const tester = createExtensionTester(valueStreamSystemCard);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    const expression = tester.get(
      EntityCardBlueprint.dataRefs.filterExpression,
    );
    expect(
      filter?.({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: { name: 's' },
      }) ?? expression,
    ).toBeTruthy();
  });
});
