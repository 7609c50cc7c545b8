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
        /**
         * Custom field id of the sprint, mapped to the item's iteration (DESIGN §14).
         * Defaults to `customfield_10020` (Jira Cloud's "Sprint").
         */
        sprintField?: string;
        /**
         * Base URL of the Jira site the history importer reads, e.g.
         * `https://acme.atlassian.net` (Cloud) or `https://jira.acme.com` (Data
         * Center). Without it (or without a credential) nothing is imported.
         */
        baseUrl?: string;
        /** Jira Cloud: the account's email, with `apiToken` (basic auth). */
        email?: string;
        /**
         * Jira Cloud: an API token of `email`'s account, which needs the
         * "Browse projects" permission on the imported projects.
         * @visibility secret
         */
        apiToken?: string;
        /**
         * Jira Data Center: a personal access token (bearer), used when `email`
         * and `apiToken` are not set.
         * @visibility secret
         */
        token?: string;
      };
    };
  };
}
