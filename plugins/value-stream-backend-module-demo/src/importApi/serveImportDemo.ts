import type {
  LifecycleService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { DemoConfig, DemoImportApiConfig } from '../config';
import { DemoFeed } from '../DemoFeed';
import { importDemoHistory } from './importDemoHistory';
import { IMPORT_DEMO_SERVICE } from './importService';
import { startDemoImportApi } from './startDemoImportApi';

/**
 * Starts the demo's loopback GitHub and Jira before the plugin starts (so before the import
 * runner's first pass) and stops it on shutdown. Development only: refused in production.
 */
export async function serveImportDemo(options: {
  config: DemoConfig & { importApi: DemoImportApiConfig };
  logger: LoggerService;
  lifecycle: LifecycleService;
  clock?: () => number;
}) {
  const { config, logger, lifecycle, clock = Date.now } = options;
  if (process.env.NODE_ENV === 'production') {
    throw new Error(
      'valueStream.demo.importApi is for development only: remove it from the production configuration',
    );
  }
  const now = clock();
  const history = importDemoHistory({
    seed: config.seed,
    days: config.days,
    anchor: DemoFeed.anchorFor(now, config.anchor),
    now,
  });
  let api;
  try {
    api = await startDemoImportApi({
      history,
      token: config.importApi.token,
      port: config.importApi.port,
      pageDelayMs: config.importApi.pageDelayMs,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    // another development backend serves it (the same story): not worth stopping for
    logger.warn(
      `Demo import API not started: 127.0.0.1:${config.importApi.port} is in use (set VALUE_STREAM_DEMO_IMPORT_PORT)`,
    );
    return undefined;
  }
  lifecycle.addShutdownHook(() => api.close());
  logger.info(
    `Demo GitHub and Jira for the import of ${IMPORT_DEMO_SERVICE.name} on ${api.url}: ` +
      `${IMPORT_DEMO_SERVICE.repository} with ${history.github.pulls.length} PRs and ` +
      `${history.github.deployments.length} deployments, ${history.jira.key} with ${history.jira.issues.length} issues`,
  );
  return api;
}
