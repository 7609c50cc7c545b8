import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { createDirectValueStream } from '../__testUtils__/directValueStream';
import { component, databases, group } from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

const shop = component('shop', { 'github.com/project-slug': 'acme/shop' });
const repo = { repository: 'acme/shop' };
let n = 0;
const ev = (
  type: string,
  hour: number,
  data: Record<string, unknown>,
  extra: Partial<CanonicalEvent> = {},
): CanonicalEvent => ({
  id: `ev-${++n}`,
  source: 'test',
  type,
  occurredAt: new Date(
    Date.parse('2026-01-01T00:00:00Z') + hour * 3600_000,
  ).toISOString(),
  data,
  ...extra,
});
const issue = ev('work_item.created', 0, {
  key: 'acme/shop#100',
  title: 'Checkout in steps',
  itemType: 'feature',
});
const commit = (branch: string) =>
  ev(
    'commit.pushed',
    1,
    {
      sha: 'aaaaaaa1',
      message: 'Start step 1 (#100)',
      branch,
      defaultBranch: 'main',
    },
    repo,
  );

describe.each(databases.eachSupportedId())('squash commits on %p', id => {
  const run = async (events: CanonicalEvent[][]) => {
    const vs = await createDirectValueStream(id, [shop, group]);
    for (const batch of events) await vs.ingest.ingest(batch);
    return vs;
  };

  it('takes `(#N)` off the default branch as issue #N when no PR #N is known', async () => {
    const vs = await run([[issue, commit('feature/100-step-1')]]);
    try {
      expect(await vs.store.linksForItems(['acme/shop#100'])).toEqual([
        { itemKey: 'acme/shop#100', kind: 'commit', ref: 'aaaaaaa1' },
      ]);
      expect(await vs.store.workItem('acme/shop#100')).toMatchObject({
        stage: 'In Progress',
      });
    } finally {
      await vs.knex.destroy();
    }
  });

  it('takes `(#N)` on the default branch as a squash of PR #N', async () => {
    const vs = await run([[issue, commit('main')]]);
    try {
      expect(await vs.store.linksForItems(['acme/shop#100'])).toEqual([]);
      expect(await vs.store.prCommits(['acme/shop#100'])).toEqual([
        { prId: 'acme/shop#100', sha: 'aaaaaaa1' },
      ]);
    } finally {
      await vs.knex.destroy();
    }
  });

  it('takes `(#N)` naming a known PR as its squash, whatever the arrival order', async () => {
    const pr = ev(
      'pull_request.merged',
      2,
      { number: 100, title: 'PAY-1 Steps', mergeCommitSha: 'bbbbbbb1' },
      repo,
    );
    for (const order of [
      [[commit('release/1')], [pr]],
      [[pr], [commit('release/1')]],
      [[pr, commit('release/1')]],
    ]) {
      const vs = await run(order);
      try {
        expect(await vs.store.linksForItems(['acme/shop#100'])).toEqual([]);
        expect(
          (await vs.store.prCommits(['acme/shop#100'])).map(c => c.sha).sort(),
        ).toEqual(['aaaaaaa1', 'bbbbbbb1']);
      } finally {
        await vs.knex.destroy();
      }
    }
  });
});
