import type { Knex } from 'knex';
import type { NewEvent, StoredEvent } from '../model/events';
import type { EventsTable, PendingTable } from './tables';
import {
  chunk,
  num,
  PARAMS_PER_STATEMENT,
  ROWS_PER_STATEMENT,
  selectIn,
} from './util';

type EventColumns = Pick<EventsTable, 'payload' | 'occurred_at' | 'subject'>;

const toStoredEvent = (r: EventColumns): StoredEvent => ({
  ...JSON.parse(r.payload),
  at: num(r.occurred_at)!,
  subject: r.subject,
});

/** `vs_events` (raw events, by subject) and `vs_pending` (the correlation queue). */
const eventRow = (e: NewEvent): Omit<EventsTable, 'seq'> => ({
  source: e.source,
  id: e.id,
  type: e.type,
  occurred_at: e.occurredAt,
  received_at: e.receivedAt,
  entity_ref: e.entityRef,
  repository: e.repository,
  subject: e.subject,
  payload: e.payload,
});

export class EventStore {
  constructor(private readonly db: Knex) {}

  /**
   * Stores the events not stored yet, and queues the ones with a subject for correlation,
   * in one transaction. Returns the `source\0id` of those inserted and the highest `seq`
   * queued. The database decides what is new (`on conflict do nothing returning`), so two
   * requests racing with the same event store and count it once.
   */
  async insertEvents(
    events: NewEvent[],
  ): Promise<{ inserted: Set<string>; maxPendingSeq: number | null }> {
    const rows = events.map(eventRow);
    const id = (s: string, i: string) => `${s}\u0000${i}`;
    const inserted = new Set<string>();
    let maxPendingSeq: number | null = null;
    const seen = new Set<string>();
    const fresh = rows.filter(r => {
      const k = id(r.source, r.id);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    if (!fresh.length) return { inserted, maxPendingSeq };
    await this.db.transaction(async tx => {
      const pending: { seq: number; received_at: number }[] = [];
      const size = Math.floor(PARAMS_PER_STATEMENT / 9);
      for (const part of chunk(fresh, Math.min(size, ROWS_PER_STATEMENT))) {
        const back: Pick<
          EventsTable,
          'seq' | 'source' | 'id' | 'subject' | 'received_at'
        >[] = await tx('vs_events')
          .insert(part)
          .onConflict(['source', 'id'])
          .ignore()
          .returning(['seq', 'source', 'id', 'subject', 'received_at']);
        for (const b of back) {
          inserted.add(id(b.source, b.id));
          if (b.subject === null) continue;
          const seq = Number(b.seq);
          pending.push({ seq, received_at: Number(b.received_at) });
          if (maxPendingSeq === null || seq > maxPendingSeq)
            maxPendingSeq = seq;
        }
      }
      for (const part of chunk(pending, ROWS_PER_STATEMENT))
        await tx('vs_pending').insert(part);
    });
    return { inserted, maxPendingSeq };
  }

  /** The oldest accepted events still to correlate, at most `limit`, in `seq` order. */
  async pendingEvents(
    limit: number,
  ): Promise<(StoredEvent & { seq: number })[]> {
    const rows: (EventColumns & { seq: EventsTable['seq'] })[] = await this.db(
      'vs_pending as p',
    )
      .join('vs_events as e', 'e.seq', 'p.seq')
      .select('e.seq', 'e.payload', 'e.occurred_at', 'e.subject')
      .orderBy('p.seq')
      .limit(limit);
    return rows.map(r => ({ ...toStoredEvent(r), seq: Number(r.seq) }));
  }

  /** Removes correlated events from the queue. */
  async clearPending(seqs: number[]) {
    for (const part of chunk(seqs, 2000))
      await this.db<PendingTable>('vs_pending').whereIn('seq', part).delete();
  }

  /** How many accepted events wait for correlation, and since when (DESIGN §8). */
  async pendingStatus(): Promise<{
    pending: number;
    oldestPendingAt: number | null;
    lowestSeq: number | null;
  }> {
    const row = await this.db('vs_pending')
      .count({ n: '*' })
      .min({ oldest: 'received_at', low: 'seq' })
      .first();
    return {
      pending: Number(row?.n ?? 0),
      oldestPendingAt: num(row?.oldest),
      lowestSeq: num(row?.low),
    };
  }

  async eventsForSubjects(subjects: string[]): Promise<StoredEvent[]> {
    const rows = await selectIn<EventColumns>(
      () => this.db('vs_events').select('payload', 'occurred_at', 'subject'),
      'subject',
      subjects,
    );
    return rows.map(toStoredEvent);
  }

  /** Pages through every stored event in arrival order (for rebuilds). */
  async *allEvents(pageSize = 5000): AsyncGenerator<StoredEvent[]> {
    let after = 0;
    for (;;) {
      const rows: (EventColumns & { seq: EventsTable['seq'] })[] =
        await this.db('vs_events')
          .select('seq', 'payload', 'occurred_at', 'subject')
          .where('seq', '>', after)
          .orderBy('seq')
          .limit(pageSize);
      if (!rows.length) return;
      after = num(rows[rows.length - 1].seq)!;
      yield rows.map(toStoredEvent);
    }
  }

  async distinctSubjects(prefix: string): Promise<string[]> {
    const rows: Pick<EventsTable, 'subject'>[] = await this.db('vs_events')
      .distinct('subject')
      .where('subject', 'like', `${prefix}%`);
    return rows.flatMap(r => (r.subject === null ? [] : [r.subject]));
  }
}
