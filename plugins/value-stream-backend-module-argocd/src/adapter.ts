import type { SourceAdapter } from '@valuestream/backstage-plugin-value-stream-node';
import { argoCdToEvents, ArgoCdMappingOptions } from './mapping';
import { verifySharedToken } from './verify';

/**
 * The Argo CD source: Argo CD Notifications webhooks on
 * `POST /api/value-stream/webhooks/argocd`, authorised by the shared token.
 * @public
 */
export function createArgoCdSourceAdapter(
  options: ArgoCdMappingOptions = {},
): SourceAdapter {
  return {
    id: 'argocd',
    verify: verifySharedToken,
    toEvents: payload => argoCdToEvents(payload, options),
  };
}
