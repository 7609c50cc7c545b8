import type { StoredEvent } from '../model/events';
import type { Evidence } from './evidence';

/**
 * Whether `label` blocks by `valueStream.blockedLabels` (DESIGN §13): an exact name, or a
 * pattern ending in `*` whose rest of the label is the reason. Case-insensitive.
 * Returns undefined when it does not block, else the reason (null without one).
 */
export function blockingLabelReason(
  label: string,
  patterns: readonly string[],
): string | null | undefined {
  const name = label.toLowerCase();
  for (const pattern of patterns) {
    const p = pattern.toLowerCase();
    if (p.endsWith('*')) {
      const prefix = p.slice(0, -1);
      if (name.startsWith(prefix) && name.length > prefix.length)
        return label.slice(prefix.length).trim() || null;
    } else if (name === p) return null;
  }
  return undefined;
}

/**
 * Blocked / unblocked evidence from an item's label changes: the `labels` of its
 * `work_item.created` / `work_item.updated` events (each the whole set), in time order.
 * A blocking label added blocks, with its reason; the last one removed unblocks.
 * Events without `labels` change nothing.
 */
export function labelBlockEvidence(
  events: readonly StoredEvent[],
  patterns: readonly string[],
): Evidence[] {
  if (patterns.length === 0) return [];
  const order = (e: StoredEvent) => `${e.source}/${e.id}`;
  const labelled = events
    .filter(
      e =>
        (e.type === 'work_item.created' || e.type === 'work_item.updated') &&
        Array.isArray((e.data as { labels?: unknown }).labels),
    )
    .sort((a, b) => a.at - b.at || order(a).localeCompare(order(b), 'en'));
  const evidence: Evidence[] = [];
  let current = new Set<string>();
  for (const e of labelled) {
    const next = new Map<string, string | null>();
    for (const label of (e.data as { labels: string[] }).labels) {
      const reason = blockingLabelReason(label, patterns);
      if (reason !== undefined) next.set(label, reason);
    }
    for (const [label, reason] of next) {
      if (!current.has(label))
        evidence.push({
          kind: 'blocked',
          at: e.at,
          order: `${order(e)}/${label}`,
          ...(reason ? { reason } : {}),
        });
    }
    if (current.size > 0 && next.size === 0)
      evidence.push({ kind: 'unblocked', at: e.at, order: order(e) });
    current = new Set(next.keys());
  }
  return evidence;
}
