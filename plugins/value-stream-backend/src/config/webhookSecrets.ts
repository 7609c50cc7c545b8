import type { Config } from '@backstage/config';

/** The shortest webhook secret accepted in production. */
export const MIN_PRODUCTION_SECRET_LENGTH = 16;

/**
 * Secrets that were ever published in this repository's development config or docs. Anyone
 * can read them, so none of them may verify a webhook in production.
 */
export const KNOWN_DEV_SECRETS: readonly string[] = [
  'dev-github-webhook-secret',
  'dev-gitlab-webhook-token',
  'dev-jira-webhook-secret',
  'dev-argocd-webhook-token',
  'dev-jenkins-webhook-token',
  'dev-pagerduty-webhook-secret',
  'dev-cdevents-webhook-token',
  'dev-value-stream-token',
];

/**
 * Production mode, in which weak webhook secrets stop start-up: `NODE_ENV=production`. The
 * backend image sets it (packages/backend/Dockerfile); `backstage-cli package start` sets
 * `development` and jest sets `test`.
 */
export function isProductionMode(
  env: Record<string, string | undefined> = process.env,
): boolean {
  return env.NODE_ENV === 'production';
}

/** `valueStream.sources.<id>.webhookSecret` of each source that has one. */
export function readWebhookSecrets(
  sources: Config | undefined,
): Record<string, string> {
  const secrets: Record<string, string> = {};
  for (const id of sources?.keys() ?? []) {
    const secret = sources!.getOptionalString(`${id}.webhookSecret`);
    if (secret) secrets[id] = secret;
  }
  return secrets;
}

/** Why a secret may not be used in production, or undefined when it may. Never the value. */
export function weakSecretReason(secret: string): string | undefined {
  const normalised = secret.trim().toLowerCase();
  if (KNOWN_DEV_SECRETS.includes(normalised)) {
    return 'is a published development value';
  }
  if (secret.length < MIN_PRODUCTION_SECRET_LENGTH) {
    return `is shorter than ${MIN_PRODUCTION_SECRET_LENGTH} characters`;
  }
  return undefined;
}

/**
 * Throws, naming the sources but never their secrets, when production mode has a webhook
 * secret that is shorter than 16 characters or a known development value. Outside
 * production every secret is accepted, so local set-ups may use short ones.
 */
export function checkWebhookSecrets(
  secrets: Record<string, string>,
  options: { production: boolean },
): void {
  if (!options.production) return;
  const problems = Object.entries(secrets).flatMap(([id, secret]) => {
    const reason = weakSecretReason(secret);
    return reason ? [`valueStream.sources.${id}.webhookSecret ${reason}`] : [];
  });
  if (problems.length > 0) {
    throw new Error(
      `Refusing to start in production (NODE_ENV=production): ${problems.join(
        '; ',
      )}. Use a random secret of at least ${MIN_PRODUCTION_SECRET_LENGTH} characters ` +
        `(openssl rand -hex 32), or leave it unset to turn the source off.`,
    );
  }
}
