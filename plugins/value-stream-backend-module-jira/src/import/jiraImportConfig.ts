import type { Config } from '@backstage/config';

/** How the importer reaches Jira: Cloud (REST v3, basic auth) or Data Center (REST v2, bearer). */
export interface JiraImportConfig {
  baseUrl: string;
  deployment: 'cloud' | 'datacenter';
  authorization: string;
  storyPointsField?: string;
  sprintField?: string;
}

/**
 * `valueStream.sources.jira`: `baseUrl` with `email` + `apiToken` (Cloud) or `token` (Data
 * Center); undefined without a base URL and a credential (no import then).
 */
export function readJiraImportConfig(
  config: Config,
): JiraImportConfig | undefined {
  const jira = config.getOptionalConfig('valueStream.sources.jira');
  const baseUrl = jira?.getOptionalString('baseUrl')?.replace(/\/+$/, '');
  if (!jira || !baseUrl) return undefined;
  const storyPointsField = jira.getOptionalString('storyPointsField');
  const sprintField = jira.getOptionalString('sprintField');
  const email = jira.getOptionalString('email');
  const apiToken = jira.getOptionalString('apiToken');
  if (email && apiToken) {
    const basic = Buffer.from(`${email}:${apiToken}`).toString('base64');
    return {
      baseUrl,
      deployment: 'cloud',
      authorization: `Basic ${basic}`,
      storyPointsField,
      sprintField,
    };
  }
  const token = jira.getOptionalString('token');
  if (token) {
    return {
      baseUrl,
      deployment: 'datacenter',
      authorization: `Bearer ${token}`,
      storyPointsField,
      sprintField,
    };
  }
  return undefined;
}
