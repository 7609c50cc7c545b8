import { InputError } from '@backstage/errors';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  CanonicalEvent,
  IngestResponse,
  validateCanonicalEvent,
} from '@valuestream/backstage-plugin-value-stream-common';
import type { ValueStreamConfig } from '../config/readConfig';
import type { CorrelationResult } from '../correlation/Correlator';
import type { DatabaseValueStreamStore } from '../database/DatabaseValueStreamStore';
import type { NewEvent } from '../model/events';
import { subjectOf } from '../model/subjects';
import type { CorrelationWorker } from './CorrelationWorker';
import {
  fieldLimitProblem,
  MAX_ENTITY_REF,
  structureProblem,
} from './fieldLimits';
import { PayloadTooLargeError, type RawInput } from './inputs';

/** Most events or bytes one request may carry (DESIGN §11); more is a 413. */
export const MAX_EVENTS_PER_REQUEST = 5000;
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** How long a read waits for this process's accepted events to be correlated (DESIGN §8: 5 s). */
export const READ_WAIT_MS = 4000;

/** A batch with invalid events: rejected whole, with what was wrong per index. */
export class RejectedBatchError extends InputError {
  constructor(readonly rejected: { index: number; message: string }[]) {
    super(
      `${rejected.length} invalid event(s), nothing stored: ${rejected
        .slice(0, 3)
        .map(r => `[${r.index}] ${r.message}`)
        .join('; ')}${rejected.length > 3 ? '; …' : ''}`,
    );
  }
}

export { PayloadTooLargeError } from './inputs';

export type IngestListener = (result: CorrelationResult) => Promise<void>;

function normalizeEntityRef(ref: string): string {
  return stringifyEntityRef(
    parseEntityRef(ref, {
      defaultKind: 'component',
      defaultNamespace: 'default',
    }),
  ).toLowerCase();
}

/**
 * Validates, stores and correlates events: the one path for `POST /events`, webhooks,
 * the events service and producers. Writes are batched; a repeat is a no-op.
 */
export class IngestService {
  private readonly stageNames: Set<string>;

  constructor(
    private readonly options: {
      store: DatabaseValueStreamStore;
      worker: CorrelationWorker;
      config: ValueStreamConfig;
      logger: LoggerService;
      onCounted?: (
        source: string,
        result: 'accepted' | 'duplicate' | 'ignored',
        n: number,
      ) => void;
      now?: () => number;
    },
  ) {
    // Any profile's stage is a stage an event may name (DESIGN §13 "Profiles").
    this.stageNames = new Set(
      [
        options.config.stages,
        ...Object.values(options.config.profiles?.byName ?? {}).map(
          p => p.stages,
        ),
      ].flatMap(stages => stages.map(s => s.name)),
    );
  }

  /** Called after each correlation pass with what it changed (alerts). */
  onIngested(listener: IngestListener) {
    this.options.worker.onCorrelated(listener);
  }

  /** Validates every input; throws RejectedBatchError when any is invalid. */
  validate(inputs: RawInput[]): { event: CanonicalEvent; known: boolean }[] {
    if (inputs.length > MAX_EVENTS_PER_REQUEST) {
      throw new PayloadTooLargeError(
        `Too many events: ${inputs.length}, at most ${MAX_EVENTS_PER_REQUEST} per request`,
      );
    }
    const rejected: { index: number; message: string }[] = [];
    const valid: { event: CanonicalEvent; known: boolean }[] = [];
    for (const input of inputs) {
      if (input.error) {
        rejected.push({ index: input.index, message: input.error });
        continue;
      }
      for (const candidate of input.candidates) {
        const structural = structureProblem(candidate);
        if (structural) {
          rejected.push({ index: input.index, message: structural });
          continue;
        }
        const r = validateCanonicalEvent(candidate);
        if (!r.ok) {
          rejected.push({ index: input.index, message: r.message });
          continue;
        }
        const problem =
          fieldLimitProblem(r.event, r.known) ?? this.semanticProblem(r.event);
        if (problem) {
          rejected.push({ index: input.index, message: problem });
          continue;
        }
        if (r.event.entityRef) {
          r.event.entityRef = normalizeEntityRef(r.event.entityRef);
          if (r.event.entityRef.length > MAX_ENTITY_REF) {
            rejected.push({
              index: input.index,
              message: `entityRef: at most ${MAX_ENTITY_REF} characters once normalised (${r.event.entityRef.slice(
                0,
                40,
              )}…)`,
            });
            continue;
          }
        }
        valid.push({ event: r.event, known: r.known });
      }
    }
    if (rejected.length) throw new RejectedBatchError(rejected);
    return valid;
  }

