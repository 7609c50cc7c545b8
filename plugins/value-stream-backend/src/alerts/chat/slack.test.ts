import { slackMessage } from './slack';
import { EVIL_ALERT, ITEM_ALERT, STAGE_ALERT } from './testAlerts';

const LINK = ITEM_ALERT.link;

describe('slackMessage', () => {
  it('names the rule, the entity and the work item and links to the tab in text and blocks', () => {
    const m = slackMessage(ITEM_ALERT);
    expect(m.text).toBe(
      '[critical] Item blocked on component:default/payments (item_blocked): ' +
        'PAY-1 has been blocked for 2 days in Code Review. Work item: PAY-1 (Code Review). ' +
        `<${LINK}|Open the Value Stream tab>`,
    );
    expect(m.blocks).toEqual([
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '*Item blocked on component:default/payments*\nPAY-1 has been blocked for 2 days in Code Review',
        },
      },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: '*Rule*\nitem_blocked' },
          { type: 'mrkdwn', text: '*Severity*\ncritical' },
          { type: 'mrkdwn', text: '*Entity*\ncomponent:default/payments' },
          { type: 'mrkdwn', text: '*Work item*\nPAY-1 (Code Review)' },
        ],
      },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            text: { type: 'plain_text', text: 'Open the Value Stream tab' },
            url: LINK,
          },
        ],
      },
    ]);
  });

  it('names the stage of a stage alert', () => {
    const m = slackMessage(STAGE_ALERT);
    expect(m.text).toContain('Stage: In Progress.');
    expect(m.text).toContain('(wip_spike)');
    expect(JSON.stringify(m.blocks)).toContain('*Stage*\\nIn Progress');
  });

  it('reads no link or mention in an event-chosen key', () => {
    const m = slackMessage(EVIL_ALERT);
    // the only link is the tab's
    expect(m.text.match(/</g)).toHaveLength(1);
    expect(m.text).toContain('&lt;!channel&gt;');
    expect(JSON.stringify(m.blocks)).not.toContain('<!channel>');
    expect(JSON.stringify(m.blocks)).not.toContain('<https://evil');
  });

  it('has no button without an absolute link (no app.baseUrl)', () => {
    const m = slackMessage({
      ...ITEM_ALERT,
      link: '/catalog/default/component/payments/value-stream',
    });
    expect(m.text).toMatch(
      /Open the Value Stream tab: \/catalog\/default\/component\/payments\/value-stream$/,
    );
    expect(JSON.stringify(m.blocks)).not.toContain('"button"');
  });
});
