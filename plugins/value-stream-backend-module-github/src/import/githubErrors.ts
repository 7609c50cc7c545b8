import { RequestError } from '@octokit/request-error';
import { ImportFailedError } from '@valuestream/backstage-plugin-value-stream-node';

/** What one import phase reads, for the message of a refused request. */
export interface Reading {
  host: string;
  repository: string;
  /** The GitHub App permission this read needs, e.g. `pull_requests:read`. */
  appPermission: string;
}

const rights = (r: Reading) =>
  `the token needs the repo scope (public_repo for a public repository); a GitHub App needs ${
    r.appPermission
  } and must be installed on ${r.repository.split('/')[0]}`;

const RATE_LIMITED = (e: RequestError) => {
  const headers = e.response?.headers ?? {};
  return (
    headers['x-ratelimit-remaining'] === '0' ||
    headers['retry-after'] !== undefined ||
    /rate limit/i.test(e.message)
  );
};

/**
 * A failure that retrying cannot fix (401; 403 not rate-limited; 404; GraphQL NOT_FOUND,
 * FORBIDDEN, INSUFFICIENT_SCOPES) as an ImportFailedError naming `integrations.github` and
 * the missing right; anything else unchanged (the job retries it later).
 */
export function toImportError(error: unknown, reading: Reading): unknown {
  const where = `integrations.github (${reading.host}): reading ${reading.repository}`;
  if (error instanceof RequestError) {
    if (error.status === 401)
      return new ImportFailedError(
        `${where}: 401 ${
          error.message
        }; the credentials are invalid or expired: ${rights(reading)}`,
      );
    if (error.status === 403 && !RATE_LIMITED(error))
      return new ImportFailedError(
        `${where}: 403 ${error.message}; ${rights(reading)}`,
      );
    if (error.status === 404)
      return new ImportFailedError(
        `${where}: 404 ${
          error.message
        }; the repository does not exist or the credentials cannot see it: ${rights(
          reading,
        )}`,
      );
    return error;
  }
  // @octokit/graphql's GraphqlResponseError: a 200 whose body has `errors`
  const gqlErrors = (
    error as { errors?: Array<{ type?: string; message: string }> }
  )?.errors;
  if ((error as Error)?.name === 'GraphqlResponseError' && gqlErrors) {
    const refused = gqlErrors.find(e =>
      ['NOT_FOUND', 'FORBIDDEN', 'INSUFFICIENT_SCOPES'].includes(
        String(e.type),
      ),
    );
    if (refused)
      return new ImportFailedError(
        `${where}: ${refused.type} ${refused.message}; ${rights(reading)}`,
      );
  }
  return error;
}
