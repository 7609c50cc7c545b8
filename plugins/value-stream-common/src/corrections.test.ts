import { inverseCorrection, parseCorrection } from './corrections';

describe('parseCorrection', () => {
  it('accepts each kind', () => {
    for (const body of [
      { kind: 'link', workItemKey: 'PAY-1', commitSha: 'abc1234' },
      {
        kind: 'unlink',
        workItemKey: 'PAY-1',
        pullRequest: { repository: 'acme/payments', number: 3 },
      },
      { kind: 'set_item', workItemKey: 'PAY-1', value: null },
      { kind: 'exclude_item', workItemKey: 'PAY-1', excluded: false },
      { kind: 'attribute_incident', incidentId: 'i1', deploymentId: 'd1' },
    ])
      expect(parseCorrection(body)).toEqual({ ok: true, correction: body });
  });

  it('names the field', () => {
    const message = (body: unknown) => {
      const r = parseCorrection(body);
      return r.ok ? 'ok' : r.message.split(':')[0];
    };
    expect(message(null)).toBe('body');
    expect(message({ kind: 'nope' })).toBe('kind');
    expect(
      message({
        kind: 'link',
        workItemKey: 'PAY-1',
        commitSha: 'abc1234',
        pullRequest: { repository: 'a/b', number: 1 },
      }),
    ).toBe('commitSha');
    expect(message({ kind: 'set_item', workItemKey: ' ' })).toBe('workItemKey');
    expect(
      message({ kind: 'attribute_incident', incidentId: 'i', deploymentId: 3 }),
    ).toBe('deploymentId');
  });
});

describe('inverseCorrection', () => {
  it('undoes each kind', () => {
    const unlink = {
      kind: 'unlink' as const,
      workItemKey: 'K',
      commitSha: 'abc1234',
    };
    expect(inverseCorrection(unlink)).toEqual({ ...unlink, kind: 'link' });
    expect(
      inverseCorrection({
        kind: 'exclude_item',
        workItemKey: 'K',
        excluded: true,
      }),
    ).toEqual({ kind: 'exclude_item', workItemKey: 'K', excluded: false });
    expect(
      inverseCorrection(
        { kind: 'set_item', workItemKey: 'K', itemType: 'risk' },
        { itemType: 'feature', value: 5 },
      ),
    ).toEqual({ kind: 'set_item', workItemKey: 'K', itemType: 'feature' });
    expect(
      inverseCorrection(
        { kind: 'set_item', workItemKey: 'K', value: 9 },
        { itemType: 'feature', value: null },
      ),
    ).toEqual({ kind: 'set_item', workItemKey: 'K', value: null });
  });
});
