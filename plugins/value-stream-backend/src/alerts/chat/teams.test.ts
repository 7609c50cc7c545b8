import { teamsMessage } from './teams';
import { EVIL_ALERT, ITEM_ALERT, STAGE_ALERT } from './testAlerts';

describe('teamsMessage', () => {
  it('is a message with one Adaptive Card naming the rule, the entity and the work item', () => {
    const m = teamsMessage(ITEM_ALERT);
    expect(m.type).toBe('message');
    expect(m.attachments).toHaveLength(1);
    const [a] = m.attachments;
    expect(a.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(a.content).toEqual({
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      type: 'AdaptiveCard',
      version: '1.4',
      body: [
        {
          type: 'TextBlock',
          text: 'Item blocked on component:default/payments',
          weight: 'Bolder',
          size: 'Medium',
          color: 'Attention',
          wrap: true,
        },
        {
          type: 'TextBlock',
          text: 'PAY\\-1 has been blocked for 2 days in Code Review',
          wrap: true,
        },
        {
          type: 'FactSet',
          facts: [
            { title: 'Rule', value: 'item_blocked' },
            { title: 'Severity', value: 'critical' },
            { title: 'Entity', value: 'component:default/payments' },
            { title: 'Work item', value: 'PAY\\-1' },
            { title: 'Stage', value: 'Code Review' },
          ],
        },
      ],
      actions: [
        {
          type: 'Action.OpenUrl',
          title: 'Open the Value Stream tab',
          url: ITEM_ALERT.link,
        },
      ],
    });
  });

  it('names the stage of a stage alert, with no work item', () => {
    const { content } = teamsMessage(STAGE_ALERT).attachments[0];
    const facts = (content.body[2] as { facts: { title: string }[] }).facts;
    expect(facts.map(f => f.title)).toEqual([
      'Rule',
      'Severity',
      'Entity',
      'Stage',
    ]);
    expect(content.body[0]).toMatchObject({ color: 'Warning' });
  });

  it('escapes Markdown in an event-chosen key', () => {
    const { content } = teamsMessage(EVIL_ALERT).attachments[0];
    const text = (content.body[1] as { text: string }).text;
    expect(text).toContain('\\[x\\]\\(https://evil\\.example\\)');
    expect(text).toContain('\\*b\\*');
  });

  it('puts the link in the text without an absolute URL', () => {
    const { content } = teamsMessage({
      ...ITEM_ALERT,
      link: '/catalog/default/component/payments/value-stream',
    }).attachments[0];
    expect(content.actions).toBeUndefined();
    expect(content.body[3]).toEqual({
      type: 'TextBlock',
      text: 'Open the Value Stream tab: /catalog/default/component/payments/value-stream',
      wrap: true,
    });
  });
});
