import { canonicalEvent } from './events';

describe('canonicalEvent, the one event builder', () => {
  it('drops undefined and null data fields, and empty repository or entityRef', () => {
    expect(
      canonicalEvent({
        id: 'e1',
        source: 'github',
        type: 'pull_request.opened',
        occurredAt: '2026-01-01T00:00:00.000Z',
        repository: null,
        entityRef: '',
        data: { number: 1, title: 'x', body: null, branch: undefined, n: 0 },
      }),
    ).toEqual({
      id: 'e1',
      source: 'github',
      type: 'pull_request.opened',
      occurredAt: '2026-01-01T00:00:00.000Z',
      data: { number: 1, title: 'x', n: 0 },
    });
    expect(
      canonicalEvent({
        id: 'e2',
        source: 's',
        type: 't',
        occurredAt: 'x',
        repository: 'acme/shop',
        entityRef: 'component:default/shop',
        data: {},
      }),
    ).toMatchObject({
      repository: 'acme/shop',
      entityRef: 'component:default/shop',
    });
  });
});
