import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Rebuild all journeys from the stored raw events.
 * @public
 */
export const valueStreamRebuildPermission = createPermission({
  name: 'value-stream.rebuild',
  attributes: { action: 'update' },
});

/** All permissions of the value-stream plugin. @public */
export const valueStreamPermissions = [valueStreamRebuildPermission];
