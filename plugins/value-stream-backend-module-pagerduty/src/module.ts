import { createBackendModule } from '@backstage/backend-plugin-api';
import { valueStreamSourcesExtensionPoint } from '@valuestream/backstage-plugin-value-stream-node';
import { pagerDutySourceAdapter } from './adapter';

/**
 * Adds PagerDuty v3 incident webhooks as a value-stream source.
 * @public
 */
export const valueStreamModulePagerduty = createBackendModule({
  pluginId: 'value-stream',
  moduleId: 'pagerduty',
  register(reg) {
    reg.registerInit({
      deps: { sources: valueStreamSourcesExtensionPoint },
      async init({ sources }) {
        sources.addSources(pagerDutySourceAdapter);
      },
    });
  },
});
