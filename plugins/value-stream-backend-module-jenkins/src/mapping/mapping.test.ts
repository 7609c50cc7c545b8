import fs from 'node:fs';
import path from 'node:path';
import { validateCanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { repositoryFromGitUrl as repositoryFromScmUrl } from '@valuestream/backstage-plugin-value-stream-node';
import { jenkinsToEvents, jobFullName } from '.';

const fixture = (): any =>
  JSON.parse(
    fs.readFileSync(
      path.join(
        __dirname,
        '..',
        '__fixtures__',
        'notification-plugin.completed.json',
      ),
      'utf8',
    ),
  );

/** The documented example plus the `timestamp`/`duration` current plugin versions send. */
function current(phase: string, status?: string) {
  const payload = fixture();
  payload.build.phase = phase;
  payload.build.status = status;
  payload.build.timestamp = 1700000000000; // 2023-11-14T22:13:20.000Z
  payload.build.duration = 95000;
  return payload;
}

function map(payload: unknown) {
  const events = jenkinsToEvents(payload);
  for (const e of events) {
    const result = validateCanonicalEvent(e);
    if (!result.ok) throw new Error(result.message);
  }
  return events;
}

const data = {
  buildId: 'asgard#18',
  pipeline: 'asgard',
  commitSha: 'c6d86dc654b12425e706bcf951adfe5a8627a517',
};

describe('jenkinsToEvents', () => {
  it('refuses the documented example, which predates build.timestamp', () => {
    expect(() => jenkinsToEvents(fixture())).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringMatching(/timestamp/),
      }),
    );
  });

  it('maps COMPLETED to build.finished at start + duration', () => {
    expect(map(current('COMPLETED', 'SUCCESS'))).toEqual([
      {
        id: 'asgard#18:finished',
        source: 'jenkins',
        type: 'build.finished',
        occurredAt: '2023-11-14T22:14:55.000Z',
        repository: 'evgeny-goldin/asgard',
        data: { ...data, status: 'success' },
      },
    ]);
  });

  it('maps STARTED to build.started at the build timestamp', () => {
    expect(map(current('STARTED'))).toEqual([
      {
        id: 'asgard#18:started',
        source: 'jenkins',
        type: 'build.started',
        occurredAt: '2023-11-14T22:13:20.000Z',
        repository: 'evgeny-goldin/asgard',
        data,
      },
    ]);
  });

  it('maps FINALIZED to the same finished event and the Jenkins results', () => {
    expect(map(current('FINALIZED', 'FAILURE'))[0]).toMatchObject({
      id: 'asgard#18:finished',
      data: { status: 'failure' },
    });
    expect(map(current('COMPLETED', 'UNSTABLE'))[0].data.status).toBe(
      'failure',
    );
    expect(map(current('COMPLETED', 'ABORTED'))[0].data.status).toBe(
      'canceled',
    );
  });

  it('ignores QUEUED and builds without a commit', () => {
    expect(map(current('QUEUED'))).toEqual([]);
    const noScm = current('STARTED');
    delete noScm.build.scm;
    expect(map(noScm)).toEqual([]);
  });

  it('throws InputError for malformed payloads', () => {
    expect(() => jenkinsToEvents({ name: 'x' })).toThrow(
      expect.objectContaining({ name: 'InputError' }),
    );
    expect(() => jenkinsToEvents('COMPLETED')).toThrow(
      expect.objectContaining({ name: 'InputError' }),
    );
  });

  it('derives the job full name and repository', () => {
    expect(jobFullName('shop', 'job/team/job/shop/')).toBe('team/shop');
    expect(jobFullName('asgard', undefined)).toBe('asgard');
    expect(repositoryFromScmUrl('git@gitlab.com:group/sub/shop.git')).toBe(
      'group/sub/shop',
    );
    expect(repositoryFromScmUrl('https://github.com/acme/shop')).toBe(
      'acme/shop',
    );
    expect(repositoryFromScmUrl('shop')).toBeUndefined();
  });
});
