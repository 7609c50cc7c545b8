import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Value Stream plugin settings. Every key is optional. */
  valueStream?: {
    /**
     * The stages, in order. When set it replaces the whole default list of ten
     * (Backlog … Done).
     */
    stages?: Array<{
      name: string;
      /** queue | active | wait | done */
      category: 'queue' | 'active' | 'wait' | 'done';
      wipLimit?: number;
      /**
       * The automatic evidence that moves an item into this stage (DESIGN §13): any of
       * first_commit, pr_opened, pr_merged, build_started, build_succeeded,
       * staging_deploy_started, staging_deploy_succeeded, production_deploy_started,
       * production_deploy_succeeded. A role may be claimed by one stage only; evidence
       * whose role no stage claims moves nothing. When no stage of the list sets `roles`,
       * a stage named like a default stage gets that stage's roles.
       */
      roles?: Array<
        | 'first_commit'
        | 'pr_opened'
        | 'pr_merged'
        | 'build_started'
        | 'build_succeeded'
        | 'staging_deploy_started'
        | 'staging_deploy_succeeded'
        | 'production_deploy_started'
        | 'production_deploy_succeeded'
      >;
    }>;
    /** WIP limits per stage name without replacing the stage list, e.g. `Code Review: 5`. */
    wipLimits?: { [stage: string]: number };
    /**
     * Tool status (case-insensitive) → stage name. Added to the defaults, which map
     * common Jira, GitHub and GitLab statuses (To Do, In Progress, In Review, Done, …).
     */
    statusMapping?: { [status: string]: string };
    /** Environment names, case-insensitive. */
    environments?: {
      /** defaults to production, prod, prd */
      production?: string[];
      /** defaults to staging, stage, stg, preprod */
      staging?: string[];
    };
    /** Jira project keys recognised in commit messages for every entity, besides `jira/project-key`. */
    workItemKeys?: string[];
    /**
     * Who gets the data of an identifier several entities claim with different owners
     * (docs/sources.md): each entry names one repository, Jira project key or service and
     * the entities that get it, overriding the claim rule.
     */
    claims?: Array<{
      repository?: string;
      projectKey?: string;
      service?: string;
      entityRefs: string[];
    }>;
    /** How long after a production deployment an incident is attributed to it. Defaults to 24 hours. */
    incidentAttributionWindow?: HumanDuration | string;
    /** Retention (DESIGN §16). Off by default: nothing is ever deleted. */
    retention?: {
      /**
       * Days of events and derived rows kept: once a day (once across replicas), items done
       * before the limit with no event since go with their journeys, links and the commits,
       * PRs, builds, deployments and incidents only they need, and raw events of no item go
       * too. A whole number of at least 1; unset (the default): retention is off.
       */
      days?: number;
    };
    /** Customer feedback and feature outcomes (DESIGN §14). */
    feedback?: {
      /**
       * Days after a feature's first successful production deployment over which its
       * usage, NPS, uptime, incidents and tickets are measured. Defaults to 7.
       */
      windowDays?: number;
    };
    /**
     * Blocking reason categories: category → case-insensitive regular expressions, tried in
     * this order, the first match winning; an unmatched or missing reason is `other`.
     * Defaults to dependency, review, environment, requirements and external (docs/metrics.md).
     */
    blockedReasons?: { [category: string]: string[] };
    /**
     * Labels that block an item while set: exact names, or a prefix ending in `*` whose rest
     * is the reason. Defaults to ['blocked', 'blocked:*'].
     */
    blockedLabels?: string[];
    /** What makes a successful production deployment rework (DORA's rework rate, docs/metrics.md). */
    rework?: {
      /** Work-item types whose linked changes are rework. Defaults to ['defect']. */
      itemTypes?: string[];
      /** Regular expression a PR's head branch matches when it is rework. Defaults to '^hotfix/'. */
      branchPattern?: string;
    };
    /**
     * When a work item enters Done (docs/metrics.md#delivered-done). A profile may set its own.
     */
    done?: {
      /**
       * `tracker`: when the tracker closes it. `delivered`: an item with a linked change at
       * the latest of the tracker's close and its production deployment + observationHours.
       * Defaults to 'tracker'.
       */
      mode?: 'tracker' | 'delivered';
      /** Hours of observation after the production deployment (delivered). Defaults to 24. */
      observationHours?: number;
    };
    /**
     * Targets shown on the metric cards and the organisation page (DESIGN §15); a profile's
     * `targets` replace them for its entities. Durations in days (recovery in hours), shares
     * 0–1. Defaults to none.
     */
    targets?: {
      flowEfficiency?: number;
      cycleTimeP50Days?: number;
      cycleTimeP85Days?: number;
      leadTimeP85Days?: number;
      throughputPerWeek?: number;
      deploymentsPerWeek?: number;
      leadTimeForChangesP50Days?: number;
      changeFailureRate?: number;
      recoveryTimeP50Hours?: number;
    };
    /**
     * Per-team processes (docs/install.md#team-profiles): each key a profile sets replaces
     * the top-level one for the entities on it (annotation `value-stream/profile`, else
     * `profileByOwner`). Defaults to none: every entity uses the top-level settings.
     */
    profiles?: {
      [name: string]: {
        /** The profile's stages, in order (same shape as `stages`). */
        stages?: Array<{
          name: string;
          category: 'queue' | 'active' | 'wait' | 'done';
          wipLimit?: number;
          roles?: Array<
            | 'first_commit'
            | 'pr_opened'
            | 'pr_merged'
            | 'build_started'
            | 'build_succeeded'
            | 'staging_deploy_started'
            | 'staging_deploy_succeeded'
            | 'production_deploy_started'
            | 'production_deploy_succeeded'
          >;
        }>;
        /** WIP limits per stage name of the profile. */
        wipLimits?: { [stage: string]: number };
        /** Tool status → stage name of the profile (replaces the top-level `statusMapping`). */
        statusMapping?: { [status: string]: string };
        /**
         * Alert thresholds, the shape of `alerts.thresholds` (replaces them), plus
         * `highValue: { threshold }` for high_value_stuck.
         */
        alerts?: {
          [key: string]:
            | number
            | { [rule: string]: boolean }
            | { threshold?: number }
            | {
                [stage: string]: {
                  [key: string]: number | boolean | { [rule: string]: boolean };
                };
              };
        };
        /** When items enter Done, the shape of `done` (replaces it). */
        done?: {
          mode?: 'tracker' | 'delivered';
          observationHours?: number;
        };
        /** Targets, stored and exposed as configured. */
        targets?: { [key: string]: number | string | boolean };
      };
    };
    /**
     * Owner entity ref (`group:default/team-a`; a bare name is a group in the default
     * namespace) → profile name (`default`: the top-level settings). Defaults to none.
     */
    profileByOwner?: { [owner: string]: string };
    /** Recompute journeys from stored events on start when stages or mappings changed. Defaults to true. */
    rebuildOnConfigChange?: boolean;
    alerts?: {
      /** Defaults to true. */
      enabled?: boolean;
      /** Seconds between scheduled evaluations (across all replicas). Defaults to 60. */
      frequencySeconds?: number;
      /**
       * Minutes between two evaluations of an entity that has no new event and no moment ahead
       * at which a rule's result changes (thresholds crossed, items leaving rolling windows are
       * evaluated at that moment): the item_stuck mean and σ, which drift as old visits leave
       * the lookback, are refreshed this often. Defaults to 60.
       */
      refreshMinutes?: number;
      /**
       * high_value_stuck (DESIGN §14): items whose value (1–100) is at least `threshold` are
       * high-value. A profile sets it as `profiles.<name>.alerts.highValue`.
       */
      highValue?: {
        /** Defaults to 70. */
        threshold?: number;
      };
      /** Rule thresholds; see docs/metrics.md. Per-stage overrides under `stages.<name>`. */
      thresholds?: {
        /** item_stuck: σ multiplier. Defaults to 2. */
        sigma?: number;
        /** item_stuck: visits needed before the rule fires. Defaults to 5. */
        minSamples?: number;
        /** item_stuck: sample of visits that ended in this many days. Defaults to 90. */
        lookbackDays?: number;
        /** wip_spike: WIP above this × the average daily WIP. Defaults to 1.5. */
        spikeFactor?: number;
        /** wip_spike: and at least this many items. Defaults to 3. */
        spikeMinWip?: number;
        /** wip_spike: days of daily WIP averaged. Defaults to 30. */
        spikeLookbackDays?: number;
        /** wip_over_limit: days over the limit. Defaults to 2. */
        overLimitDays?: number;
        /** cycle_time_outlier: factor over the mean. Defaults to 2. */
        outlierFactor?: number;
        /** cycle_time_outlier: items done in this many days are checked. Defaults to 7. */
        outlierRecentDays?: number;
        /** cycle_time_outlier: the mean is over this many days. Defaults to 90. */
        outlierLookbackDays?: number;
        /** low_flow_efficiency: minimum (0–1). Defaults to 0.3. */
        efficiencyMin?: number;
        /** low_flow_efficiency: over items done in this many days. Defaults to 7. */
        efficiencyDays?: number;
        /** item_blocked: hours. Defaults to 24. */
        blockedHours?: number;
        /** Turn rules off: `{ wip_spike: false }`. */
        enabled?: { [rule: string]: boolean };
        /** Per-stage overrides of the values above. */
        stages?: {
          [stage: string]: {
            [key: string]: number | boolean | { [rule: string]: boolean };
          };
        };
      };
      /**
       * Chat incoming webhooks (DESIGN §15): one message per new alert, retried (5 attempts,
       * 2 s, 4 s, 8 s, 16 s apart), never holding up evaluation. Defaults to none.
       */
      webhooks?: Array<{
        /** `slack`, `mattermost` or `teams`: the shape of the message posted. */
        format: 'slack' | 'mattermost' | 'teams';
        /**
         * The incoming-webhook URL; it is the credential, so it is never logged.
         * @visibility secret
         */
        url: string;
        /** `info`, `warning` or `critical`: lower alerts are not posted. Defaults to `info`. */
        minSeverity?: 'info' | 'warning' | 'critical';
        /** Owner refs (`group:default/team-a`, or `team-a`): only their entities' alerts. Defaults to all. */
        owners?: string[];
      }>;
    };
    /** History import through the tools' APIs (DESIGN §12), by the importer modules. */
    import?: {
      /** Import at all (needs an importer module and its credentials). Defaults to true. */
      enabled?: boolean;
      /** How far back an entity's first import reads, in days. Defaults to 90. */
      historyDays?: number;
      /** Minutes between two incremental reconciliation runs of a job. Defaults to 60. */
      reconcileMinutes?: number;
      /** Import jobs run at once on each replica. Defaults to 2. */
      concurrency?: number;
    };
    notifications?: {
      /** Send the owner a Backstage notification on each new alert. Defaults to true (needs the notifications backend). */
      enabled?: boolean;
    };
    /** Per-source settings; see each module's README. */
    sources?: {
      [source: string]: {
        /**
         * HMAC secret or shared token of the source's webhooks. A source without it refuses its webhooks.
         * In production mode (NODE_ENV=production) start-up fails when it is shorter than 16
         * characters or a published development value such as `dev-github-webhook-secret`.
         * @visibility secret
         */
        webhookSecret?: string;
      };
    };
  };
}
