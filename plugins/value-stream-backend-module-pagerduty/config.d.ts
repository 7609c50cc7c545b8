export interface Config {
  valueStream?: {
    sources?: {
      pagerduty?: {
        /**
         * The signing secret PagerDuty shows when the v3 webhook subscription
         * is created; requests are checked against `X-PagerDuty-Signature`.
         * Without it the PagerDuty webhook refuses every request.
         * @visibility secret
         */
        webhookSecret?: string;
      };
    };
  };
}
