import { createHash } from 'crypto';
import type { StageDefinition } from '@valuestream/backstage-plugin-value-stream-common';
import type { StatusMapper } from '@valuestream/backstage-plugin-value-stream-node';
import type { DatabaseValueStreamStore } from '../database/DatabaseValueStreamStore';
import type { EntityIndex } from '../entities/EntityIndex';
import { computeItemStats } from '../metrics/itemStats';
import type {
  Build,
  Commit,
  Deployment,
  WorkItemLink,
  PullRequest,
  StoredEvent,
  StoredJourney,
} from '../model';
import { parseSubject, subject } from '../model/subjects';
import { buildJourney } from './buildJourney';
import { DEFAULT_DONE, type DoneConfig } from '../config/readDone';
import {
  changeDelivery,
  deliveredDone,
  withObservation,
} from './deliveredDone';
import { group, unique } from './collections';
import { foldItemAttributes } from './folds';
import { itemProfileEntity } from '../config/profiles';
import { itemComponents, itemEntityRefs } from './itemEntities';
import { itemEvidence, RoleStages } from './itemEvidence';
import type { ChangeFiles } from '../database/changeFiles';
import { isCorrectionEvent } from '../corrections/correctionEvents';
import {
  foldItemCorrections,
  withItemCorrections,
} from '../corrections/foldCorrections';

/** The store methods rebuilding items reads and writes. */
export type RebuildStore = Pick<
  DatabaseValueStreamStore,
  | 'buildsForCommits'
  | 'changeFiles'
  | 'commits'
  | 'deploymentIdsForCommits'
  | 'deployments'
  | 'eventsForSubjects'
  | 'linksForItems'
  | 'pullRequests'
  | 'storedDigests'
  | 'writeJourneys'
>;

/** What a correlation pass changed, for alert evaluation and metrics. */
export interface CorrelationResult {
  itemKeys: string[];
  entityRefs: Set<string>;
}

/** A tracker status → stage name, for `work_item.status_changed` without `stage`. */
export type MapStatus = (status: string, source: string) => string | undefined;

/** What turns an item's evidence into its journey, besides the store. */
export interface JourneyContext {
  index: EntityIndex;
  stages: StageDefinition[];
  roles: RoleStages;
  mapStatus: MapStatus;
  /** `valueStream.blockedLabels` (none when absent). */
  blockedLabels?: readonly string[];
  /** `valueStream.done` (the tracker's Done when absent). */
  done?: DoneConfig;
  now: number;
  /**
   * The stages, roles, mapping and Done of the profile of the entity an item follows
   * (`itemProfileEntity`; undefined: the item has none); absent: the fields above.
   */
  profileOf?: (entityRef: string | undefined) => ProfileJourney;
}

/** The parts of the journey context a profile sets (DESIGN §13 "Profiles"). */
export type ProfileJourney = Pick<
  JourneyContext,
  'stages' | 'roles' | 'mapStatus' | 'done'
>;

/** The journey context, with the index and the clock read when a rebuild runs. */
export type RebuildContext = Omit<JourneyContext, 'index' | 'now'> & {
  index: () => EntityIndex;
  now: () => number;
};

/** The stage-mapping module's mapper first, then `valueStream.statusMapping` (lower case). */
export function statusMapping(
  mapping: Readonly<Record<string, string>>,
  mapper?: StatusMapper,
): MapStatus {
  return (status, source) =>
    mapper?.({ status, source }) ?? mapping[status.toLowerCase()];
}

/** Everything stored about the artifacts linked to a set of items. */
export interface LinkedArtifacts {
  links: ReadonlyMap<string, WorkItemLink[]>;
  pullRequests: ReadonlyMap<string, PullRequest>;
  commits: ReadonlyMap<string, Commit>;
  builds: ReadonlyMap<string, Build[]>;
  deploymentsBySha: ReadonlyMap<string, Deployment[]>;
  /** The known files of the commits and their PRs (monorepos, DESIGN §13). */
  files?: ChangeFiles;
}

/** An item's commits: linked to it, or through its PRs (their commits and merge commit). Pure. */
export function itemShas(
  links: readonly WorkItemLink[],
  pullRequests: ReadonlyMap<string, PullRequest>,
): Set<string> {
  const out = new Set<string>();
  for (const l of links) {
    if (l.kind === 'commit') out.add(l.ref);
    const pr = l.kind === 'pr' ? pullRequests.get(l.ref) : undefined;
    pr?.commits.forEach(c => out.add(c));
    if (pr?.mergeCommitSha) out.add(pr.mergeCommitSha);
  }
  return out;
}

