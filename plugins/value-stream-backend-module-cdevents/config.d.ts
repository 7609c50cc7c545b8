export interface Config {
  valueStream?: {
    sources?: {
      cdevents?: {
        /**
         * Shared token senders present as `Authorization: Bearer <token>` or
         * `X-Value-Stream-Token`. Without it the CDEvents webhook refuses every
         * request.
         * @visibility secret
         */
        webhookSecret?: string;
      };
    };
  };
}
