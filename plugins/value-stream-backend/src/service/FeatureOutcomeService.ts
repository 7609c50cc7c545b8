import type { ValueResponse } from '@valuestream/backstage-plugin-value-stream-common';
import type { ValueStreamConfig } from '../config/readConfig';
import type { FeatureQueries } from '../database/FeatureQueries';
import type { MetricsQueries } from '../database/MetricsQueries';
import type { Window } from '../journeys/types';
import {
  BASELINE_DAYS,
  entityFeatureOutcomes,
} from '../metrics/entityFeatureOutcomes';
import { DAY_MS, iso } from '../metrics/time';
import { valueMetrics } from '../metrics/value';

/**
 * `GET …/value` (DESIGN §14): the value of the entity's items done in the window and the
 * outcomes of its features deployed in it. A fixed number of reads whatever the number of
 * features; the numbers come from the pure functions in metrics/.
 */
export class FeatureOutcomeService {
  constructor(
    private readonly features: FeatureQueries,
    private readonly queries: MetricsQueries,
    private readonly config: Pick<
      ValueStreamConfig,
      'feedback' | 'incidentAttributionWindowMs'
    >,
    private readonly now: () => number = Date.now,
  ) {}

  async value(entityRef: string, window: Window): Promise<ValueResponse> {
    const refs = [entityRef];
    const windowMs = this.config.feedback.windowDays * DAY_MS;
    const slack = this.config.incidentAttributionWindowMs;
    const [done, deployed, allIncidents] = await Promise.all([
      this.queries.doneItems(refs, window),
      // Baselines look 90 days back from each feature's deployment.
      this.features.deployedFeatures(entityRef, {
        from: window.from - BASELINE_DAYS * DAY_MS,
        to: window.to,
      }),
      this.queries.incidents(refs),
    ]);
    // The incidents open during some answered feature's window.
    const incidents = allIncidents.filter(
      i =>
        i.openedAt !== null &&
        i.openedAt < window.to + windowMs &&
        (i.resolvedAt ?? Infinity) > window.from,
    );
    const earliestOpen = Math.min(
      window.from,
      ...incidents.map(i => i.openedAt!),
    );
    const [events, around, named] = await Promise.all([
      this.features.featureEvents(deployed.map(f => f.key)),
      // As DORA reads them (MetricsService.doraData): those an incident may fall back to,
      // without commits, and those incidents name, with theirs.
      deployed.length && incidents.length
        ? this.queries.productionDeployments(refs, {
            finishedFrom: earliestOpen - slack,
            finishedTo: window.to + windowMs,
            withCommits: false,
          })
        : [],
      deployed.length && incidents.length
        ? this.queries.productionDeployments(refs, {
            ids: incidents.flatMap(i =>
              i.deploymentId ? [i.deploymentId] : [],
            ),
            shas: incidents.flatMap(i => (i.commitSha ? [i.commitSha] : [])),
          })
        : [],
    ]);
    const deployments = [
      ...new Map([...around, ...named].map(d => [d.deploymentId, d])).values(),
    ];
    const outcomes = entityFeatureOutcomes({
      window,
      features: deployed,
      events,
      incidents,
      deployments,
      attributionWindowMs: slack,
      windowDays: this.config.feedback.windowDays,
      now: this.now(),
    });
    return {
      entityRef,
      window: { from: iso(window.from), to: iso(window.to) },
      value: valueMetrics(done, window),
      features: outcomes.map(o => ({
        key: o.key,
        title: o.title,
        value: o.value,
        deployedAt: iso(o.deployedAt),
        windowEndsAt: iso(o.window.to),
        usage: o.usage,
        baseline: o.baseline,
        nps: o.nps,
        responses: o.responses,
        uptime: o.uptime,
        incidents: {
          count: o.incidents.count,
          minutes: o.incidentMinutes,
          bySeverity: o.incidents.bySeverity,
        },
        tickets: o.tickets,
        successScore: o.successScore,
      })),
    };
  }
}
