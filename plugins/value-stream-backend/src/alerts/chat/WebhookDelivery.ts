import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Alert } from '@valuestream/backstage-plugin-value-stream-common';
import { entityTabPath } from '../notificationPayload';
import { chatMessage } from './chatMessage';
import { type AlertWebhook, SEVERITIES } from './readAlertWebhooks';

/** Options of {@link WebhookDelivery}. @internal */
export interface WebhookDeliveryOptions {
  webhooks: AlertWebhook[];
  logger: LoggerService;
  /** `app.baseUrl`: links to the tab are absolute with it. */
  baseUrl?: string;
  /** The entity's owner refs (lower case), for webhooks with `owners`. */
  ownersOf?: (entityRef: string) => readonly string[];
  /** Attempts per message, the first included. Defaults to 5. */
  maxAttempts?: number;
  /** Wait before the first retry (ms), doubled for each next one. Defaults to 2000. */
  retryDelayMs?: number;
  /** An attempt without an answer in this long (ms) fails. Defaults to 10000. */
  timeoutMs?: number;
  /** Messages waiting per webhook; beyond, new ones are dropped (and logged). Defaults to 500. */
  maxQueue?: number;
  fetch?: typeof fetch;
}

interface Job {
  alertId: string;
  body: string;
}

/** Whether an answer is worth another attempt: 408, 429 and 5xx. */
function retryable(status: number) {
  return status === 408 || status === 429 || status >= 500;
}

/** Longest `Retry-After` followed, in ms. */
const MAX_RETRY_AFTER_MS = 60_000;

/** A `Retry-After` in seconds (as Slack and Teams send it) as ms, at most a minute; 0 without. */
function retryAfterMs(header: string | null): number {
  const seconds = Number(header);
  if (!header || !Number.isFinite(seconds) || seconds <= 0) return 0;
  return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
}

/** A failed attempt, for the log: the status or the error code, never the URL. */
function describe(error: unknown): string {
  const e = error as { name?: string; cause?: { code?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError')
    return 'no answer in time';
  return e?.cause?.code ?? e?.name ?? 'error';
}

/**
 * Posts one chat message per new alert to each matching `valueStream.alerts.webhooks` entry
 * (DESIGN §15). `notify` only queues and returns, so evaluation never waits for a chat; each
 * webhook's queue is sent in order, an attempt that fails (no answer, 408, 429, 5xx) is
 * retried after 2 s, 4 s, 8 s… (or the answer's `Retry-After`, up to a minute, when longer)
 * up to `maxAttempts`. Messages still queued at shutdown are
 * lost. Logs name a webhook by its position, never by its URL.
 * @internal
 */
export class WebhookDelivery {
  private readonly queues: Job[][];
  private readonly running = new Map<number, Promise<void>>();
  private readonly fetch: typeof fetch;
  private closed = false;
  private readonly stop = new AbortController();

  constructor(private readonly options: WebhookDeliveryOptions) {
    this.queues = options.webhooks.map(() => []);
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  /** Whether any webhook is configured. */
  get enabled(): boolean {
    return this.options.webhooks.length > 0;
  }

  /** Queues the alert's message for each webhook it passes; never waits, never throws. */
  notify(entityRef: string, alert: Alert): void {
    if (this.closed) return;
    const { webhooks, baseUrl, logger } = this.options;
    const link = `${(baseUrl ?? '').replace(/\/+$/, '')}${entityTabPath(
      entityRef,
    )}`;
    webhooks.forEach((hook, i) => {
      if (
        SEVERITIES.indexOf(alert.severity) <
        SEVERITIES.indexOf(hook.minSeverity)
      )
        return;
      if (hook.owners) {
        const owners = this.options.ownersOf?.(entityRef) ?? [];
        if (!owners.some(o => hook.owners!.includes(o))) return;
      }
      const queue = this.queues[i];
      if (queue.length >= (this.options.maxQueue ?? 500)) {
        logger.warn(
          `value-stream: chat message for alert ${alert.id} dropped: ${hook.name} has ${queue.length} waiting`,
        );
        return;
      }
      queue.push({
        alertId: alert.id,
        body: JSON.stringify(
          chatMessage(hook.format, { entityRef, alert, link }),
        ),
      });
      if (!this.running.has(i)) this.running.set(i, this.drain(i));
    });
  }

  /** Resolves when every queued message has been sent or given up (for tests). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.all(this.running.values());
  }

  /** Stops: waiting messages are dropped, attempts under way aborted, retries not made. */
  close() {
    this.closed = true;
    for (const q of this.queues) q.length = 0;
    this.stop.abort();
  }

  private async drain(i: number) {
    const queue = this.queues[i];
    while (queue.length && !this.closed) {
      await this.send(i, queue.shift()!);
    }
    // in the same step as the last check, so a message queued from now on starts a new drain
    this.running.delete(i);
  }

  /** `ms`, or until `close()`. */
  private wait(ms: number): Promise<void> {
    const signal = this.stop.signal;
    return new Promise<void>(resolve => {
      const timer = setTimeout(done, ms);
      timer.unref?.();
      signal.addEventListener('abort', done);
      function done() {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
    });
  }

  private async send(i: number, job: Job) {
    const { webhooks, logger } = this.options;
    const hook = webhooks[i];
    const maxAttempts = Math.max(1, this.options.maxAttempts ?? 5);
    let delay = this.options.retryDelayMs ?? 2000;
    let last = '';
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      let wait = delay;
      try {
        const res = await this.fetch(hook.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: job.body,
          signal: AbortSignal.any([
            this.stop.signal,
            AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
          ]),
        });
        // the body is not read beyond this: some chats answer "ok", some an id
        await res.arrayBuffer().catch(() => undefined);
        if (res.ok) {
          logger.debug(
            `value-stream: alert ${job.alertId} posted to ${hook.name} (attempt ${attempt})`,
          );
          return;
        }
        last = `HTTP ${res.status}`;
        if (!retryable(res.status)) break;
        wait = Math.max(delay, retryAfterMs(res.headers.get('retry-after')));
      } catch (e) {
        last = describe(e);
      }
      if (this.closed) {
        last = 'shutting down';
        break;
      }
      if (attempt < maxAttempts) {
        await this.wait(wait);
        delay *= 2;
      }
    }
    logger.warn(
      `value-stream: chat message for alert ${job.alertId} not delivered to ${hook.name}: ${last}`,
    );
  }
}
