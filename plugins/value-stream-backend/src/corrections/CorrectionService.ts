import type {
  AuditorService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  type Correction,
  type CorrectionResponse,
  parseCorrection,
} from '@valuestream/backstage-plugin-value-stream-common';
import type { Request } from 'express';
import type { DatabaseValueStreamStore } from '../database/DatabaseValueStreamStore';
import type { CorrelationWorker } from '../ingest/CorrelationWorker';
import { READ_WAIT_MS } from '../ingest/IngestService';
import {
  type AccessServices,
  correctionCredentials,
  workItemScope,
} from '../service/access';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { correctionEvent } from './correctionEvents';

/** The store methods corrections read and write. */
export type CorrectionStore = Pick<
  DatabaseValueStreamStore,
  'insertEvents' | 'workItem' | 'entitiesOfItem' | 'incidents'
>;

/** Who made a correction, as stored with it and audited. */
function actorOf(credentials: BackstageCredentials): string {
  const p = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return p.userEntityRef ?? p.subject ?? p.type;
}

/**
 * `POST /corrections` (DESIGN §16): checks the permission, validates the body, stores the
 * correction as an event (so a rebuild or replay keeps it) and waits, bounded, until the
 * correlation pass applied it. Every attempt, allowed or not, is audited.
 */
export class CorrectionService {
  private lastAt = 0;

  constructor(
    private readonly options: {
      access: AccessServices & { catalog: CatalogService };
      store: CorrectionStore;
      worker: Pick<CorrelationWorker, 'kick' | 'waitFor'>;
      auditor?: AuditorService;
      now?: () => number;
    },
  ) {}

  async create(request: Request): Promise<CorrectionResponse> {
    const audit = await this.options.auditor?.createEvent({
      eventId: 'correction-create',
      severityLevel: 'medium',
      request,
      meta: { kind: String((request.body as { kind?: unknown })?.kind) },
    });
    try {
      const credentials = await correctionCredentials(
        this.options.access,
        request,
      );
      const parsed = parseCorrection(request.body);
      if (!parsed.ok) throw new InputError(parsed.message);
      await this.assertTarget(credentials, parsed.correction);
      const id = await this.store(parsed.correction, actorOf(credentials));
      await audit?.success({ meta: { id, correction: parsed.correction } });
      return { id };
    } catch (error) {
      await audit?.fail({ error: error as Error });
      throw error;
    }
  }

  /** 404 unless the item (readable by the caller) or the incident exists. */
  private async assertTarget(
    credentials: BackstageCredentials,
    c: Correction,
  ): Promise<void> {
    const { store, access } = this.options;
    if (c.kind === 'attribute_incident') {
      if (!(await store.incidents([c.incidentId])).length)
        throw new NotFoundError(`No incident ${c.incidentId}`);
      return;
    }
    if (!(await store.workItem(c.workItemKey)))
      throw new NotFoundError(`No work item ${c.workItemKey}`);
    await workItemScope(
      access,
      credentials,
      c.workItemKey,
      await store.entitiesOfItem(c.workItemKey),
    );
  }

  /** Stores the correction event; strictly later than the last one here (event order). */
  private async store(c: Correction, actor: string): Promise<string> {
    const now = this.options.now ?? Date.now;
    this.lastAt = Math.max(now(), this.lastAt + 1);
    const event = correctionEvent(c, { actor, at: this.lastAt });
    const { maxPendingSeq } = await this.options.store.insertEvents([event]);
    this.options.worker.kick();
    await this.options.worker.waitFor(maxPendingSeq, READ_WAIT_MS);
    return event.id;
  }
}
