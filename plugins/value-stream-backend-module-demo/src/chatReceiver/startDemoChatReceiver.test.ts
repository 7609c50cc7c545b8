import { startDemoChatReceiver } from './startDemoChatReceiver';

describe('startDemoChatReceiver', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  const post = (url: string, body: unknown) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('takes Slack-shaped posts as Slack does, keeps the last 20 and counts them', async () => {
    const counts: number[] = [];
    const r = await startDemoChatReceiver({
      port: 0,
      onMessage: n => counts.push(n),
    });
    close = r.close;
    const ok = await post(`${r.url}/hooks/demo`, {
      text: 'Item blocked on component:default/checkout-service',
      blocks: [{ type: 'section' }],
    });
    expect([ok.status, await ok.text()]).toEqual([200, 'ok']);
    for (const bad of [
      { blocks: [] },
      { text: '' },
      { text: 'x', blocks: {} },
      'not json',
    ]) {
      const res = await post(`${r.url}/hooks/demo`, bad);
      expect([res.status, await res.text()]).toEqual([400, 'invalid_payload']);
    }
    for (let i = 2; i <= 22; i++) await post(`${r.url}/h`, { text: `m${i}` });
    expect(counts).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    const listed = await (await fetch(`${r.url}/messages`)).json();
    expect(listed.count).toBe(22);
    expect(listed.messages.map((m: { text: string }) => m.text)).toEqual(
      Array.from({ length: 20 }, (_, i) => `m${i + 3}`),
    );
    expect(r.count).toBe(22);
  });
});
