import type {
  LifecycleService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { startDemoChatReceiver } from './startDemoChatReceiver';

/** The count is logged at most this often, this long after the first message of a burst. */
const LOG_QUIET_MS = 1000;

/**
 * Starts the demo's chat receiver (a Slack-shaped incoming webhook on 127.0.0.1) that
 * `valueStream.alerts.webhooks` points at in app-config.development.yaml, and stops it on
 * shutdown. Logs the count of messages received ("demo chat receiver: 5 messages"), never a
 * webhook URL. Development only: refused in production.
 */
export async function serveChatDemo(options: {
  port: number;
  logger: LoggerService;
  lifecycle: LifecycleService;
}) {
  const { port, logger, lifecycle } = options;
  if (process.env.NODE_ENV === 'production') {
    throw new Error(
      'valueStream.demo.chatReceiver is for development only: remove it from the production configuration',
    );
  }
  let timer: NodeJS.Timeout | undefined;
  let receiver;
  try {
    receiver = await startDemoChatReceiver({
      port,
      onMessage: () => {
        if (timer) return;
        timer = setTimeout(() => {
          timer = undefined;
          const n = receiver!.count;
          logger.info(`demo chat receiver: ${n} message${n === 1 ? '' : 's'}`);
        }, LOG_QUIET_MS);
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    logger.warn(
      `Demo chat receiver not started: port ${port} is in use (set VALUE_STREAM_DEMO_CHAT_PORT)`,
    );
    return undefined;
  }
  const started = receiver;
  lifecycle.addShutdownHook(async () => {
    clearTimeout(timer);
    await started.close();
  });
  logger.info(
    `Demo chat receiver on port ${
      port || new URL(started.url).port
    }: new alerts arrive as Slack messages; GET /messages there lists the last 20`,
  );
  return started;
}
