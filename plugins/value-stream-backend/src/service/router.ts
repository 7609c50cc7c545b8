import type {
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { valueStreamRebuildPermission } from '@valuestream/backstage-plugin-value-stream-common';
import type { SourceAdapter } from '@valuestream/backstage-plugin-value-stream-node';
import express from 'express';
import Router from 'express-promise-router';
import type { AlertService } from '../alerts/AlertService';
import type { EntityIndex } from '../entities/EntityIndex';
import { parseEventsBody } from '../ingest/parseEvents';
import { RebuildJobs } from './RebuildJobs';
import {
  IngestService,
  MAX_BODY_BYTES,
  PayloadTooLargeError,
  RejectedBatchError,
} from '../ingest/IngestService';
import type { MetricsService } from './MetricsService';
import type { WorkItemService } from './WorkItemService';
import {
  assertCanRead,
  entityRefFromParams,
  readableRefs,
  readCredentials,
  workItemScope,
  writeCredentials,
} from './access';
import {
  parseAlertQuery,
  parseListQuery,
  parseTimeseriesQuery,
  parseWindow,
  parseWorkItemKey,
} from './queryParams';
import { handleWebhook } from './webhooks';

/** @internal */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  auth: AuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  logger: LoggerService;
  ingest: IngestService;
  metrics: MetricsService;
  workItems: WorkItemService;
  alerts: AlertService;
  sources: Map<string, SourceAdapter>;
  webhookSecrets: Record<string, string>;
  index: () => EntityIndex;
  rebuild: () => Promise<{ items: number }>;
  now?: () => number;
}

const readRawBody = express.raw({ type: () => true, limit: MAX_BODY_BYTES });
/** How long a read waits for queued alert evaluations (they run 200 ms after an ingest). */
const ALERT_READ_WAIT_MS = 2000;

/**
 * The raw body (for signatures and the CloudEvents parser). Body-parser errors carry
 * their `status` (400, 413, 415) for the standard error handler; only the 413 gets our
 * message, which names the limit.
 */
const rawBody: express.RequestHandler = (req, res, next) =>
  readRawBody(req, res, err =>
    next(
      err?.type === 'entity.too.large'
        ? new PayloadTooLargeError(`Request body over ${MAX_BODY_BYTES} bytes`)
        : err,
    ),
  );

/**
 * The one response the standard error handler cannot give (DESIGN §8): a rejected
 * batch answers 400 with the standard body plus `rejected: [{ index, message }]`.
 * Every other error is a class with a `statusCode` or an `@backstage/errors` class,
 * mapped by the standard handler (MiddlewareFactory.error).
 */
function rejectedBatchHandler(): express.ErrorRequestHandler {
  return (err, req, res, next) => {
    if (!(err instanceof RejectedBatchError) || res.headersSent)
      return next(err);
    return res.status(400).json({
      error: { name: err.name, message: err.message },
      request: { method: req.method, url: req.url },
      response: { statusCode: 400 },
      rejected: err.rejected,
    });
  };
}

/** @internal */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, catalog, ingest, metrics, workItems, alerts, index } =
    options;
  const now = options.now ?? Date.now;
  const router = Router();
  const rebuilds = new RebuildJobs(options.rebuild, options.logger, now);

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // Reads after a 202 reflect its events: wait (bounded) for this process's accepted
  // events to be correlated and the alert evaluation they queued (stage status) to finish. Other replicas' events show within a poll and a pass.
  router.use((req, _res, next) => {
    if (req.method !== 'GET' || req.path.startsWith('/ingest')) return next();
    return ingest
      .settled()
      .then(() => alerts.settled(ALERT_READ_WAIT_MS))
      .then(() => next(), next);
  });

  router.get('/ingest/status', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    res.json(await ingest.status());
  });

  router.post('/events', rawBody, async (req, res) => {
    await writeCredentials(options, req);
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    res
      .status(202)
      .json(await ingest.accept(parseEventsBody(body, req.headers)));
  });

  router.post('/webhooks/:source', rawBody, async (req, res) => {
    const result = await handleWebhook(req, options);
    res.status(202).json(result);
  });

  router.post('/rebuild', express.json(), async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await options.permissions.authorize(
      [{ permission: valueStreamRebuildPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW)
      throw new NotAllowedError('Not allowed to rebuild');
    res.status(202).json(rebuilds.start());
  });

  router.get('/rebuild/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await options.permissions.authorize(
      [{ permission: valueStreamRebuildPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW)
      throw new NotAllowedError('Not allowed to read rebuilds');
    const job = rebuilds.get(req.params.id);
    if (!job) throw new NotFoundError(`No rebuild ${req.params.id}`);
    res.json(job);
  });

  const entityPath = '/entities/:kind/:namespace/:name';

  router.get(`${entityPath}/metrics`, async (req, res) => {
    const credentials = await readCredentials(options, req);
    const ref = entityRefFromParams(req.params);
    const window = parseWindow(req.query, now());
    await assertCanRead(catalog, credentials, ref);
    res.json(await metrics.metrics(ref, [ref], window));
  });

  router.get(`${entityPath}/work-items`, async (req, res) => {
    const credentials = await readCredentials(options, req);
    const ref = entityRefFromParams(req.params);
    const q = parseListQuery(req.query);
    await assertCanRead(catalog, credentials, ref);
    res.json(await workItems.list({ ...q, entityRefs: [ref] }));
  });

  router.get(`${entityPath}/alerts`, async (req, res) => {
    const credentials = await readCredentials(options, req);
    const ref = entityRefFromParams(req.params);
    const { status } = parseAlertQuery(req.query);
    await assertCanRead(catalog, credentials, ref);
    res.json({ items: await alerts.list([ref], status) });
  });

  router.get(`${entityPath}/timeseries`, async (req, res) => {
    const credentials = await readCredentials(options, req);
    const ref = entityRefFromParams(req.params);
    const { metric, interval } = parseTimeseriesQuery(req.query);
    const window = parseWindow(req.query, now());
    await assertCanRead(catalog, credentials, ref);
    res.json(await metrics.timeseries([ref], metric, interval, window));
  });

  router.get('/work-items/:key', async (req, res) => {
    const credentials = await readCredentials(options, req);
    const key = parseWorkItemKey(req.params.key);
    const scope = await workItemScope(
      options,
      credentials,
      key,
      await workItems.entityRefsOf(key),
    );
    res.json(await workItems.detail(key, scope));
  });

  router.get('/groups/:namespace/:name/metrics', async (req, res) => {
    const credentials = await readCredentials(options, req);
    const groupRef = entityRefFromParams({ kind: 'group', ...req.params });
    const window = parseWindow(req.query, now());
    await assertCanRead(catalog, credentials, groupRef);
    const owned = await readableRefs(
      catalog,
      credentials,
      index().ownedByGroup(groupRef),
    );
    res.json({
      ...(await metrics.metrics(groupRef, owned, window)),
      entityRefs: owned,
    });
  });

  router.use(rejectedBatchHandler());

  return router;
}
