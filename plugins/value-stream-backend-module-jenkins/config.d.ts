export interface Config {
  valueStream?: {
    sources?: {
      jenkins?: {
        /**
         * Shared token Jenkins presents as `Authorization: Bearer <token>`,
         * `X-Value-Stream-Token`, or the password of the endpoint URL's
         * user-info (Basic). Without it the Jenkins webhook refuses every request.
         * @visibility secret
         */
        webhookSecret?: string;
      };
    };
  };
}
