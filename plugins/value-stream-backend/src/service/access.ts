import type {
  AuthService,
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { Request } from 'express';

/**
 * The credentials to check catalog visibility with: a user's own (so catalog permissions
 * filter what they see), or for service principals (other plugins, static tokens that may
 * be restricted to this plugin) the plugin's own, since they are trusted callers.
 */
export async function readCredentials(
  httpAuth: HttpAuthService,
  auth: AuthService,
  req: Request,
): Promise<BackstageCredentials> {
  const credentials = await httpAuth.credentials(req, {
    allow: ['user', 'service'],
  });
  return auth.isPrincipal(credentials, 'service')
    ? auth.getOwnServiceCredentials()
    : credentials;
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
