import type {
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  type BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  valueStreamCorrectionCreatePermission,
  valueStreamEventCreatePermission,
  valueStreamImportCreatePermission,
  valueStreamReadPermission,
  valueStreamUnresolvedReadPermission,
} from '@valuestream/backstage-plugin-value-stream-common';
import type { Request } from 'express';

/** Any request, whatever its typed params and query (as `HttpAuthService` takes it). */
type AnyRequest = Request<any, any, any, any, any>;

/** The services the access checks need (a subset of the router's options). */
export interface AccessServices {
  httpAuth: HttpAuthService;
  auth: AuthService;
  permissions: PermissionsService;
}

async function allowed(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  permission: BasicPermission,
) {
  const [decision] = await permissions.authorize([{ permission }], {
    credentials,
  });
  return decision.result === AuthorizeResult.ALLOW;
}

/**
 * The caller's credentials, once it is one of `principals` and allowed `permission`
 * (401/403 otherwise). The permission is checked with the caller's own credentials, so an
 * external access token's `accessRestrictions` apply to it.
 */
async function allowedCredentials(
  access: AccessServices,
  req: AnyRequest,
  principals: ('user' | 'service')[],
  permission: BasicPermission,
  action: string,
): Promise<BackstageCredentials> {
  const credentials = await access.httpAuth.credentials(req, {
    allow: principals,
  });
  if (!(await allowed(access.permissions, credentials, permission)))
    throw new NotAllowedError(`Not allowed to ${action} (${permission.name})`);
  return credentials;
}

/**
 * The caller's own credentials for a read, once it is allowed `value-stream.entity.read`
 * (403 otherwise). Users and service principals alike: catalog visibility is then checked
 * with these credentials, never the plugin's own, so an external access token's
 * `accessRestrictions` apply to the permission here and to the catalog call.
 */
export const readCredentials = (access: AccessServices, req: AnyRequest) =>
  allowedCredentials(
    access,
    req,
    ['user', 'service'],
    valueStreamReadPermission,
    'read value-stream data',
  );

/** Service credentials allowed `value-stream.event.create` (403 otherwise). */
export const writeCredentials = (access: AccessServices, req: AnyRequest) =>
  allowedCredentials(
    access,
    req,
    ['service'],
    valueStreamEventCreatePermission,
    'send events',
  );

/**
 * Credentials to start or list history imports (DESIGN §12): users and service principals
 * allowed `value-stream.import.create` (403 otherwise). Service principals need it too, so
 * an external access token's `accessRestrictions` apply.
 */
export const importCredentials = (access: AccessServices, req: AnyRequest) =>
  allowedCredentials(
    access,
    req,
    ['user', 'service'],
    valueStreamImportCreatePermission,
    'import history',
  );

/**
 * Which of a work item's entities the caller sees. An item of no entity is given only to
 * service principals allowed `value-stream.unresolved.read`, with all its links; an item
 * none of whose entities the caller may read is a 404, as is an unresolved one for others.
 */
export async function workItemScope(
  access: AccessServices & { catalog: CatalogService },
  credentials: BackstageCredentials,
  key: string,
  entityRefs: string[],
): Promise<{ entityRefs: string[]; unresolved: boolean }> {
  if (!entityRefs.length) {
    if (
      access.auth.isPrincipal(credentials, 'service') &&
      (await allowed(
        access.permissions,
        credentials,
        valueStreamUnresolvedReadPermission,
      ))
    )
      return { entityRefs: [], unresolved: true };
    throw new NotFoundError(`No work item ${key}`);
  }
  const visible = await readableRefs(access.catalog, credentials, entityRefs);
  if (!visible.length) throw new NotFoundError(`No work item ${key}`);
  return { entityRefs: visible, unresolved: false };
}

export function entityRefFromParams(p: {
  kind: string;
  namespace: string;
  name: string;
}) {
  if (!p.kind || !p.namespace || !p.name)
    throw new InputError('kind, namespace and name are required');
  return stringifyEntityRef({
    kind: p.kind,
    namespace: p.namespace,
    name: p.name,
  }).toLowerCase();
}

/** Throws NotFoundError unless the caller may read the entity in the catalog. */
export async function assertCanRead(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  entityRef: string,
) {
  const entity = await catalog.getEntityByRef(entityRef, { credentials });
  if (!entity)
    throw new NotFoundError(`No entity ${entityRef} (or you may not see it)`);
  return entity;
}

/** The subset of refs the caller may read (one catalog call). */
export async function readableRefs(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  refs: string[],
): Promise<string[]> {
  if (!refs.length) return [];
  const { items } = await catalog.getEntitiesByRefs(
    {
      entityRefs: refs,
      fields: ['kind', 'metadata.name', 'metadata.namespace'],
    },
    { credentials },
  );
  return refs.filter((_, i) => items[i]);
}

/**
 * Credentials to correct what the correlation derived (`POST /corrections`, DESIGN §16):
 * users and service principals allowed `value-stream.correction.create` (403 otherwise).
 */
export const correctionCredentials = (
  access: AccessServices,
  req: AnyRequest,
) =>
  allowedCredentials(
    access,
    req,
    ['user', 'service'],
    valueStreamCorrectionCreatePermission,
    'correct value-stream data',
  );
