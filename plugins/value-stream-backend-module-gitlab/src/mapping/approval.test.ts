import fs from 'node:fs';
import path from 'node:path';
import { validateCanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { gitlabToEvents } from '.';

// The real Merge Request Hook (GitLab 8.x, via Zulip) with the action an approval sends.
function approvalHook(action: string): any {
  const payload = JSON.parse(
    fs.readFileSync(
      path.join(
        __dirname,
        '..',
        '__fixtures__',
        'merge_request_hook.merged.json',
      ),
      'utf8',
    ),
  );
  payload.object_attributes.action = action;
  payload.object_attributes.state = 'opened';
  payload.object_attributes.updated_at = '2016-08-22 20:35:00 UTC';
  return payload;
}
function map(payload: unknown) {
  const events = gitlabToEvents(payload, {});
  for (const e of events) {
    const result = validateCanonicalEvent(e);
    if (!result.ok) throw new Error(result.message);
  }
  return events;
}
const repo = 'tomaszkolek0/my-awesome-project';

describe('Merge Request Hook approvals', () => {
  it.each(['approval', 'approved'])(
    'maps `%s` to pull_request.reviewed (approved) at the MR’s updated_at',
    action => {
      const payload = approvalHook(action);
      expect(map(payload)).toEqual([
        {
          id: `mr:${repo}!3:approval:tomaszkolek0:2016-08-22 20:35:00 UTC`,
          source: 'gitlab',
          type: 'pull_request.reviewed',
          occurredAt: '2016-08-22T20:35:00.000Z',
          repository: repo,
          data: { number: 3, state: 'approved' },
        },
      ]);
    },
  );

  it('gives the hook of one approval one id (a redelivery is a repeat) and a later approval another', () => {
    const [first] = map(approvalHook('approval'));
    const [again] = map(approvalHook('approval'));
    const later = approvalHook('approved');
    later.object_attributes.updated_at = '2016-08-22 20:39:00 UTC';
    expect(again.id).toBe(first.id);
    expect(map(later)[0].id).not.toBe(first.id);
  });

  it('leaves unapproval out', () => {
    expect(map(approvalHook('unapproved'))).toEqual([]);
    expect(map(approvalHook('unapproval'))).toEqual([]);
  });
});
