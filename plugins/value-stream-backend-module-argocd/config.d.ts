export interface Config {
  valueStream?: {
    sources?: {
      argocd?: {
        /**
         * Shared token Argo CD Notifications sends as
         * `Authorization: Bearer <token>` (or `X-Value-Stream-Token`). Without it
         * the Argo CD webhook refuses every request.
         * @visibility secret
         */
        webhookSecret?: string;
        /**
         * Application label naming the environment (e.g. `production`).
         * Defaults to `environment`; without the label the destination
         * namespace is the environment.
         */
        environmentLabel?: string;
      };
    };
  };
}
