// Events, batches and the senders: N deterministic events (bench/lib/generate.mjs) cut into
// batches, shuffled, with some batches resent and some overlapping, and a pool of concurrent
// senders that records exactly what each POST /events acknowledged.
import { request, sleep } from '../../bench/lib/backend.mjs';
import { generateEvents } from '../../bench/lib/generate.mjs';

export const VS = '/api/value-stream';
export const PROBE_KEY = 'S001-9999'; // the work item bench's waitForEntityIndex posts
export const keyOf = e => `${e.source}\u0000${e.id}`;

/** mulberry32, as in bench/lib/generate.mjs. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Exactly `count` events: the chronological start of a generated backfill (~19 per item). */
export function makeEvents({ count, anchor, seed = 42 }) {
  const items = Math.max(10, Math.ceil(count / 19) - 400);
  const { events } = generateEvents({ items, anchor, seed });
  if (events.length < count)
    throw new Error(`generated only ${events.length} < ${count} events`);
  return events.slice(0, count);
}

/** Distinct work-item keys among `events`. */
export const itemKeys = events =>
  new Set(
    events.filter(e => e.type.startsWith('work_item.')).map(e => e.data.key),
  );

/** Chronological batches, the order a single sequential sender would use. */
export function inOrder(events, size) {
  const out = [];
  for (let i = 0; i < events.length; i += size)
    out.push({ n: out.length, events: events.slice(i, i + size) });
  return out;
}

/**
 * The concurrent senders' work: batches in random order; `resend` of them are queued a second
 * time further on, and `overlap` of them carry 10 extra events copied from another batch.
 */
export function shuffledWithRepeats(
  events,
  { size, seed = 7, resend = 0.05, overlap = 0.05 },
) {
  const rnd = prng(seed);
  const batches = inOrder(events, size);
  for (let i = batches.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [batches[i], batches[j]] = [batches[j], batches[i]];
  }
  let resent = 0;
  let overlapping = 0;
  for (const b of batches) {
    if (rnd() < overlap) {
      const other = batches[Math.floor(rnd() * batches.length)];
      if (other !== b) {
        b.events = [...b.events, ...other.events.slice(0, 10)];
        overlapping++;
      }
    }
  }
  const queue = [...batches];
  for (const b of batches) {
    if (rnd() < resend) {
      const at = Math.floor(rnd() * queue.length);
      queue.splice(Math.max(at, queue.indexOf(b) + 1), 0, b);
      resent++;
    }
  }
  return { queue, resent, overlapping };
}

/** What the senders saw. */
export function newLedger() {
  return {
    requests: 0,
    eventsSent: 0,
    status: {},
    status5xx: 0,
    acknowledgedRequests: 0,
    acknowledged: 0,
    accepted: 0,
    duplicates: 0,
    ignored: 0,
    countMismatches: [],
    errors: [],
    sentKeys: new Set(),
    ackedKeys: new Set(),
  };
}

/** One POST /events; records it in the ledger; true when acknowledged (202). */
export async function post(ledger, base, token, batch) {
  ledger.requests++;
  ledger.eventsSent += batch.events.length;
  batch.events.forEach(e => ledger.sentKeys.add(keyOf(e)));
  const r = await request(base, 'POST', `${VS}/events`, {
    token,
    body: JSON.stringify(batch.events),
    timeoutMs: 300000,
  });
  ledger.status[r.status] = (ledger.status[r.status] ?? 0) + 1;
  if (r.status >= 500) ledger.status5xx++;
  if (r.status !== 202) {
    if (ledger.errors.length < 10)
      ledger.errors.push({
        batch: batch.n,
        events: batch.events.length,
        status: r.status,
        body: r.text.slice(0, 500),
      });
    return false;
  }
  const { accepted = 0, duplicates = 0, ignored = 0 } = r.json ?? {};
  ledger.acknowledgedRequests++;
  ledger.acknowledged += batch.events.length;
  ledger.accepted += accepted;
  ledger.duplicates += duplicates;
  ledger.ignored += ignored;
  if (accepted + duplicates + ignored !== batch.events.length)
    ledger.countMismatches.push({
      batch: batch.n,
      sent: batch.events.length,
      response: r.json,
    });
  batch.events.forEach(e => ledger.ackedKeys.add(keyOf(e)));
  return true;
}

/**
 * Sends `queue` with `concurrency` workers; worker w posts to targets[w % targets.length].
 * A batch that fails is retried (up to `retries` times) unless `stopped()`; returns the
 * batches never acknowledged. `inFlight` (a Set) holds `{ batch }` per request being posted right now.
 */
export async function sendAll({
  queue,
  targets,
  token,
  concurrency,
  ledger,
  retries = 2,
  stopped = () => false,
  progress,
  inFlight = new Set(),
}) {
  const pending = [...queue];
  const unacked = [];
  const worker = async w => {
    while (pending.length) {
      if (stopped()) return;
      const batch = pending.shift();
      for (let attempt = 0; ; attempt++) {
        const req = { batch }; // one entry per request: a resent batch may be in flight twice
        inFlight.add(req);
        const ok = await post(
          ledger,
          targets[w % targets.length],
          token,
          batch,
        );
        inFlight.delete(req);
        if (ok) break;
        if (stopped() || attempt >= retries) {
          unacked.push(batch);
          break;
        }
        await sleep(1000);
      }
      progress?.();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  return { unacked: [...unacked, ...pending] };
}

/** Logs progress every 15 s. */
export function progressLogger(ledger, total, log) {
  const t0 = Date.now();
  let last = t0;
  return () => {
    if (Date.now() - last < 15000) return;
    last = Date.now();
    const s = (Date.now() - t0) / 1000;
    log(
      `    ${ledger.acknowledged}/${total} events acknowledged, ${Math.round(
        ledger.acknowledged / s,
      )}/s`,
    );
  };
}