  private semanticProblem(e: CanonicalEvent): string | undefined {
    if (e.entityRef) {
      try {
        normalizeEntityRef(e.entityRef);
      } catch (err) {
        return `entityRef: ${(err as Error).message}`;
      }
    }
    const stage = (e.data as { stage?: string }).stage;
    if (
      e.type === 'work_item.status_changed' &&
      stage !== undefined &&
      !this.stageNames.has(stage)
    ) {
      return `data.stage: "${stage}" is not a configured stage (${[
        ...this.stageNames,
      ].join(', ')})`;
    }
    return undefined;
  }

  /**
   * Validates and stores durably; correlation runs behind (CorrelationWorker). What
   * `POST /events`, webhooks and the events service answer with.
   */
  async accept(inputs: RawInput[]): Promise<IngestResponse> {
    return this.withIgnoredInputs(
      inputs,
      (await this.store(this.validate(inputs))).counts,
    );
  }

  /** Inputs a route takes without storing them (`RawInput.ignored`) count as ignored. */
  private withIgnoredInputs(
    inputs: RawInput[],
    counts: IngestResponse,
  ): IngestResponse {
    const ignored = inputs.filter(i => i.ignored).length;
    if (!ignored) return counts;
    // only the CDEvents webhook ignores inputs (CloudEvents that are not CDEvents)
    this.options.onCounted?.('cdevents', 'ignored', ignored);
    return { ...counts, ignored: counts.ignored + ignored };
  }

  /** `accept` for adapters that already hold canonical events (webhooks, events service). */
  async acceptEvents(events: CanonicalEvent[]): Promise<IngestResponse> {
    return this.accept(events.map((e, index) => ({ index, candidates: [e] })));
  }

  /** Validates, stores and waits until the events are correlated; all or nothing for validation. */
  async ingestInputs(inputs: RawInput[]): Promise<IngestResponse> {
    const { counts, maxPendingSeq } = await this.store(this.validate(inputs));
    await this.options.worker.waitFor(maxPendingSeq);
    return this.withIgnoredInputs(inputs, counts);
  }

  /** For producers and adapters that already hold canonical events (waits for correlation). */
  async ingest(events: CanonicalEvent[]): Promise<IngestResponse> {
    return this.ingestInputs(
      events.map((e, index) => ({ index, candidates: [e] })),
    );
  }

  /**
   * Waits (at most `timeoutMs`) until what this process accepted so far is correlated:
   * reads after a 202 see their events.
   */
  settled(timeoutMs = READ_WAIT_MS): Promise<void> {
    return this.options.worker.waitFor(this.lastAccepted, timeoutMs);
  }

  private lastAccepted: number | null = null;

  /** `GET /ingest/status`: accepted events not yet reflected in journeys and metrics. */
  async status(): Promise<{ pending: number; oldestPendingAt: string | null }> {
    const { pending, oldestPendingAt } =
      await this.options.store.pendingStatus();
    return {
      pending,
      oldestPendingAt:
        oldestPendingAt === null
          ? null
          : new Date(oldestPendingAt).toISOString(),
    };
  }

  private async store(
    valid: { event: CanonicalEvent; known: boolean }[],
  ): Promise<{ counts: IngestResponse; maxPendingSeq: number | null }> {
    const { store, worker, now = Date.now } = this.options;
    const received = now();
    const rows: NewEvent[] = valid.map(({ event, known }) => ({
      source: event.source,
      id: event.id,
      type: event.type,
      occurredAt: Date.parse(event.occurredAt),
      receivedAt: received,
      entityRef: event.entityRef ?? null,
      repository: event.repository ?? null,
      subject: known ? subjectOf(event) : null,
      payload: JSON.stringify(event),
    }));
    // One transaction per batch: a crash leaves either the whole batch or nothing, and
    // PostgreSQL flushes its log once per batch instead of once per statement.
    const { inserted, maxPendingSeq } = await store.insertEvents(rows);
    if (maxPendingSeq !== null) {
      this.lastAccepted = Math.max(this.lastAccepted ?? 0, maxPendingSeq);
      worker.kick();
    }
    const counts: IngestResponse = { accepted: 0, duplicates: 0, ignored: 0 };
    const seen = new Set<string>();
    for (const r of rows) {
      const k = `${r.source}\u0000${r.id}`;
      let outcome: 'accepted' | 'duplicate' | 'ignored';
      if (!inserted.has(k) || seen.has(k)) outcome = 'duplicate';
      else outcome = r.subject ? 'accepted' : 'ignored';
      seen.add(k);
      if (outcome === 'duplicate') counts.duplicates++;
      else if (outcome === 'ignored') counts.ignored++;
      else counts.accepted++;
      this.options.onCounted?.(r.source, outcome, 1);
    }
    return { counts, maxPendingSeq };
  }
}
