export interface Config {
  valueStream?: {
    sources?: {
      github?: {
        /**
         * The webhook secret set in GitHub; requests are checked against its
         * `X-Hub-Signature-256` HMAC. Without it the GitHub webhook refuses every
         * request (events arriving through the events service still count).
         * @visibility secret
         */
        webhookSecret?: string;
      };
    };
  };
}
