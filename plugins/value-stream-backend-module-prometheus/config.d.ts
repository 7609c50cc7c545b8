import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  valueStream?: {
    sources?: {
      prometheus?: {
        /**
         * Base URL of the Prometheus server (or a compatible API: Thanos, Mimir,
         * VictoriaMetrics), e.g. `http://prometheus:9090`. Without it, or without
         * `features`, the module reports nothing.
         */
        baseUrl?: string;
        /**
         * Bearer token sent as `Authorization: Bearer <token>`, for a Prometheus
         * behind an authenticating proxy.
         * @visibility secret
         */
        token?: string;
        /**
         * One PromQL instant query per feature, keyed by the feature's work-item
         * key: `{ PAY-12: 'sum(increase(checkout_v2_total[1d]))' }`. Each is
         * evaluated at the end of each UTC day; its value is that day's usage.
         */
        features?: { [workItemKey: string]: string };
        /**
         * Complete UTC days queried on each run, ending with yesterday; days already
         * reported are no-ops. Defaults to 7.
         */
        days?: number;
        /**
         * When the queries run. Defaults to every 24 hours (the first run a minute
         * after start), with a 10-minute timeout.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
