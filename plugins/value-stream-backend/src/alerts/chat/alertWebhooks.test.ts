import { mockServices } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { createValueStream } from '../../createValueStream';
import { mockDeps } from '../../__testUtils__/mockDeps';
import { databases } from '../../__testUtils__/testBackend';
import { type Answer, capturingLogger, startReceiver } from './testReceiver';

jest.setTimeout(60_000);

const HOUR = 3_600_000;
const ENTITY = 'component:default/payments';
const T0 = Date.parse('2026-03-10T00:00:00Z');
const SECRET_PATH = '/hooks/s3cr3t-path';
const ev = (id: string, type: string, at: number, data: object) => ({
  id,
  source: 'jira',
  type,
  occurredAt: new Date(at).toISOString(),
  data: { key: 'PAY-7', ...data },
});
/** PAY-7 blocked 23 h before T0: item_blocked opens 1 h after T0. */
const BLOCKED = [
  ev('1', 'work_item.created', T0 - 48 * HOUR, {
    title: 'Retry',
    itemType: 'feature',
  }),
  ev('2', 'work_item.status_changed', T0 - 47 * HOUR, { to: 'In Progress' }),
  ev('3', 'work_item.blocked', T0 - 23 * HOUR, { reason: 'vendor' }),
];

describe.each(databases.eachSupportedId())(
  'alert webhooks on %p',
  databaseId => {
    let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
    let vs: Awaited<ReturnType<typeof createValueStream>> | undefined;
    afterEach(async () => {
      vs?.chat.close();
      await receiver?.close();
      receiver = vs = undefined;
    });

    async function start(knex: Knex, now: () => number, answer?: () => Answer) {
      receiver = await startReceiver(answer);
      const log = capturingLogger();
      vs = await createValueStream(
        mockDeps(knex, {
          config: mockServices.rootConfig({
            data: {
              app: { baseUrl: 'http://backstage.test' },
              valueStream: {
                alerts: {
                  webhooks: [
                    { format: 'slack', url: receiver.url(SECRET_PATH) },
                  ],
                },
              },
            },
          }),
          logger: log.logger,
          now,
        }),
      );
      await vs.index.refresh();
      return { vs, receiver, log };
    }

    it('posts one message per new alert, none on re-evaluation', async () => {
      const knex = await databases.init(databaseId);
      let now = T0;
      const { vs: v, receiver: r } = await start(knex, () => now);
      await v.ingest.ingest(BLOCKED);
      await v.alerts.flush();
      now = T0 + 2 * HOUR;
      expect(await v.alerts.evaluateAll()).toMatchObject({ opened: 1 });
      now += 60_000;
      expect(await v.alerts.evaluateAll()).toMatchObject({ opened: 0 });
      now += 60_000;
      await v.alerts.evaluateAll();
      await v.chat.idle();
      expect(r.received).toHaveLength(1);
      const { path, body } = r.received[0];
      expect(path).toBe(SECRET_PATH);
      expect(body.text).toContain('item_blocked');
      expect(body.text).toContain(ENTITY);
      expect(body.text).toContain('PAY-7');
      expect(body.text).toContain(
        '<http://backstage.test/catalog/default/component/payments/value-stream|',
      );
    });

    it('does not wait for a chat that never answers, and logs no URL', async () => {
      const knex = await databases.init(databaseId);
      let now = T0;
      const {
        vs: v,
        receiver: r,
        log,
      } = await start(
        knex,
        () => now,
        () => 'hang',
      );
      await v.ingest.ingest(BLOCKED);
      await v.alerts.flush();
      now = T0 + 2 * HOUR;
      const started = Date.now();
      expect(await v.alerts.evaluateAll()).toMatchObject({ opened: 1 });
      // the default attempt timeout is 10 s: evaluation returned long before it
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(await v.alerts.list([ENTITY], 'open')).toHaveLength(1);
      // the post is under way, unanswered
      for (let i = 0; i < 100 && !r.received.length; i++)
        await new Promise(res => setTimeout(res, 20));
      expect(r.received).toHaveLength(1);
      v.chat.close();
      await v.chat.idle();
      const all = log.lines.join('\n');
      expect(all).toContain(
        'not delivered to webhooks[0] (slack): shutting down',
      );
      expect(all).not.toContain('s3cr3t');
    });
  },
);
