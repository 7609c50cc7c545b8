import {
  EntityValueStreamContent,
  EntityValueStreamTeamCard,
  isValueStreamAvailable,
  valueStreamPlugin,
} from './index';
import { bareEntity, paymentsEntity } from './testUtils/mockApi';

describe('legacy exports', () => {
  it('exports the plugin, the tab, the card and isValueStreamAvailable', () => {
    expect(valueStreamPlugin.getId()).toBe('value-stream');
    expect(EntityValueStreamContent).toBeDefined();
    expect(EntityValueStreamTeamCard).toBeDefined();
    expect(isValueStreamAvailable(paymentsEntity)).toBe(true);
    expect(isValueStreamAvailable(bareEntity)).toBe(false);
    expect(
      isValueStreamAvailable({
        ...bareEntity,
        metadata: { name: 'x', annotations: { 'argocd/app-name': 'x' } },
      }),
    ).toBe(true);
  });
});
