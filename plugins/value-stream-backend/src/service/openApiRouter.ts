import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { valueStreamRebuildPermission } from '@valuestream/backstage-plugin-value-stream-common';
import type express from 'express';
import { spec } from '../schema/openapi.generated';
import {
  assertCanRead,
  entityRefFromParams,
  importCredentials,
  readableRefs,
  readCredentials,
  workItemScope,
} from './access';
import {
  parseAlertQuery,
  parseListQuery,
  parseTimeseriesQuery,
  parseWindow,
  parseWorkItemKey,
} from './queryParams';
import { RebuildJobs } from './RebuildJobs';
import { readMetrics } from './metricReads';
import { parseCompare, parseIncludeSubgroups } from './rollUpParams';
import type { RouterOptions } from './router';
import { fieldFirstValidationErrors } from './validationErrors';

/** How long a read waits for queued alert evaluations (they run 200 ms after an ingest). */
const ALERT_READ_WAIT_MS = 2000;

/**
 * The routes served from openapi.yaml: path and query parameters are checked against the
 * spec (400 naming the field) before a handler runs, and handlers are typed by it. The
 * handlers still parse what the spec cannot say (window order and length, cursors, NUL
 * bytes) through queryParams.ts.
 */
export function createOpenApiRouter(options: RouterOptions): express.Router {
  const { httpAuth, catalog, ingest, metrics, workItems, alerts, index } =
    options;
  const now = options.now ?? Date.now;
  const rebuilds = new RebuildJobs(options.rebuild, options.logger, now);
  const router = createValidatedOpenApiRouter<typeof spec>(spec, {
    // Credentials are httpAuth's (401/403 from the handlers), not the validator's.
    validatorOptions: { validateSecurity: false },
  });

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

  // A read like the others (a write-only token gets 403), for service principals only.
  router.get('/ingest/status', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    await readCredentials(options, req);
    res.json(await ingest.status());
  });

  const authorizeRebuild = async (req: express.Request, action: string) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await options.permissions.authorize(
      [{ permission: valueStreamRebuildPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW)
      throw new NotAllowedError(`Not allowed to ${action}`);
  };

  router.post('/rebuild', async (req, res) => {
    await authorizeRebuild(req, 'rebuild');
    res.status(202).json(rebuilds.start());
  });

  // Corrections (DESIGN §16): permission, validation and audit in the service.
  router.post('/corrections', async (req, res) => {
    res.status(202).json(await options.corrections.create(req));
  });

  router.get('/rebuild/:id', async (req, res) => {
    await authorizeRebuild(req, 'read rebuilds');
    const job = rebuilds.get(req.params.id);
    if (!job) throw new NotFoundError(`No rebuild ${req.params.id}`);
    res.json(job);
  });

  router.get('/entities/:kind/:namespace/:name/metrics', async (req, res) => {
    const credentials = await readCredentials(options, req);
    const ref = entityRefFromParams(req.params);
    const window = parseWindow(req.query, now());
    const compare = parseCompare(req.query);
    await assertCanRead(catalog, credentials, ref);
    res.json(
      await readMetrics({
        metrics,
        entityRef: ref,
        entityRefs: [ref],
        window,
        compare,
      }),
    );
  });

  router.get(
    '/entities/:kind/:namespace/:name/work-items',
    async (req, res) => {
      const credentials = await readCredentials(options, req);
      const ref = entityRefFromParams(req.params);
      const q = parseListQuery(req.query);
      await assertCanRead(catalog, credentials, ref);
      res.json(await workItems.list({ ...q, entityRefs: [ref] }));
    },
  );

  router.get('/entities/:kind/:namespace/:name/alerts', async (req, res) => {
    const credentials = await readCredentials(options, req);
    const ref = entityRefFromParams(req.params);
    const { status } = parseAlertQuery(req.query);
    await assertCanRead(catalog, credentials, ref);
    res.json({ items: await alerts.list([ref], status) });
  });

  router.get(
    '/entities/:kind/:namespace/:name/alerts/history',
    async (req, res) => {
      const credentials = await readCredentials(options, req);
      const ref = entityRefFromParams(req.params);
      const window = parseWindow(req.query, now());
      await assertCanRead(catalog, credentials, ref);
      res.json(await alerts.history(ref, window));
    },
  );

  router.get(
    '/entities/:kind/:namespace/:name/timeseries',
    async (req, res) => {
      const credentials = await readCredentials(options, req);
      const ref = entityRefFromParams(req.params);
      const { metric, interval } = parseTimeseriesQuery(req.query);
      const window = parseWindow(req.query, now());
      await assertCanRead(catalog, credentials, ref);
      res.json(await metrics.timeseries([ref], metric, interval, window));
    },
  );

  router.get(
    '/entities/:kind/:namespace/:name/iterations',
    async (req, res) => {
      const credentials = await readCredentials(options, req);
      const ref = entityRefFromParams(req.params);
      const window = parseWindow(req.query, now());
      await assertCanRead(catalog, credentials, ref);
      res.json(await metrics.iterations([ref], window));
    },
  );

  router.get(
    '/entities/:kind/:namespace/:name/data-health',
    async (req, res) => {
      const credentials = await readCredentials(options, req);
      const ref = entityRefFromParams(req.params);
      const entity = await assertCanRead(catalog, credentials, ref);
      res.json(await options.dataHealth.health(ref, entity));
    },
  );

  router.get('/entities/:kind/:namespace/:name/value', async (req, res) => {
    const credentials = await readCredentials(options, req);
    const ref = entityRefFromParams(req.params);
    const window = parseWindow(req.query, now());
    await assertCanRead(catalog, credentials, ref);
    res.json(await options.featureOutcomes.value(ref, window));
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

  router.get('/entities/:kind/:namespace/:name/import', async (req, res) => {
    const credentials = await readCredentials(options, req);
    const ref = entityRefFromParams(req.params);
    await assertCanRead(catalog, credentials, ref);
    res.json(await options.imports.forEntity(ref));
  });

  router.post('/entities/:kind/:namespace/:name/import', async (req, res) => {
    const credentials = await importCredentials(options, req);
    const ref = entityRefFromParams(req.params);
    const entity = await assertCanRead(catalog, credentials, ref);
    res.status(202).json(await options.imports.requeue(ref, entity));
  });

  router.get('/import', async (req, res) => {
    await importCredentials(options, req);
    res.json(await options.imports.list());
  });

  router.get('/groups/:namespace/:name/metrics', async (req, res) => {
    const credentials = await readCredentials(options, req);
    const groupRef = entityRefFromParams({ kind: 'group', ...req.params });
    const window = parseWindow(req.query, now());
    const compare = parseCompare(req.query);
    const includeSubgroups = parseIncludeSubgroups(req.query);
    await assertCanRead(catalog, credentials, groupRef);
    // Sub-groups' entities (DESIGN §17), from the index: no catalog walk per request.
    const owned = await readableRefs(
      catalog,
      credentials,
      index().groupEntities(groupRef, includeSubgroups),
    );
    res.json(
      await readMetrics({
        metrics,
        entityRef: groupRef,
        entityRefs: owned,
        window,
        compare,
        extra: { entityRefs: owned },
      }),
    );
  });

  router.get('/systems/:namespace/:name/metrics', async (req, res) => {
    const credentials = await readCredentials(options, req);
    const systemRef = entityRefFromParams({ kind: 'system', ...req.params });
    const window = parseWindow(req.query, now());
    const compare = parseCompare(req.query);
    await assertCanRead(catalog, credentials, systemRef);
    const parts = await readableRefs(
      catalog,
      credentials,
      index().systemComponents(systemRef),
    );
    res.json(
      await readMetrics({
        metrics,
        entityRef: systemRef,
        entityRefs: parts,
        window,
        compare,
        extra: { entityRefs: parts },
      }),
    );
  });

  router.get('/overview', async (req, res) => {
    const credentials = await readCredentials(options, req);
    const window = parseWindow(req.query, now());
    const idx = index();
    // Two catalog calls whatever the number of groups: the visible groups, then the
    // visible entities of all of them.
    const groups = await readableRefs(catalog, credentials, idx.groups());
    const rolled = groups.map(g => ({ g, refs: idx.groupEntities(g) }));
    const visible = new Set(
      await readableRefs(catalog, credentials, [
        ...new Set(rolled.flatMap(r => r.refs)),
      ]),
    );
    const shown = new Set(groups);
    res.json(
      await options.overview.overview(
        rolled.map(({ g, refs }) => ({
          groupRef: g,
          parentRefs: idx.parentsOf(g).filter(p => shown.has(p)),
          entityRefs: refs.filter(r => visible.has(r)),
        })),
        window,
      ),
    );
  });

  router.use(fieldFirstValidationErrors());
  return router;
}
