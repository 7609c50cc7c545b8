import fs from 'node:fs';
import path from 'node:path';
import { validateCanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { argoCdToEvents, ArgoCdMappingOptions } from '.';

const application = (): any =>
  JSON.parse(
    fs.readFileSync(
      path.join(
        __dirname,
        '..',
        '__fixtures__',
        'application.sync-succeeded.json',
      ),
      'utf8',
    ),
  );

/** What the README's template renders for an Application (each `toJson` path). */
function render(app: any) {
  return JSON.parse(
    JSON.stringify({
      app: {
        metadata: {
          name: app.metadata.name,
          namespace: app.metadata.namespace,
          labels: app.metadata.labels ?? null,
        },
        spec: { destination: app.spec.destination },
        status: {
          operationState: app.status.operationState,
          health: app.status.health,
        },
      },
    }),
  );
}

function map(payload: unknown, options?: ArgoCdMappingOptions) {
  const events = argoCdToEvents(payload, options);
  for (const e of events) {
    const result = validateCanonicalEvent(e);
    if (!result.ok) throw new Error(result.message);
  }
  return events;
}

const deploymentId = 'argo-cd/velero-test@2024-03-05T07:33:03Z';
const data = {
  deploymentId,
  environment: 'test-lla',
  service: 'velero-test',
  commitSha: 'ea8759964626a583667a2bfd08f334ec2070040a',
};

describe('argoCdToEvents', () => {
  it('maps a succeeded sync to deployment.started + deployment.finished', () => {
    expect(map(render(application()))).toEqual([
      {
        id: `${deploymentId}:started`,
        source: 'argocd',
        type: 'deployment.started',
        occurredAt: '2024-03-05T07:33:03.000Z',
        repository: 'foo/manifests-velero',
        data,
      },
      {
        id: `${deploymentId}:finished`,
        source: 'argocd',
        type: 'deployment.finished',
        occurredAt: '2024-03-05T07:33:04.000Z',
        repository: 'foo/manifests-velero',
        data: { ...data, status: 'success' },
      },
    ]);
  });

  it('accepts the whole Application object as app', () => {
    expect(map({ app: application() })).toEqual(map(render(application())));
  });

  it('takes the environment from the configured label', () => {
    const events = map(render(application()), { environmentLabel: 'stack' });
    expect(events.map(e => e.data.environment)).toEqual(['gke-v2', 'gke-v2']);
  });

  it('maps Failed and Error to status failure, Running to started only', () => {
    const app = application();
    app.status.operationState.phase = 'Failed';
    app.status.operationState.message = 'one or more objects failed to apply';
    expect(map(render(app))[1].data.status).toBe('failure');
    app.status.operationState.phase = 'Error';
    expect(map(render(app))[1].data.status).toBe('failure');
    app.status.operationState.phase = 'Running';
    expect(map(render(app)).map(e => e.type)).toEqual(['deployment.started']);
    app.status.operationState.phase = 'Terminating';
    expect(map(render(app))).toEqual([]);
  });

  it('uses the first revision of a multi-source application', () => {
    const app = application();
    delete app.status.operationState.syncResult.revision;
    app.status.operationState.syncResult.revisions = [
      '1111111aaaaaaa',
      '2222222bbbbbbb',
    ];
    expect(map(render(app))[0].data.commitSha).toBe('1111111aaaaaaa');
  });

  it('takes the repository from the synced Git source, not from a chart repository', () => {
    const app = application();
    const synced = app.status.operationState.syncResult;
    synced.source.repoURL = 'git@gitlab.com:platform/deploy/payments.git';
    expect(map(render(app))[0].repository).toBe('platform/deploy/payments');
    delete synced.source;
    synced.sources = [
      { repoURL: 'ssh://git@github.com/acme/payments' },
      { repoURL: 'https://charts.example.com', chart: 'redis' },
    ];
    expect(map(render(app))[0].repository).toBe('acme/payments');
    synced.sources.reverse();
    expect(map(render(app))[0].repository).toBeUndefined();
  });

  it('throws InputError for malformed payloads', () => {
    const input = expect.objectContaining({ name: 'InputError' });
    expect(() => argoCdToEvents({})).toThrow(input);
    const app = application();
    app.status.operationState.startedAt = '<no value>';
    expect(() => argoCdToEvents(render(app))).toThrow(/startedAt/);
    const noDest = application();
    delete noDest.spec.destination;
    expect(() => argoCdToEvents(render(noDest))).toThrow(/environment/);
  });
});
