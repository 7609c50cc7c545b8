import { mattermostMessage } from './mattermost';
import { slackMessage } from './slack';
import { teamsMessage } from './teams';
import type { ChatAlert, ChatFormat } from './types';

/** The body posted to a chat's incoming webhook for a new alert. Pure. @internal */
export function chatMessage(format: ChatFormat, input: ChatAlert): object {
  if (format === 'slack') return slackMessage(input);
  if (format === 'mattermost') return mattermostMessage(input);
  return teamsMessage(input);
}
