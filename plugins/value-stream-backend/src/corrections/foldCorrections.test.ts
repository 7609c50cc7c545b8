import type { StoredEvent } from '../model/events';
import { correctionEvent, CORRECTION_SOURCE } from './correctionEvents';
import {
  foldIncidentAttribution,
  foldItemCorrections,
  withItemCorrections,
} from './foldCorrections';
import type { Correction } from '@valuestream/backstage-plugin-value-stream-common';

/** The stored form of a correction made at `at` (ms). */
function stored(c: Correction, at: number, id = `x${at}`): StoredEvent {
  const row = correctionEvent(c, { actor: 'user:default/ann', at, id });
  return { ...JSON.parse(row.payload), at, subject: row.subject };
}

const unlinkA: Correction = {
  kind: 'unlink',
  workItemKey: 'PAY-1',
  commitSha: 'AAAA1111',
};

describe('foldItemCorrections', () => {
  it('keeps the last correction of each link, in event order', () => {
    const link: Correction = { ...unlinkA, kind: 'link' };
    // Given out of order: the link (t=2) comes after the unlink (t=1).
    const f = foldItemCorrections([stored(link, 2), stored(unlinkA, 1)]);
    expect(f.links).toEqual([
      { kind: 'commit', ref: 'aaaa1111', linked: true },
    ]);
    expect(f.excluded).toBe(false);
  });

  it('is unchanged by a repeated correction', () => {
    const once = foldItemCorrections([stored(unlinkA, 1)]);
    const twice = foldItemCorrections([stored(unlinkA, 1), stored(unlinkA, 5)]);
    expect(twice).toEqual(once);
  });

  it('names a PR by repository and number', () => {
    const f = foldItemCorrections([
      stored(
        {
          kind: 'unlink',
          workItemKey: 'PAY-1',
          pullRequest: { repository: 'acme/payments', number: 12 },
        },
        1,
      ),
    ]);
    expect(f.links).toEqual([
      { kind: 'pr', ref: 'acme/payments#12', linked: false },
    ]);
  });

  it('sets type and value field by field, and the last exclusion wins', () => {
    const f = foldItemCorrections([
      stored({ kind: 'set_item', workItemKey: 'K-1', itemType: 'risk' }, 1),
      stored({ kind: 'set_item', workItemKey: 'K-1', value: 30 }, 2),
      stored({ kind: 'set_item', workItemKey: 'K-1', value: null }, 3),
      stored({ kind: 'exclude_item', workItemKey: 'K-1', excluded: true }, 4),
      stored({ kind: 'exclude_item', workItemKey: 'K-1', excluded: false }, 5),
      stored({ kind: 'exclude_item', workItemKey: 'K-1', excluded: true }, 6),
    ]);
    expect(f).toMatchObject({ itemType: 'risk', value: null, excluded: true });
    expect(
      withItemCorrections(
        { itemType: 'feature' as const, value: 80, title: 't' },
        f,
      ),
    ).toEqual({ itemType: 'risk', value: null, title: 't' });
    expect(
      withItemCorrections({ itemType: 'feature' as const, value: 80 }, {}),
    ).toEqual({ itemType: 'feature', value: 80 });
  });

  it('ignores events of other sources and types', () => {
    const forged = { ...stored(unlinkA, 1), source: 'github' };
    const tracker: StoredEvent = {
      id: 't',
      source: CORRECTION_SOURCE,
      type: 'work_item.updated',
      occurredAt: '2026-01-01T00:00:00Z',
      data: { key: 'PAY-1', itemType: 'risk' },
      at: 0,
    };
    expect(foldItemCorrections([forged, tracker])).toEqual({
      links: [],
      excluded: false,
    });
  });
});

describe('foldIncidentAttribution', () => {
  it('is undefined without a correction, else the last one (null: none)', () => {
    expect(foldIncidentAttribution([])).toBeUndefined();
    const to = (deploymentId: string | null, at: number) =>
      stored(
        { kind: 'attribute_incident', incidentId: 'i1', deploymentId },
        at,
      );
    expect(foldIncidentAttribution([to(null, 2), to('d1', 1)])).toEqual({
      deploymentId: null,
    });
    expect(foldIncidentAttribution([to(null, 1), to('d1', 2)])).toEqual({
      deploymentId: 'd1',
    });
  });
});
