export interface Config {
  valueStream?: {
    sources?: {
      gitlab?: {
        /**
         * The secret token set on the GitLab webhook, sent back in
         * `X-Gitlab-Token`. Without it the GitLab webhook refuses every request.
         * @visibility secret
         */
        webhookSecret?: string;
      };
    };
  };
}
