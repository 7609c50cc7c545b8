import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { EntityIndex, type IndexedEntity } from './EntityIndex';
import { type ClaimPins, describeContest } from './claims';

const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.annotations',
  'relations',
];

/**
 * Keeps the reverse index in step with the catalog: one paged catalog read per refresh
 * (scheduled every 30 s, so a catalog change is picked up within 60 s), and a callback
 * when anything changed so unmatched events can be attached.
 */
export class EntityIndexRefresher {
  private index = new EntityIndex([]);

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      /** `valueStream.claims` (see `readClaimPins`). */
      pins?: ClaimPins;
      onChange: (next: EntityIndex, previous: EntityIndex) => Promise<void>;
      /** Every catalog read's entities, changed or not (history import discovery). */
      onRead?: (entities: IndexedEntity[]) => Promise<void>;
    },
  ) {}

  current = (): EntityIndex => this.index;

  /** Replaces the index (tests, or a catalog-less set-up). */
  set(index: EntityIndex) {
    this.index = index;
  }

  async refresh(): Promise<boolean> {
    const { catalog, auth, onChange } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const items: IndexedEntity[] = [];
    let cursor: string | undefined;
    do {
      const page = await catalog.queryEntities(
        cursor ? { cursor, limit: 1000 } : { fields: FIELDS, limit: 1000 },
        { credentials },
      );
      items.push(...page.items);
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    await this.options.onRead?.(items);
    const next = new EntityIndex(items, { pins: this.options.pins });
    if (next.fingerprint === this.index.fingerprint) return false;
    const previous = this.index;
    this.index = next;
    this.options.logger.info(
      `value-stream: entity index has ${next.refs.size} entities`,
    );
    // Once per changed index, not per event: the claims the rule denied.
    for (const contest of next.contests)
      this.options.logger.warn(describeContest(contest));
    await onChange(next, previous);
    return true;
  }
}
