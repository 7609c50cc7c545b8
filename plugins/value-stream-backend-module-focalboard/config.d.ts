export interface Config {
  valueStream?: {
    sources?: {
      focalboard?: {
        /**
         * Focalboard's server, e.g. `https://boards.acme.com` (standalone) or
         * `https://mattermost.acme.com/plugins/focalboard` (the Mattermost plugin);
         * the REST API is read under `<baseUrl>/api/v2`.
         */
        baseUrl?: string;
        /**
         * A session or personal access token of a user who can view the boards
         * (sent as `Authorization: Bearer`).
         * @visibility secret
         */
        token?: string;
        /**
         * Verifies `POST /api/value-stream/focalboard/webhook`: the HMAC key of a
         * signing proxy (`X-Hub-Signature-256: sha256=<hex>`) or the shared token
         * (e.g. as the password of the webhook URL). Without it the webhook refuses
         * every request.
         * @visibility secret
         */
        webhookSecret?: string;
        /** Name of the select property holding a card's status; defaults to `Status`. */
        statusProperty?: string;
      };
    };
  };
}
