import { ConfigReader } from '@backstage/config';
import {
  checkWebhookSecrets,
  isProductionMode,
  KNOWN_DEV_SECRETS,
  readWebhookSecrets,
  weakSecretReason,
} from './webhookSecrets';

const STRONG = '3f9a1c7b2e5d8a0f4c6e1b9d';

describe('isProductionMode', () => {
  it('is NODE_ENV=production and nothing else', () => {
    expect(isProductionMode({ NODE_ENV: 'production' })).toBe(true);
    expect(isProductionMode({ NODE_ENV: 'development' })).toBe(false);
    expect(isProductionMode({ NODE_ENV: 'test' })).toBe(false);
    expect(isProductionMode({})).toBe(false);
  });
});

describe('readWebhookSecrets', () => {
  it('keeps the sources that have a secret', () => {
    const sources = new ConfigReader({
      github: { webhookSecret: STRONG },
      jira: {},
      argocd: { environmentLabel: 'env' },
    });
    expect(readWebhookSecrets(sources)).toEqual({ github: STRONG });
    expect(readWebhookSecrets(undefined)).toEqual({});
  });
});

describe('weakSecretReason', () => {
  it('refuses every published development value, whatever its case or padding', () => {
    for (const dev of KNOWN_DEV_SECRETS) {
      expect(weakSecretReason(dev)).toBe('is a published development value');
      expect(weakSecretReason(` ${dev.toUpperCase()}\n`)).toBe(
        'is a published development value',
      );
    }
    expect(weakSecretReason('dev-github-webhook-secret')).toBeDefined();
    expect(weakSecretReason('dev-gitlab-webhook-token')).toBeDefined();
  });

  it('refuses fewer than 16 characters and accepts 16', () => {
    expect(weakSecretReason('a'.repeat(15))).toBe(
      'is shorter than 16 characters',
    );
    expect(weakSecretReason('a'.repeat(16))).toBeUndefined();
    expect(weakSecretReason(STRONG)).toBeUndefined();
  });
});

describe('checkWebhookSecrets', () => {
  it('accepts anything outside production', () => {
    expect(() =>
      checkWebhookSecrets(
        { github: 'dev-github-webhook-secret', jira: 'short' },
        { production: false },
      ),
    ).not.toThrow();
  });

  it('accepts strong secrets and no secrets in production', () => {
    expect(() =>
      checkWebhookSecrets({ github: STRONG }, { production: true }),
    ).not.toThrow();
    expect(() => checkWebhookSecrets({}, { production: true })).not.toThrow();
  });

  it('names every weak source in production, never the secret', () => {
    let message = '';
    try {
      checkWebhookSecrets(
        {
          github: 'dev-github-webhook-secret',
          gitlab: 'dev-gitlab-webhook-token',
          jira: 'tooshort-7b2e',
          pagerduty: STRONG,
        },
        { production: true },
      );
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(
      'valueStream.sources.github.webhookSecret is a published development value',
    );
    expect(message).toContain(
      'valueStream.sources.gitlab.webhookSecret is a published development value',
    );
    expect(message).toContain(
      'valueStream.sources.jira.webhookSecret is shorter than 16 characters',
    );
    expect(message).not.toContain('pagerduty');
    for (const secret of [
      'dev-github-webhook-secret',
      'dev-gitlab-webhook-token',
      'tooshort-7b2e',
    ]) {
      expect(message).not.toContain(secret);
    }
  });
});
