import { useVirtualizer } from '@tanstack/react-virtual';
import type { WorkItemSummary } from '@valuestream/backstage-plugin-value-stream-common';
import { useRef } from 'react';
import { CARD_HEIGHT, WorkItemCard } from './WorkItemCard';

const GAP = 8;
const ROW = CARD_HEIGHT + GAP;
const MAX_HEIGHT = 480;
/** Lanes up to this size mount every card; larger ones are virtualised. */
export const VIRTUALIZE_ABOVE = 40;

/**
 * The cards of one lane. In a long lane only the visible rows are mounted, so
 * thousands of items scroll smoothly.
 */
export function VirtualItemList(props: {
  items: WorkItemSummary[];
  onOpen: (key: string) => void;
  label: string;
  now?: number;
}) {
  const { items, onOpen, label, now } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const height = Math.min(items.length * ROW, MAX_HEIGHT);
  const virtual = items.length > VIRTUALIZE_ABOVE;
  const virtualizer = useVirtualizer({
    enabled: virtual,
    count: virtual ? items.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW,
    overscan: 6,
    initialRect: { width: 220, height },
  });

  const rows = virtual
    ? virtualizer.getVirtualItems()
    : items.map((_, index) => ({ index, start: index * ROW }));

  return (
    <div
      ref={scrollRef}
      role="list"
      aria-label={label}
      style={{ height, overflowY: 'auto', position: 'relative' }}
    >
      <div style={{ height: items.length * ROW, position: 'relative' }}>
        {rows.map(row => {
          const item = items[row.index];
          return (
            <div
              key={item.key}
              role="listitem"
              aria-setsize={items.length}
              aria-posinset={row.index + 1}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 4,
                transform: `translateY(${row.start}px)`,
              }}
            >
              <WorkItemCard item={item} onOpen={onOpen} now={now} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
