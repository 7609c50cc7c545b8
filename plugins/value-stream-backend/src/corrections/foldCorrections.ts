import type { ItemType } from '@valuestream/backstage-plugin-value-stream-common';
import { byTime } from '../correlation/folds';
import type { StoredEvent } from '../model/events';
import {
  correctedLink,
  CORRECTION_SOURCE,
  type CorrectionData,
  isCorrectionEvent,
} from './correctionEvents';

/** Correction events of a history, in event order (time, then source and id). Pure. */
function corrections(events: readonly StoredEvent[]): CorrectionData[] {
  return events
    .filter(e => e.source === CORRECTION_SOURCE && isCorrectionEvent(e))
    .sort(byTime)
    .map(e => e.data as CorrectionData);
}

/** What the corrections of an item decide (DESIGN §16). */
export interface ItemCorrections {
  /** The last link/unlink of each commit or PR: true linked, false unlinked. */
  links: { kind: 'commit' | 'pr'; ref: string; linked: boolean }[];
  itemType?: ItemType;
  /** `null`: the item has no value, whatever the tracker says. */
  value?: number | null;
  excluded: boolean;
}

/**
 * Folds an item's correction events in event order: the last one of each link, field and
 * exclusion wins, so a repeated correction changes nothing. Pure.
 */
export function foldItemCorrections(
  events: readonly StoredEvent[],
): ItemCorrections {
  const links = new Map<
    string,
    { kind: 'commit' | 'pr'; ref: string; linked: boolean }
  >();
  const out: ItemCorrections = { links: [], excluded: false };
  for (const c of corrections(events)) {
    if (c.kind === 'link' || c.kind === 'unlink') {
      const l = correctedLink(c);
      links.set(`${l.kind}\u0000${l.ref}`, { ...l, linked: c.kind === 'link' });
    } else if (c.kind === 'set_item') {
      if (c.itemType !== undefined) out.itemType = c.itemType as ItemType;
      if (c.value !== undefined) out.value = c.value;
    } else if (c.kind === 'exclude_item') {
      out.excluded = c.excluded;
    }
  }
  out.links = [...links.values()];
  return out;
}

/**
 * The deployment the last `attribute_incident` of an incident names (`null`: none), or
 * undefined without one (the rules of DESIGN §6 apply). Pure.
 */
export function foldIncidentAttribution(
  events: readonly StoredEvent[],
): { deploymentId: string | null } | undefined {
  let out: { deploymentId: string | null } | undefined;
  for (const c of corrections(events))
    if (c.kind === 'attribute_incident') out = { deploymentId: c.deploymentId };
  return out;
}

/** The tracker's attributes with a `set_item` correction's type and value over them. Pure. */
export function withItemCorrections<
  A extends { itemType: ItemType; value: number | null },
>(attributes: A, fixes: Pick<ItemCorrections, 'itemType' | 'value'>): A {
  return {
    ...attributes,
    ...(fixes.itemType !== undefined && { itemType: fixes.itemType }),
    ...(fixes.value !== undefined && { value: fixes.value }),
  };
}
