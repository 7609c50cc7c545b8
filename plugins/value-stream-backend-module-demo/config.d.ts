export interface Config {
  valueStream?: {
    /** The demo data source (`@valuestream/backstage-plugin-value-stream-backend-module-demo`). */
    demo?: {
      /**
       * Generate demo history for the example services and keep it moving.
       * Defaults to false.
       */
      enabled?: boolean;
      /** Seed of the generator: same seed, same history. Defaults to 42. */
      seed?: number;
      /** Days of history before the anchor. Defaults to 90. */
      days?: number;
      /**
       * The story's present, an ISO-8601 date such as `2025-03-10`. Defaults to
       * Monday 00:00 UTC of the current week, so restarts in the same week
       * regenerate the same events. Pin it when the database outlives a week.
       */
      anchor?: string;
      /**
       * Development only: a GitHub- and Jira-shaped API on 127.0.0.1 holding the history
       * of the example `checkout-service`, which arrives through the GitHub and Jira
       * importers. Point an `integrations.github` entry for host `demo-github.localhost`
       * (`apiBaseUrl`) and `valueStream.sources.jira` (`baseUrl`, Data Center `token`) at
       * `http://127.0.0.1:<port>`, with the same token. Off when absent.
       */
      importApi?: {
        /** Port on 127.0.0.1; 0 (the default) picks a free one. */
        port?: number;
        /**
         * The token the importers must send.
         * @visibility secret
         */
        token: string;
        /** Each list page is answered after this long (ms), so the import is seen to progress. Defaults to 2000. */
        pageDelayMs?: number;
      };
      /**
       * Development only: a Slack-shaped incoming webhook on 127.0.0.1 that keeps the last
       * 20 messages (`GET /messages`) and logs their count. Point a
       * `valueStream.alerts.webhooks` entry (`format: slack`) at `http://127.0.0.1:<port>/<any path>`.
       * Off when absent.
       */
      chatReceiver?: {
        /** Port on 127.0.0.1; 0 (the default) picks a free one. */
        port?: number;
      };
    };
  };
}
