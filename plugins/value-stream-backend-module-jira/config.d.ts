export interface Config {
  valueStream?: {
    sources?: {
      jira?: {
        /**
         * The secret of the Jira Cloud webhook; requests are checked against
         * `X-Hub-Signature: sha256=<HMAC>`. Without it the Jira webhook refuses
         * every request.
         * @visibility secret
         */
        webhookSecret?: string;
        /**
         * Custom field id holding story points, used as the item's value when
         * 1–100. Defaults to `customfield_10016` ("Story point estimate").
         */
        storyPointsField?: string;
      };
    };
  };
}
