import type {
  IterationListResponse,
  MetricsResponse,
  MetricTargets,
  TimeseriesInterval,
  TimeseriesMetric,
  TimeseriesResponse,
} from '@valuestream/backstage-plugin-value-stream-common';
import type { ValueStreamConfig } from '../config/readConfig';
import type { MetricsQueries } from '../database/MetricsQueries';
import type { IncidentRecord, Window } from '../journeys/types';
import { successfulProduction } from '../metrics/attribution';
import { blockedTime } from '../metrics/blockedTime';
import { leadTimeBreakdownSeries } from '../metrics/changeBreakdown';
import { doraMetrics } from '../metrics/dora';
import { flowMetrics } from '../metrics/flow';
import { stageMetrics } from '../metrics/stages';
import { valueMetrics } from '../metrics/value';
import { iterationSummaries } from '../metrics/iterations';
import { valueDeliveredSeries } from '../metrics/valueSeries';
import {
  rollUpAlerts,
  rollUpCounts,
  rollUpIntervals,
  rollUpVisits,
  stageView,
} from '../metrics/stageRollup';
import type { ProfileOf } from '../config/profiles';
import {
  cfdSeries,
  cycleTimeSeries,
  throughputSeries,
  wipSeries,
} from '../metrics/timeseries';
import { inWindow, iso } from '../metrics/time';
import { metricTargets } from '../metrics/targets';

/** Computes the §8 metric reads for a set of entities (one entity or a group's). */
export class MetricsService {
  constructor(
    private readonly queries: MetricsQueries,
    private readonly config: ValueStreamConfig,
    private readonly now: () => number = Date.now,
    /** Each entity's profile; absent, every entity uses the top-level settings. */
    private readonly profileOf?: ProfileOf,
  ) {}

  /** The stages of these entities' profiles, by category when they differ (DESIGN §13). */
  private stagesOf(entityRefs: string[]) {
    const profiles = this.profileOf
      ? entityRefs.map(r => this.profileOf!(r))
      : [];
    return stageView(
      profiles.length
        ? profiles
        : [{ name: 'default', stages: this.config.stages }],
    );
  }

  /**
   * The targets of these entities' profile (DESIGN §15): the one profile's when they
   * share it, else the top-level `valueStream.targets`; undefined when none are set.
   */
  targetsOf(entityRefs: string[]): MetricTargets | undefined {
    const names = new Set(
      this.profileOf ? entityRefs.map(r => this.profileOf!(r).name) : [],
    );
    const profile =
      names.size === 1 && this.profileOf
        ? this.profileOf(entityRefs[0])
        : this.config.profiles?.default;
    return metricTargets(profile?.targets ?? {});
  }

  async metrics(
    entityRef: string,
    entityRefs: string[],
    window: Window,
  ): Promise<MetricsResponse> {
    const q = this.queries;
    // A window ending now (the default) reads the current stages; one that ends in the
    // past reads the intervals, so load and per-stage wip both describe the state at `to`.
    // (A stage's `status` describes now whatever the window, so it takes the current counts.)
    const current = window.to >= this.now();
    const view = this.stagesOf(entityRefs);
    const [
      done,
      load,
      counts,
      countsAtEnd,
      visits,
      incidents,
      alerts,
      blocked,
    ] = await Promise.all([
      q.doneItems(entityRefs, window),
      current ? q.currentLoad(entityRefs) : q.loadAt(entityRefs, window.to),
      q.currentStageCounts(entityRefs),
      current ? undefined : q.stageCountsAt(entityRefs, window.to),
      q.visitTotals(entityRefs, window),
      q.incidents(entityRefs),
      q.openAlerts(entityRefs),
      q.doneBlockedItems(entityRefs, window),
    ]);
    const { deployments, changes, reworkEvidence } = await this.doraData(
      entityRefs,
      window,
      incidents,
    );
    return {
      entityRef,
      window: { from: iso(window.from), to: iso(window.to) },
      flow: {
        ...flowMetrics(done, window, load),
        blockedTime: blockedTime(blocked, this.config.blockedReasons),
      },
      dora: doraMetrics({
        deployments,
        incidents,
        changes,
        window,
        attributionWindowMs: this.config.incidentAttributionWindowMs,
        reworkEvidence,
        rework: this.config.rework,
      }),
      stages: stageMetrics({
        stages: view.stages,
        currentStageCounts: rollUpCounts(counts, view),
        stageCountsAtEnd: countsAtEnd && rollUpCounts(countsAtEnd, view),
        visitTotals: rollUpVisits(visits, view),
        openAlerts: rollUpAlerts(alerts, view),
      }),
      value: valueMetrics(done, window),
      profiles: view.profiles,
      ...(view.byCategory ? { stagesByCategory: true } : {}),
    };
  }

