export type { ChatAlert, ChatFormat } from './types';
export { chatMessage } from './chatMessage';
export { slackMessage } from './slack';
export { mattermostMessage } from './mattermost';
export { teamsMessage } from './teams';
export { readAlertWebhooks, type AlertWebhook } from './readAlertWebhooks';
export { WebhookDelivery } from './WebhookDelivery';
