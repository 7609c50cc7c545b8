import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Rebuild all journeys from the stored raw events.
 * @public
 */
export const valueStreamRebuildPermission = createPermission({
  name: 'value-stream.rebuild',
  attributes: { action: 'update' },
});

/**
 * Read value-stream data (metrics, work items, alerts, timeseries) of the entities the
 * caller may also read in the catalog. Every read checks it, for users and services alike,
 * so an external access token restricted to other permissions gets 403.
 * @public
 */
export const valueStreamReadPermission = createPermission({
  name: 'value-stream.entity.read',
  attributes: { action: 'read' },
});

/**
 * Read work items that resolved to no catalog entity. Only service principals are given
 * them, and only those allowed this permission (users never are).
 * @public
 */
export const valueStreamUnresolvedReadPermission = createPermission({
  name: 'value-stream.unresolved.read',
  attributes: { action: 'read' },
});

/**
 * Send events (`POST /events`). An external access token restricted to this permission
 * can write events and read nothing.
 * @public
 */
export const valueStreamEventCreatePermission = createPermission({
  name: 'value-stream.event.create',
  attributes: { action: 'create' },
});

/**
 * Start a history import (`POST /entities/:kind/:namespace/:name/import`) and list every
 * import job (`GET /import`). Service principals need it too.
 * @public
 */
export const valueStreamImportCreatePermission = createPermission({
  name: 'value-stream.import.create',
  attributes: { action: 'create' },
});

/**
 * Correct what the correlation derived (`POST /corrections`, DESIGN §16): link or unlink a
 * commit or PR, set an item's type or value, exclude an item, attribute an incident. Users
 * and service principals alike; every correction is audited.
 * @public
 */
export const valueStreamCorrectionCreatePermission = createPermission({
  name: 'value-stream.correction.create',
  attributes: { action: 'create' },
});

/** All permissions of the value-stream plugin. @public */
export const valueStreamPermissions = [
  valueStreamRebuildPermission,
  valueStreamReadPermission,
  valueStreamUnresolvedReadPermission,
  valueStreamEventCreatePermission,
  valueStreamImportCreatePermission,
  valueStreamCorrectionCreatePermission,
];
