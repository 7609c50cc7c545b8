import express from 'express';
import Router from 'express-promise-router';
import { parseEventsBody } from '../ingest/parseEvents';
import {
  MAX_BODY_BYTES,
  PayloadTooLargeError,
  RejectedBatchError,
} from '../ingest/IngestService';
import { writeCredentials } from './access';
import type { RouterOptions } from './router';
import { handleWebhook } from './webhooks';

const readRawBody = express.raw({ type: () => true, limit: MAX_BODY_BYTES });

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

/**
 * The writes that need the raw body: `POST /events` (CloudEvents binary, structured and
 * batch modes beside canonical JSON) and `POST /webhooks/:source` (HMAC over the exact
 * bytes). They sit beside the OpenAPI router, mounted before it so that its JSON body
 * parser never sees these bodies; openapi.yaml describes them and the conformance test
 * checks their answers.
 */
export function createRawBodyRouter(options: RouterOptions): express.Router {
  const router = Router();

  router.post('/events', rawBody, async (req, res) => {
    await writeCredentials(options, req);
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    res
      .status(202)
      .json(await options.ingest.accept(parseEventsBody(body, req.headers)));
  });

  router.post('/webhooks/:source', rawBody, async (req, res) => {
    res.status(202).json(await handleWebhook(req, options));
  });

  router.use(rejectedBatchHandler());
  return router;
}
