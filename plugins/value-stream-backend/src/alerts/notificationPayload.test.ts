import type { Alert } from '@valuestream/backstage-plugin-value-stream-common';
import {
  alertNotificationPayload,
  entityTabPath,
  escapeNotificationText,
  notificationSeverity,
} from './notificationPayload';

const alert = (workItemKey: string, message: string): Alert => ({
  id: 'a1',
  rule: 'item_blocked',
  severity: 'critical',
  stage: 'Code Review',
  workItemKey,
  message,
  detectedAt: '2026-01-05T09:00:00Z',
});

describe('alertNotificationPayload', () => {
  it('keeps an ordinary alert as it reads', () => {
    const p = alertNotificationPayload(
      'component:default/payments',
      alert('PAY-1', 'PAY-1 has been blocked for 2 days in Code Review'),
    );
    expect(p).toEqual({
      title: 'Value stream: item blocked on component:default/payments',
      description: 'PAY-1 has been blocked for 2 days in Code Review',
      link: '/catalog/default/component/payments/value-stream',
      severity: 'high',
      topic: 'value-stream',
    });
  });

  it('carries topic value-stream and the severity the modules route on', () => {
    const a = alert(
      'PAY-1',
      'PAY-1 has been blocked for 2 days in Code Review',
    );
    const of = (severity: Alert['severity']) =>
      alertNotificationPayload('component:default/payments', {
        ...a,
        severity,
      });
    expect(of('critical')).toMatchObject({
      topic: 'value-stream',
      severity: 'high',
    });
    expect(of('warning')).toMatchObject({
      topic: 'value-stream',
      severity: 'normal',
    });
    expect(of('info')).toMatchObject({
      topic: 'value-stream',
      severity: 'low',
    });
  });

  it('escapes markup, mentions and line breaks in an event-chosen key', () => {
    const key =
      '<https://evil.example/login|Reset your password> <!channel>\n<img src=x onerror=alert(1)>&';
    const p = alertNotificationPayload(
      'component:default/payments',
      alert(key, `${key} has been blocked for 2 days in Code Review`),
    );
    expect(p.description).not.toMatch(/[<>\n\r]/);
    expect(p.description).toContain('&lt;!channel&gt;');
    expect(p.description).toContain('&lt;img src=x onerror=alert(1)&gt;&amp;');
    expect(p.description).toMatch(
      / has been blocked for 2 days in Code Review$/,
    );
  });

  it('bounds the length of the key', () => {
    const key = 'K'.repeat(10_000);
    const p = alertNotificationPayload(
      'component:default/payments',
      alert(key, `${key} has been blocked for 2 days in Code Review`),
    );
    expect(p.description!.length).toBeLessThan(200);
  });
});

describe('notificationSeverity', () => {
  it('maps critical, warning and info to high, normal and low', () => {
    expect(
      (['critical', 'warning', 'info'] as const).map(notificationSeverity),
    ).toEqual(['high', 'normal', 'low']);
  });
});

describe('entityTabPath', () => {
  it('is the entity page path of the tab', () => {
    expect(entityTabPath('system:billing/ledger')).toBe(
      '/catalog/billing/system/ledger/value-stream',
    );
  });
});

describe('escapeNotificationText', () => {
  it('removes control, zero-width and bidirectional characters', () => {
    expect(
      escapeNotificationText('a\u0000b\u202ec\u200bd\r\ne\u2028f', 100),
    ).toBe('a b c d e f');
  });
});
