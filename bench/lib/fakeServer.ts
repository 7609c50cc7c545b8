// A fake GitHub or Jira in a child process (forked with Backstage's node transform), so the
// process that measures holds only the importer. Argv: `github <pulls | HistorySize JSON> [delayMs]` or
// `jira <issues> [delayMs]`. Sends `{ url }` over IPC once listening; answers
// `{ type: 'requests' }` with `{ requests: { <kind>: count } }`. With a delay, every request
// is held that long in front of the fake (a slow API, for the crash test).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeGithub } from '../../plugins/value-stream-backend-module-github/src/import/__testUtils__/fakeGithub';
import { generateHistory } from '../../plugins/value-stream-backend-module-github/src/import/__testUtils__/history';
import { startFakeJira } from '../../plugins/value-stream-backend-module-jira/src/import/__testUtils__/fakeJira';
import { STATUSES } from '../../plugins/value-stream-backend-module-jira/src/import/__testUtils__/history';
import { GITHUB_TOKEN, JIRA_AUTHORIZATION } from './fakeCredentials';
import { generateJiraIssues } from './jiraHistory';

/** A Jira request's kind: its path without the issue key. */
const jiraKind = (request: string) =>
  request.replace(/\?.*$/, '').replace(/\/issue\/[^/]+/, '/issue/{key}');

/** Holds each request `delayMs`, then forwards it to `target`. */
async function delaying(target: string, delayMs: number): Promise<string> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () =>
      setTimeout(() => {
        const out = http.request(
          `${target}${req.url}`,
          { method: req.method, headers: req.headers },
          answer => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        out.on('error', e => {
          res.writeHead(502);
          res.end(String(e));
        });
        out.end(Buffer.concat(chunks));
      }, delayMs),
    );
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function main() {
  const [kind, size, delay] = process.argv.slice(2);
  const n = Number(size);
  let url: string;
  let counts: () => Record<string, number>;
  const tally = (kinds: string[]) => {
    const out: Record<string, number> = {};
    for (const k of kinds) out[k] = (out[k] ?? 0) + 1;
    return out;
  };
  if (kind === 'github') {
    const fake = await startFakeGithub(
      generateHistory(
        size.startsWith('{')
          ? JSON.parse(size)
          : { pulls: n, commitsPerPull: 2 },
      ),
      GITHUB_TOKEN,
    );
    url = fake.apiBaseUrl;
    counts = () => tally(fake.requests);
  } else if (kind === 'jira') {
    const fake = await startFakeJira({
      issues: generateJiraIssues(n),
      statuses: STATUSES,
      authorization: JIRA_AUTHORIZATION,
    });
    url = fake.baseUrl;
    counts = () => tally(fake.requests.map(jiraKind));
  } else {
    throw new Error(`usage: fakeServer.ts github|jira <size> [delayMs]`);
  }
  if (Number(delay) > 0) url = await delaying(url, Number(delay));
  process.on('message', (m: any) => {
    if (m?.type === 'requests')
      process.send?.({ type: 'requests', requests: counts() });
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ type: 'ready', url });
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
