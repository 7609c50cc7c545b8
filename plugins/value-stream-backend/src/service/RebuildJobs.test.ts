import { mockServices } from '@backstage/backend-test-utils';
import { RebuildJobs } from './RebuildJobs';

describe('RebuildJobs', () => {
  it('runs one rebuild at a time and reports its outcome', async () => {
    let finish!: (r: { items: number }) => void;
    const rebuild = jest.fn(
      () => new Promise<{ items: number }>(resolve => (finish = resolve)),
    );
    const jobs = new RebuildJobs(rebuild, mockServices.logger.mock(), () => 0);
    const first = jobs.start();
    const second = jobs.start();
    expect(second.id).toBe(first.id);
    expect(rebuild).toHaveBeenCalledTimes(1);
    expect(jobs.get(first.id)).toMatchObject({ state: 'running', items: null });
    finish({ items: 7 });
    await jobs.settled();
    expect(jobs.get(first.id)).toMatchObject({
      state: 'done',
      items: 7,
      finishedAt: '1970-01-01T00:00:00.000Z',
    });
    const third = jobs.start();
    expect(third.id).not.toBe(first.id);
    expect(rebuild).toHaveBeenCalledTimes(2);
  });

  it('keeps a failed rebuild with its error', async () => {
    const jobs = new RebuildJobs(
      () => Promise.reject(new Error('database gone')),
      mockServices.logger.mock(),
    );
    const job = jobs.start();
    await jobs.settled();
    expect(jobs.get(job.id)).toMatchObject({
      state: 'failed',
      error: 'database gone',
    });
    expect(jobs.get('unknown')).toBeUndefined();
  });
});
