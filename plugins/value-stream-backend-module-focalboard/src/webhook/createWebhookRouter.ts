import {
  AuthenticationError,
  InputError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { IngestResponse } from '@valuestream/backstage-plugin-value-stream-common';
import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { isObject } from '@valuestream/backstage-plugin-value-stream-node';
import express from 'express';
import Router from 'express-promise-router';
import type { FocalboardClient } from '../FocalboardClient';
import { cardEvents } from '../mapping/cardEvents';
import { verifyFocalboardWebhook } from '../verify';

/** The route, under the plugin's base path (`/api/value-stream`). */
export const WEBHOOK_PATH = '/focalboard/webhook';

/** What the webhook route needs. */
export interface WebhookRouterOptions {
  /** `valueStream.sources.focalboard.webhookSecret`; without it every request is refused. */
  secret?: string;
  /** Undefined without `baseUrl` and `token`: the card cannot be read then. */
  client?: FocalboardClient;
  entityOf(boardId: string): Promise<string | undefined>;
  /** The backend's ingest (the producer context); undefined until the plugin started. */
  ingest(): ((events: CanonicalEvent[]) => Promise<IngestResponse>) | undefined;
  statusProperty?: string;
}

const IGNORED: IngestResponse = { accepted: 0, duplicates: 0, ignored: 1 };

/**
 * `POST /focalboard/webhook`: Focalboard posts the changed block (server/model/block.go);
 * the route verifies the request, reads the card and its board's properties through the
 * REST API (the block may be stale, and the status option's name is on the board), and
 * accepts the card's events through the backend's ingest, answering like
 * `POST /webhooks/:source`.
 */
export function createWebhookRouter(options: WebhookRouterOptions) {
  const router = Router();
  router.post(
    WEBHOOK_PATH,
    express.raw({ type: () => true, limit: '10mb' }),
    async (req, res) => {
      if (!options.secret)
        throw new NotAllowedError(
          'Source "focalboard" is not configured: set valueStream.sources.focalboard.webhookSecret',
        );
      const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [
          k.toLowerCase(),
          Array.isArray(v) ? v.join(',') : v,
        ]),
      );
      if (!verifyFocalboardWebhook({ rawBody, headers }, options.secret))
        throw new AuthenticationError(
          'Webhook signature or token for "focalboard" is missing or wrong',
        );
      let block: unknown;
      try {
        block = JSON.parse(rawBody.toString('utf8'));
      } catch (e) {
        throw new InputError(
          `Webhook body is not valid JSON: ${(e as Error).message}`,
        );
      }
      if (!isObject(block) || typeof block.id !== 'string' || !block.id)
        throw new InputError(
          'Malformed focalboard payload: the block has no id',
        );
      // not a card, or a card deleted (Focalboard then keeps it only in its history)
      if (
        block.type !== 'card' ||
        typeof block.boardId !== 'string' ||
        Number(block.deleteAt) > 0
      ) {
        res.status(202).json(IGNORED);
        return;
      }
      const ingest = options.ingest();
      if (!options.client || !ingest)
        throw new ServiceUnavailableError(
          options.client
            ? 'The value-stream backend has not started yet'
            : 'Focalboard cards cannot be read: set valueStream.sources.focalboard.baseUrl and token',
        );
      const client = options.client;
      const boardId = block.boardId;
      const [card, board] = await Promise.all([
        client.block(boardId, block.id),
        client.board(boardId),
      ]).catch(e => {
        // Focalboard does not retry: say why, the tool's answer included
        throw new ServiceUnavailableError(`Cannot read the card: ${e.message}`);
      });
      const events =
        card && board
          ? cardEvents(card, board, {
              entityRef: await options.entityOf(block.boardId),
              statusProperty: options.statusProperty,
            })
          : [];
      res.status(202).json(events.length ? await ingest(events) : IGNORED);
    },
  );
  return router;
}
