import { createDirectValueStream } from '../__testUtils__/directValueStream';
import { component, group } from '../__testUtils__/testBackend';

jest.setTimeout(120_000);
const shop = component('shop', { 'github.com/project-slug': 'acme/shop' });

describe('repositoryHistory', () => {
  it('reads 20k merged PRs in linear time (it took minutes when quadratic)', async () => {
    const vs = await createDirectValueStream('SQLITE_3', [shop, group]);
    try {
      const N = 20_000;
      const t0 = Date.parse('2025-01-01T00:00:00Z');
      const prs = [];
      const pairs = [];
      for (let i = 1; i <= N; i++) {
        const id = `acme/shop#${i}`;
        prs.push({
          id,
          repository: 'acme/shop',
          number: i,
          title: 't',
          body: null,
          branch: `b${i}`,
          state: 'merged',
          opened_at: t0 + i * 1000,
          merged_at: t0 + i * 1000 + 500,
          closed_at: null,
          merge_commit_sha: `m${i}`,
          updated_at: t0 + i * 1000 + 500,
        });
        for (const sha of [`a${i}`, `b${i}`, `c${i}`, `m${i}`])
          pairs.push({ pr_id: id, sha });
      }
      // One PR of another repository and one unmerged PR stay out.
      prs.push({ ...prs[0], id: 'acme/other#1', repository: 'acme/other' });
      prs.push({ ...prs[1], id: 'acme/shop#0', number: 0, merged_at: null });
      pairs.push({ pr_id: 'acme/other#1', sha: 'x1' });
      pairs.push({ pr_id: 'acme/shop#0', sha: 'x2' });
      for (let i = 0; i < prs.length; i += 500)
        await vs.knex('vs_pull_requests').insert(prs.slice(i, i + 500));
      for (let i = 0; i < pairs.length; i += 400)
        await vs.knex('vs_pr_commits').insert(pairs.slice(i, i + 400));

      const start = Date.now();
      const history = await vs.store.repositoryHistory('acme/shop');
      expect(Date.now() - start).toBeLessThan(20_000);
      expect(history.prs).toHaveLength(N);
      const pr = history.prs.find(p => p.id === 'acme/shop#7')!;
      expect([...pr.commits].sort()).toEqual(['a7', 'b7', 'c7', 'm7']);
    } finally {
      await vs.knex.destroy();
    }
  });
});
