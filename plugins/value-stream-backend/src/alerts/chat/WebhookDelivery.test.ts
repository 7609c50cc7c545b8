import type { AlertWebhook } from './readAlertWebhooks';
import { ITEM_ALERT, STAGE_ALERT } from './testAlerts';
import { type Answer, capturingLogger, startReceiver } from './testReceiver';
import { WebhookDelivery } from './WebhookDelivery';

jest.setTimeout(20_000);

const hook = (
  url: string,
  format: AlertWebhook['format'],
  extra: Partial<AlertWebhook> = {},
): AlertWebhook => ({
  url,
  format,
  minSeverity: 'info',
  name: `webhooks[0] (${format})`,
  ...extra,
});

const SECRET = '/services/T0001/B0002/s3cr3t-t0ken';
const BASE = 'https://backstage.example.com';
const TAB = `${BASE}/catalog/default/component/payments/value-stream`;

describe('WebhookDelivery', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
  let delivery: WebhookDelivery | undefined;
  afterEach(async () => {
    delivery?.close();
    await receiver?.close();
    receiver = delivery = undefined;
  });

  it('posts each format with its required fields to a local receiver', async () => {
    receiver = await startReceiver();
    const { logger } = capturingLogger();
    delivery = new WebhookDelivery({
      webhooks: [
        hook(receiver.url('/slack'), 'slack'),
        hook(receiver.url('/mattermost'), 'mattermost'),
        hook(receiver.url('/teams'), 'teams'),
      ],
      logger,
      baseUrl: `${BASE}/`,
    });
    delivery.notify(ITEM_ALERT.entityRef, ITEM_ALERT.alert);
    await delivery.idle();
    const by = Object.fromEntries(receiver.received.map(r => [r.path, r.body]));
    expect(Object.keys(by).sort()).toEqual(['/mattermost', '/slack', '/teams']);

    // Slack: { text, blocks? }; text names rule, entity, item and links to the tab
    expect(typeof by['/slack'].text).toBe('string');
    expect(Array.isArray(by['/slack'].blocks)).toBe(true);
    for (const s of [
      'item_blocked',
      'component:default/payments',
      'PAY-1',
      `<${TAB}|`,
    ])
      expect(by['/slack'].text).toContain(s);

    // Mattermost: { text } only
    expect(Object.keys(by['/mattermost'])).toEqual(['text']);
    for (const s of [
      'item_blocked',
      'component:default/payments',
      'PAY-1',
      `(${TAB})`,
    ])
      expect(by['/mattermost'].text).toContain(s);

    // Teams: a message with one Adaptive Card attachment
    const teams = by['/teams'];
    expect(teams.type).toBe('message');
    expect(teams.attachments).toHaveLength(1);
    const [att] = teams.attachments;
    expect(att.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(att.content.type).toBe('AdaptiveCard');
    expect(typeof att.content.version).toBe('string');
    expect(Array.isArray(att.content.body)).toBe(true);
    const card = JSON.stringify(att.content);
    for (const s of ['item_blocked', 'component:default/payments', 'PAY\\\\-1'])
      expect(card).toContain(s);
    expect(att.content.actions).toEqual([
      expect.objectContaining({ type: 'Action.OpenUrl', url: TAB }),
    ]);
  });

  it('retries a receiver that fails twice, then succeeds: one message, three attempts', async () => {
    receiver = await startReceiver(n => (n <= 2 ? 503 : 200));
    const { logger, lines } = capturingLogger();
    delivery = new WebhookDelivery({
      webhooks: [hook(receiver.url(SECRET), 'slack')],
      logger,
      retryDelayMs: 20,
    });
    delivery.notify(ITEM_ALERT.entityRef, ITEM_ALERT.alert);
    await delivery.idle();
    expect(receiver.received).toHaveLength(3);
    // the same message each time
    expect(
      new Set(receiver.received.map(r => JSON.stringify(r.body))).size,
    ).toBe(1);
    expect(lines.filter(l => l.startsWith('warn'))).toEqual([]);
    expect(lines).toContain(
      'debug value-stream: alert a1 posted to webhooks[0] (slack) (attempt 3) ',
    );
  });

  it('returns at once from a receiver that never answers, and gives up after the bounded attempts', async () => {
    receiver = await startReceiver(() => 'hang');
    const { logger, lines } = capturingLogger();
    delivery = new WebhookDelivery({
      webhooks: [hook(receiver.url(SECRET), 'teams')],
      logger,
      timeoutMs: 200,
      retryDelayMs: 20,
      maxAttempts: 3,
    });
    const started = Date.now();
    delivery.notify(ITEM_ALERT.entityRef, ITEM_ALERT.alert);
    expect(Date.now() - started).toBeLessThan(50);
    expect(receiver.received).toHaveLength(0);
    await delivery.idle();
    // 3 attempts of 200 ms each, plus 20 + 40 ms between them
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 200 + 60);
    expect(receiver.received).toHaveLength(3);
    expect(lines.filter(l => l.startsWith('warn'))).toEqual([
      'warn value-stream: chat message for alert a1 not delivered to webhooks[0] (teams): no answer in time ',
    ]);
  });

  it("waits a 429's Retry-After when it is longer than the backoff", async () => {
    receiver = await startReceiver(n =>
      n === 1 ? { status: 429, headers: { 'retry-after': '1' } } : 200,
    );
    const { logger } = capturingLogger();
    delivery = new WebhookDelivery({
      webhooks: [hook(receiver.url(SECRET), 'slack')],
      logger,
      retryDelayMs: 10,
    });
    delivery.notify(ITEM_ALERT.entityRef, ITEM_ALERT.alert);
    await delivery.idle();
    expect(receiver.received).toHaveLength(2);
    const [first, second] = receiver.received;
    expect(second.at - first.at).toBeGreaterThanOrEqual(990);
  });

  it('does not retry a refusal (4xx other than 408 and 429)', async () => {
    receiver = await startReceiver(() => 404);
    const { logger, lines } = capturingLogger();
    delivery = new WebhookDelivery({
      webhooks: [hook(receiver.url(SECRET), 'mattermost')],
      logger,
      retryDelayMs: 10,
    });
    delivery.notify(ITEM_ALERT.entityRef, ITEM_ALERT.alert);
    await delivery.idle();
    expect(receiver.received).toHaveLength(1);
    expect(lines.filter(l => l.startsWith('warn'))).toEqual([
      'warn value-stream: chat message for alert a1 not delivered to webhooks[0] (mattermost): HTTP 404 ',
    ]);
  });

  it('never logs the URL: not on success, failure, timeout or a refused connection', async () => {
    const answers: Answer[] = [500, 'hang', 200];
    receiver = await startReceiver(n => answers[n - 1] ?? 200);
    const closed = await startReceiver();
    const refusedUrl = closed.url(SECRET);
    await closed.close();
    const { logger, lines } = capturingLogger();
    delivery = new WebhookDelivery({
      webhooks: [
        hook(receiver.url(SECRET), 'slack'),
        { ...hook(refusedUrl, 'slack'), name: 'webhooks[1] (slack)' },
      ],
      logger,
      timeoutMs: 200,
      retryDelayMs: 10,
      maxAttempts: 3,
    });
    delivery.notify(ITEM_ALERT.entityRef, ITEM_ALERT.alert);
    await delivery.idle();
    expect(receiver.received).toHaveLength(3);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines).toContain(
      'warn value-stream: chat message for alert a1 not delivered to webhooks[1] (slack): ECONNREFUSED ',
    );
    const all = lines.join('\n');
    expect(all).not.toContain('s3cr3t');
    expect(all).not.toContain('/services/');
    expect(all).not.toContain('127.0.0.1');
  });

  it('posts only alerts at or above minSeverity and of the listed owners', async () => {
    receiver = await startReceiver();
    const { logger } = capturingLogger();
    delivery = new WebhookDelivery({
      webhooks: [
        hook(receiver.url('/critical'), 'mattermost', {
          minSeverity: 'critical',
        }),
        hook(receiver.url('/team-a'), 'mattermost', {
          owners: ['group:default/team-a'],
        }),
        hook(receiver.url('/team-b'), 'mattermost', {
          owners: ['group:default/team-b'],
        }),
      ],
      logger,
      ownersOf: () => ['group:default/team-a'],
    });
    delivery.notify(ITEM_ALERT.entityRef, ITEM_ALERT.alert); // critical
    delivery.notify(STAGE_ALERT.entityRef, STAGE_ALERT.alert); // warning
    await delivery.idle();
    const count = (path: string) =>
      receiver!.received.filter(r => r.path === path).length;
    expect([count('/critical'), count('/team-a'), count('/team-b')]).toEqual([
      1, 2, 0,
    ]);
    // in the order notified
    expect(
      receiver.received
        .filter(r => r.path === '/team-a')
        .map(r => (r.body.text as string).split(' ')[0]),
    ).toEqual(['**Item', '**Wip']);
  });
});
