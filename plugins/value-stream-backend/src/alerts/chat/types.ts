import type { Alert } from '@valuestream/backstage-plugin-value-stream-common';

/** The chats whose incoming webhooks `valueStream.alerts.webhooks` posts to. @internal */
export type ChatFormat = 'slack' | 'mattermost' | 'teams';

/** What a chat message says about one new alert. @internal */
export interface ChatAlert {
  entityRef: string;
  alert: Alert;
  /** The entity's Value Stream tab: `app.baseUrl` + `/catalog/<ns>/<kind>/<name>/value-stream`. */
  link: string;
}