  /**
   * Only the deployments DORA can need for this window, not the entity's whole history:
   * those finished within one attribution window around it (frequency, failure rate and
   * the incident fallback rule) and those incidents name. Lead times come pre-joined per
   * entity (`vs_entity_changes`). Rework evidence: only for the window's successful ones.
   */
  private async doraData(
    entityRefs: string[],
    window: Window,
    incidents: IncidentRecord[],
  ) {
    const q = this.queries;
    const slack = this.config.incidentAttributionWindowMs;
    const [around, named, changes] = await Promise.all([
      // Without commits: an incident's commit is matched among the deployments `named`
      // loads with theirs (every deployment including it), which override these by id.
      q.productionDeployments(entityRefs, {
        finishedFrom: window.from - slack,
        finishedTo: window.to + slack,
        withCommits: false,
      }),
      q.productionDeployments(entityRefs, {
        ids: incidents.flatMap(i =>
          [i.deploymentId, i.attribution?.deploymentId].flatMap(id =>
            id ? [id] : [],
          ),
        ),
        shas: incidents.flatMap(i => (i.commitSha ? [i.commitSha] : [])),
      }),
      q.changesWithPullRequests(entityRefs, window),
    ]);
    const byId = new Map([...around, ...named].map(d => [d.deploymentId, d]));
    const deployments = [...byId.values()];
    const reworkEvidence = await q.reworkEvidence(
      successfulProduction(deployments)
        .filter(d => inWindow(d.finishedAt, window))
        .map(d => d.deploymentId),
    );
    return { deployments, changes, reworkEvidence };
  }

  /** `GET …/iterations` (DESIGN §14, §17). */
  async iterations(
    entityRefs: string[],
    window: Window,
  ): Promise<IterationListResponse> {
    const { changes, items } = await this.queries.iterationHistory(entityRefs);
    return {
      items: iterationSummaries({ changes, items, window, now: this.now() }),
    };
  }

  async timeseries(
    entityRefs: string[],
    metric: TimeseriesMetric,
    interval: TimeseriesInterval,
    window: Window,
  ): Promise<TimeseriesResponse> {
    const q = this.queries;
    const view = this.stagesOf(entityRefs);
    const stages = view.stages;
    switch (metric) {
      case 'wip':
        return {
          metric,
          interval,
          points: wipSeries({
            items: rollUpIntervals(await q.intervals(entityRefs, window), view),
            stages,
            window,
            interval,
          }),
        };
      case 'cfd':
        return {
          metric,
          interval,
          points: cfdSeries({
            items: rollUpIntervals(await q.intervals(entityRefs, window), view),
            stages,
            window,
            interval,
          }),
        };
      case 'throughput': {
        const done = await q.doneItems(entityRefs, window);
        return {
          metric,
          interval,
          points: throughputSeries(
            done.map(d => d.doneAt!),
            window,
            interval,
          ),
        };
      }
      case 'value':
        return {
          metric,
          interval,
          points: valueDeliveredSeries(
            await q.doneItems(entityRefs, window),
            window,
            interval,
          ),
        };
      case 'lead_time_breakdown':
        return {
          metric,
          interval,
          points: leadTimeBreakdownSeries(
            await q.changesWithPullRequests(entityRefs, window),
            window,
            interval,
          ),
        };
      default:
        return {
          metric,
          interval,
          points: cycleTimeSeries(
            await q.doneItems(entityRefs, window),
            window,
          ),
        };
    }
  }
}
