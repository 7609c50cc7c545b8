import type { DatabaseValueStreamStore } from '../database/DatabaseValueStreamStore';
import type { StoredEvent } from '../model/events';
import { parseSubject, subject } from '../model/subjects';
import { group, unique } from '../correlation/collections';
import { CORRECTION_SOURCE } from './correctionEvents';
import { foldItemCorrections } from './foldCorrections';

/** The store methods applying link corrections reads and writes. */
export type LinkCorrectionStore = Pick<
  DatabaseValueStreamStore,
  'eventsForSubjects' | 'correctLinks'
>;

const LINK_TYPES = new Set(['correction.link', 'correction.unlink']);

/** The items whose link corrections are among these events. Pure. */
export function linkCorrectedKeys(events: readonly StoredEvent[]): string[] {
  return unique(
    events.flatMap(e => {
      const s = parseSubject(e.subject);
      return e.source === CORRECTION_SOURCE &&
        LINK_TYPES.has(e.type) &&
        s?.kind === 'item'
        ? [s.id]
        : [];
    }),
  );
}

/**
 * Applies the link/unlink corrections among these events (DESIGN §16): each touched item's
 * corrections are folded from its whole history, so the last one of a pair wins whatever
 * the batch, and a repeat changes nothing. Returns the items whose links were corrected.
 */
export async function applyLinkCorrections(
  store: LinkCorrectionStore,
  events: readonly StoredEvent[],
): Promise<string[]> {
  const keys = linkCorrectedKeys(events);
  if (!keys.length) return [];
  const history = group(
    await store.eventsForSubjects(keys.map(k => subject('item', k))),
    e => parseSubject(e.subject)?.id ?? '',
  );
  await store.correctLinks(
    keys.flatMap(itemKey =>
      foldItemCorrections(history.get(itemKey) ?? []).links.map(l => ({
        itemKey,
        ...l,
      })),
    ),
  );
  return keys;
}
