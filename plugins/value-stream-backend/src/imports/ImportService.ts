import type { LoggerService } from '@backstage/backend-plugin-api';
import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type {
  EntityImportResponse,
  ImportListResponse,
} from '@valuestream/backstage-plugin-value-stream-common';
import type { HistoryImporter } from '@valuestream/backstage-plugin-value-stream-node';
import type { ImportJobStore } from '../database/ImportJobStore';
import type { IndexedEntity } from '../entities/EntityIndex';
import type { ImportJobKey } from '../model/importJobs';
import { jobId, jobKeysOf, toImportJob } from './importJobs';

const refOf = (e: IndexedEntity) =>
  stringifyEntityRef({
    kind: e.kind,
    namespace: e.metadata.namespace,
    name: e.metadata.name,
  }).toLowerCase();

/**
 * The import jobs behind the routes and the triggers (DESIGN §12): an entity's first
 * appearance with an importable annotation creates its jobs, `POST …/import` queues them
 * again from scratch; the runner picks them up at once.
 */
export class ImportService {
  constructor(
    private readonly options: {
      store: ImportJobStore;
      importers: ReadonlyMap<string, HistoryImporter>;
      enabled: boolean;
      logger: LoggerService;
      /** Starts a runner pass (ImportRunner.kick). */
      kick: () => void;
    },
  ) {}

  async forEntity(entityRef: string): Promise<EntityImportResponse> {
    const jobs = await this.options.store.list(entityRef);
    return { entityRef, jobs: jobs.map(toImportJob) };
  }

  async list(): Promise<ImportListResponse> {
    const jobs = await this.options.store.list();
    return {
      jobs: jobs.map(j => ({ entityRef: j.entityRef, ...toImportJob(j) })),
    };
  }

  /** Queues the entity's jobs (the importers' scopes and those it already has) from scratch. */
  async requeue(entityRef: string, entity: Entity) {
    const keys = new Map<string, ImportJobKey>();
    for (const k of jobKeysOf(entityRef, entity, this.scopeImporters()))
      keys.set(jobId(k), k);
    for (const j of await this.options.store.list(entityRef))
      keys.set(jobId(j), j);
    await this.options.store.requeue([...keys.values()]);
    this.options.kick();
    return this.forEntity(entityRef);
  }

  /** Job ids this process has made sure exist. */
  private readonly known = new Set<string>();

  /**
   * Creates pending jobs for what the catalog's entities can import and had no job yet (an
   * entity that appeared or gained an annotation). Called on every catalog read: existing
   * jobs are left alone, so every replica and restart may run it.
   */
  async discover(entities: IndexedEntity[]) {
    if (!this.options.enabled || !this.options.importers.size) return;
    const added = entities
      .flatMap(e => jobKeysOf(refOf(e), e as Entity, this.scopeImporters()))
      .filter(k => !this.known.has(jobId(k)));
    if (!added.length) return;
    await this.options.store.ensureJobs(added);
    for (const k of added) this.known.add(jobId(k));
    this.options.logger.info(
      `value-stream: checked ${added.length} history import jobs of new or changed entities`,
    );
    this.options.kick();
  }

  private scopeImporters() {
    return this.options.importers.values();
  }
}
