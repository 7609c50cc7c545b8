import type { OverviewResponse } from '@valuestream/backstage-plugin-value-stream-common';
import type { OverviewQueries } from '../database/OverviewQueries';
import type { Window } from '../journeys/types';
import type { BlockedReasonRules } from '../metrics/blockedReasons';
import {
  byEntity,
  groupSummary,
  heatmapRow,
  previousWindow,
} from '../metrics/organisation';
import { iso } from '../metrics/time';

/** A group of the overview with the entities it rolls up (already filtered by access). */
export interface OverviewGroupInput {
  groupRef: string;
  parentRefs: string[];
  entityRefs: string[];
}

/**
 * `GET /overview` (DESIGN §15, §17): every group's roll-up for the window and the previous
 * one, and the group × stage heatmap, from seven entity-tagged reads over all the groups'
 * entities at once (never one set of queries per group).
 */
export class OverviewService {
  constructor(
    private readonly queries: OverviewQueries,
    /** Stage order of the heatmap (the top-level stages). */
    private readonly stages: () => string[],
    /** `valueStream.blockedReasons`, for the top blocker categories. */
    private readonly blockedReasons: BlockedReasonRules,
    private readonly now: () => number = Date.now,
  ) {}

  async overview(
    groups: OverviewGroupInput[],
    window: Window,
  ): Promise<OverviewResponse> {
    const q = this.queries;
    const previous = previousWindow(window);
    const refs = [...new Set(groups.flatMap(g => g.entityRefs))].sort();
    const current = window.to >= this.now();
    const span = { from: previous.from, to: window.to };
    const [done, load, previousLoad, seconds, alerts, deployments, blocked] =
      await Promise.all([
        q.doneItems(refs, span),
        current ? q.currentLoad(refs) : q.loadAt(refs, window.to),
        q.loadAt(refs, previous.to),
        q.stageSeconds(refs, window),
        q.openAlerts(refs),
        q.deployments(refs, span),
        q.doneBlockedItems(refs, window),
      ]);
    const tagged = {
      done: byEntity(done),
      deployments: byEntity(deployments),
      openAlerts: byEntity(alerts),
    };
    const loadNow = byEntity(load);
    const loadBefore = byEntity(previousLoad);
    const stageSeconds = byEntity(seconds);
    const stages = this.stages();
    return {
      window: { from: iso(window.from), to: iso(window.to) },
      groups: groups.map(g => ({
        groupRef: g.groupRef,
        parentRefs: g.parentRefs,
        entityRefs: g.entityRefs,
        metrics: groupSummary({
          ...tagged,
          entityRefs: g.entityRefs,
          window,
          load: loadNow,
          blocked: { items: byEntity(blocked), rules: this.blockedReasons },
        }),
        previous: groupSummary({
          ...tagged,
          entityRefs: g.entityRefs,
          window: previous,
          load: loadBefore,
          // Open alerts are the current ones: the previous period has none to show.
          openAlerts: undefined,
        }),
      })),
      heatmap: groups.flatMap(g =>
        heatmapRow({
          groupRef: g.groupRef,
          entityRefs: g.entityRefs,
          stages,
          stageSeconds,
          openAlerts: tagged.openAlerts,
        }),
      ),
    };
  }
}
