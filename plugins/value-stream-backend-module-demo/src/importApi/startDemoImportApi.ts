import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { graphqlAnswer, restAnswer, type ApiAnswer } from './githubApi';
import type { DemoImportHistory } from './importDemoHistory';
import { jiraAnswer } from './jiraApi';

/** Options of {@link startDemoImportApi}. */
export interface DemoImportApiOptions {
  history: DemoImportHistory;
  /** The token the importers must send (`token …` or `Bearer …`), as configured for them. */
  token: string;
  /** 0 for an ephemeral port. */
  port: number;
  /** Each list page is answered after this long, so the import is seen to progress. */
  pageDelayMs: number;
}

/** A running demo API. */
export interface DemoImportApi {
  /** `http://127.0.0.1:<port>`: the GitHub integration's `apiBaseUrl` and Jira's `baseUrl`. */
  url: string;
  /** Requests received. */
  requests: number;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (!chunks.length) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString());
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, answer: ApiAnswer) {
  res.writeHead(answer.status, {
    'content-type': 'application/json; charset=utf-8',
    // as GitHub sends them; far from the limit, so the importer never waits
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    'x-ratelimit-used': '1',
    ...answer.headers,
  });
  res.end(JSON.stringify(answer.body));
}

/**
 * The demo's GitHub and Jira on loopback (127.0.0.1): GraphQL `POST /graphql` and the REST
 * routes the GitHub importer reads, holding one repository, paged as GitHub pages; and
 * Jira Data Center's `/rest/api/2` search, holding one project. For the demo only: the
 * app's `integrations.github` (`apiBaseUrl`) and `valueStream.sources.jira` (`baseUrl`)
 * point here.
 */
export async function startDemoImportApi(
  options: DemoImportApiOptions,
): Promise<DemoImportApi> {
  const { history, token, pageDelayMs } = options;
  const timers = new Set<NodeJS.Timeout>();
  const api = { requests: 0 };
  const server = createServer(async (req, res) => {
    api.requests++;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const auth = req.headers.authorization ?? '';
    const isJira = url.pathname.startsWith('/rest/api/');
    if (auth !== `token ${token}` && auth !== `Bearer ${token}`) {
      // GitHub's (or Jira's) answer to a wrong token
      send(res, {
        status: 401,
        body: isJira
          ? { errorMessages: ['You are not authenticated.'] }
          : {
              message: 'Bad credentials',
              documentation_url: 'https://docs.github.com/rest',
            },
      });
      return;
    }
    let answer: ApiAnswer;
    if (isJira && req.method === 'GET') {
      answer = jiraAnswer(history.jira, url, Date.now());
    } else if (req.method === 'POST' && url.pathname === '/graphql') {
      const body = await readJson(req);
      answer =
        typeof body?.query === 'string'
          ? graphqlAnswer(history.github, body.query, body.variables ?? {})
          : { status: 400, body: { message: 'Problems parsing JSON' } };
    } else if (req.method === 'GET') {
      answer = restAnswer(history.github, url);
    } else {
      answer = { status: 404, body: { message: 'Not Found' } };
    }
    if (!answer.page || pageDelayMs <= 0) {
      send(res, answer);
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      send(res, answer);
    }, pageDelayMs);
    timers.add(timer);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return api.requests;
    },
    close: () =>
      new Promise<void>(resolve => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
