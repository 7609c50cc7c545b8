// The credentials the benchmark's fakes accept (bench/lib/fakeServer.ts) and its importers send.
export const GITHUB_TOKEN = 'bench-token';
export const JIRA_AUTHORIZATION = `Basic ${Buffer.from(
  'bench@example.com:bench-token',
).toString('base64')}`;
