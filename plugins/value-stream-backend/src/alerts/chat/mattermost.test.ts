import { mattermostMessage } from './mattermost';
import { EVIL_ALERT, ITEM_ALERT, STAGE_ALERT } from './testAlerts';

describe('mattermostMessage', () => {
  it('is { text } naming the rule, the entity and the work item, linking to the tab', () => {
    expect(mattermostMessage(ITEM_ALERT)).toEqual({
      text: [
        '**Item blocked** (`item_blocked`, critical) on `component:default/payments`',
        '`PAY-1` has been blocked for 2 days in Code Review',
        `Work item \`PAY-1\` in stage **Code Review** · [Open the Value Stream tab](${ITEM_ALERT.link})`,
      ].join('\n'),
    });
  });

  it('names the stage of a stage alert', () => {
    const { text } = mattermostMessage(STAGE_ALERT);
    expect(text).toContain('`wip_spike`');
    expect(text).toContain('Stage **In Progress**');
  });

  it('keeps an event-chosen key in inline code, where no mention or link is read', () => {
    const { text } = mattermostMessage(EVIL_ALERT);
    const [, second] = text.split('\n');
    expect(second).toBe(
      "`<https://evil.example|Reset> <!channel> @channel [x](https://evil.example) *b* 'c'` has been blocked for 2 days in Code Review",
    );
  });
});