/** The journey, numbers and entities of one item from what is stored about it. Pure. */
export function storedJourney(
  key: string,
  history: StoredEvent[],
  linked: LinkedArtifacts,
  ctx: JourneyContext,
): StoredJourney {
  // Corrections (DESIGN §16) override what the item's own events and links say.
  const events = history.filter(e => !isCorrectionEvent(e));
  const fixes = foldItemCorrections(history);
  const unlinked = new Set(
    fixes.links.filter(l => !l.linked && l.kind === 'commit').map(l => l.ref),
  );
  const links = linked.links.get(key) ?? [];
  const pullRequests = unique(
    links.filter(l => l.kind === 'pr').map(l => l.ref),
  ).flatMap(id => linked.pullRequests.get(id) ?? []);
  const shas = [...itemShas(links, linked.pullRequests)].filter(
    sha => !unlinked.has(sha),
  );
  const commits = shas.flatMap(sha => linked.commits.get(sha) ?? []);
  const deployments = new Map<string, Deployment>();
  for (const sha of shas)
    for (const dep of linked.deploymentsBySha.get(sha) ?? [])
      deployments.set(dep.deploymentId, dep);
  // Entities first: the item follows the profile of one of them.
  const entityRefs = itemEntityRefs(ctx.index, key, {
    events,
    pullRequests,
    commits,
    deployments: [...deployments.values()],
    files: linked.files,
  });
  const p: ProfileJourney = ctx.profileOf
    ? ctx.profileOf(
        itemProfileEntity(
          entityRefs,
          ctx.index.entitiesForKey(key, itemComponents(events)),
        ),
      )
    : ctx;
  const evidence = itemEvidence({
    events,
    pullRequests,
    commits,
    builds: shas.flatMap(sha => linked.builds.get(sha) ?? []),
    deployments: [...deployments.values()],
    roles: p.roles,
    mapStatus: p.mapStatus,
    blockedLabels: ctx.blockedLabels,
  });
  const delivered = deliveredDone({
    evidence,
    stages: p.stages,
    done: p.done ?? DEFAULT_DONE,
    delivery: changeDelivery({
      pullRequests,
      commits,
      deployments: [...deployments.values()],
    }),
    now: ctx.now,
  });
  const journey = withObservation(
    buildJourney(
      withItemCorrections(foldItemAttributes(key, events), fixes),
      delivered.evidence,
      p.stages,
    ),
    delivered,
  );
  return {
    journey,
    stats: computeItemStats(journey, ctx.now),
    entityRefs,
    ...(fixes.excluded && { excluded: true }),
  };
}

/** What decides a stored item row, apart from the clock. */
export function journeyDigest(o: StoredJourney): string {
  const { journey, entityRefs } = o;
  return createHash('sha256')
    .update(
      JSON.stringify(
        o.excluded ? [journey, entityRefs, true] : [journey, entityRefs],
      ),
    )
    .digest('hex');
}

/**
 * The items to rewrite (all when forced, else those whose journey, attributes or entities
 * changed), with their digests, and among them those that entered done anew. Pure.
 */
export function journeysToWrite(
  items: readonly StoredJourney[],
  stored: ReadonlyMap<string, { digest: string | null; doneAt: number | null }>,
  force = false,
): { write: StoredJourney[]; done: StoredJourney[] } {
  const write = items
    .map(o => ({ ...o, digest: journeyDigest(o) }))
    .filter(o => force || stored.get(o.journey.key)?.digest !== o.digest);
  // Entered done: done now, not done when last stored. A done time that moves (a rebuild
  // under another profile's Done) is no new completion, so the counters do not count it twice.
  const done = write.filter(
    o =>
      o.journey.doneAt !== null &&
      (stored.get(o.journey.key)?.doneAt ?? null) === null,
  );
  return { write, done };
}

/** Loads the links of these items and the artifacts behind them. */
async function loadLinkedArtifacts(
  store: RebuildStore,
  keys: string[],
): Promise<LinkedArtifacts> {
  const links = group(await store.linksForItems(keys), l => l.itemKey);
  const prIds = unique(
    [...links.values()]
      .flat()
      .filter(l => l.kind === 'pr')
      .map(l => l.ref),
  );
  const pullRequests = new Map(
    (await store.pullRequests(prIds)).map(p => [p.id, p]),
  );
  const shas = unique(
    keys.flatMap(k => [...itemShas(links.get(k) ?? [], pullRequests)]),
  );
  const commits = new Map((await store.commits(shas)).map(c => [c.sha, c]));
  const builds = group(await store.buildsForCommits(shas), b => b.commitSha);
  const deployments = await store.deployments(
    await store.deploymentIdsForCommits(shas),
  );
  const deploymentsBySha = new Map<string, Deployment[]>();
  for (const d of deployments) {
    for (const sha of d.commits) {
      const list = deploymentsBySha.get(sha);
      if (list) list.push(d);
      else deploymentsBySha.set(sha, [d]);
    }
  }
  const files = await store.changeFiles(shas);
  return { links, pullRequests, commits, builds, deploymentsBySha, files };
}

/** Recomputes and stores the journeys of these items from everything stored about them. */
export async function rebuildItems(
  store: RebuildStore,
  keys: string[],
  ctx: RebuildContext,
  options: {
    force?: boolean;
    /** Called for each item that entered a done stage in this pass (telemetry). */
    onDone?: (item: StoredJourney) => void;
  } = {},
): Promise<CorrelationResult> {
  const entityRefs = new Set<string>();
  if (!keys.length) return { itemKeys: [], entityRefs };
  const itemEvents = group(
    await store.eventsForSubjects(keys.map(k => subject('item', k))),
    e => parseSubject(e.subject)?.id ?? '',
  );
  // An item exists through its own events; corrections alone make none.
  const present = keys.filter(k =>
    itemEvents.get(k)?.some(e => !isCorrectionEvent(e)),
  );
  const linked = await loadLinkedArtifacts(store, present);
  const journeyCtx = { ...ctx, index: ctx.index(), now: ctx.now() };
  const items = present.map(key =>
    storedJourney(key, itemEvents.get(key)!, linked, journeyCtx),
  );
  items.forEach(o => o.entityRefs.forEach(r => entityRefs.add(r)));
  const { write, done } = journeysToWrite(
    items,
    await store.storedDigests(items.map(o => o.journey.key)),
    options.force,
  );
  done.forEach(o => options.onDone?.(o));
  await store.writeJourneys(write);
  return { itemKeys: present, entityRefs };
}
