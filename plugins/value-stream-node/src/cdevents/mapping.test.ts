import fs from 'node:fs';
import path from 'node:path';
import { validateCanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { cdeventToCanonical, isCDEventType, MAPPED_CDEVENT_KINDS } from '.';
import { trailingNumber } from './mapping';
import type { CDCloudEvent } from './types';

const dir = path.join(__dirname, '__fixtures__', 'conformance');

function load(name: string): any {
  return JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8'));
}

/** Structured-mode CloudEvent around a CDEvent (spec cloudevents-binding.md). */
function wrap(cdevent: any): CDCloudEvent {
  return {
    id: cdevent.context.id,
    source: cdevent.context.source,
    type: cdevent.context.type,
    time: cdevent.context.timestamp,
    subject: cdevent.subject?.id,
    data: cdevent,
  };
}

const CHANGE_ID = '/event/source/123#271069a8-fc18-44f1-b38f-9d70a1695819';
const CHANGE_AT = '2023-03-20T14:27:05.315Z';
const TICKET_ID = '/ticketing/system#F4BD2B55-B6F6-4F44-AF72-BD2D0E7A8708';
const INCIDENT_AT = '2022-11-11T13:52:20.079Z';
const ticketData = {
  key: 'ticket-123',
  title: 'New CVE-123 detected',
  itemType: 'debt', // ticketType "task" wins over the label "bug"
  priority: 'high',
  labels: ['bug'],
};
const deployment = {
  deploymentId: CHANGE_ID,
  environment: 'test123',
  service: 'mySubject123',
};

/** Hand-checked expectations for every conformance file that maps. */
const EXPECTED: Record<string, unknown[]> = {
  change_created: [
    {
      id: CHANGE_ID,
      source: 'cdevents',
      type: 'pull_request.opened',
      occurredAt: CHANGE_AT,
      repository: 'TestRepo/TestOrg',
      data: { number: 123, title: 'This PR address a bug from a recent PR' },
    },
  ],
  change_merged: [
    {
      id: CHANGE_ID,
      source: 'cdevents',
      type: 'pull_request.merged',
      occurredAt: CHANGE_AT,
      repository: 'TestRepo/TestOrg',
      data: { number: 123, title: 'mySubject123' },
    },
  ],
  change_abandoned: [
    {
      id: CHANGE_ID,
      source: 'cdevents',
      type: 'pull_request.closed',
      occurredAt: CHANGE_AT,
      repository: 'TestRepo/TestOrg',
      data: { number: 123, title: 'mySubject123' },
    },
  ],
  change_reviewed: [
    {
      id: CHANGE_ID,
      source: 'cdevents',
      type: 'pull_request.reviewed',
      occurredAt: CHANGE_AT,
      repository: 'TestRepo/TestOrg',
      data: { number: 123, state: 'commented' },
    },
  ],
  service_deployed: [
    {
      id: `${CHANGE_ID}:started`,
      source: 'cdevents',
      type: 'deployment.started',
      occurredAt: CHANGE_AT,
      data: deployment,
    },
    {
      id: CHANGE_ID,
      source: 'cdevents',
      type: 'deployment.finished',
      occurredAt: CHANGE_AT,
      data: { ...deployment, status: 'success' },
    },
  ],
  service_rolledback: [
    {
      id: CHANGE_ID,
      source: 'cdevents',
      type: 'deployment.finished',
      occurredAt: CHANGE_AT,
      data: { ...deployment, status: 'rolled_back' },
    },
  ],
  incident_detected: [
    {
      id: 'incident:incident-123:opened',
      source: 'cdevents',
      type: 'incident.opened',
      occurredAt: INCIDENT_AT,
      data: {
        incidentId: 'incident-123',
        service: 'myApp',
        title: 'Response time above threshold of 100ms',
      },
    },
  ],
  incident_resolved: [
    {
      id: 'incident:incident-123:resolved',
      source: 'cdevents',
      type: 'incident.resolved',
      occurredAt: INCIDENT_AT,
      data: {
        incidentId: 'incident-123',
        service: 'myApp',
        title: 'Response time restored below 100ms',
      },
    },
  ],
  ticket_created: [
    {
      id: TICKET_ID,
      source: 'cdevents',
      type: 'work_item.created',
      occurredAt: INCIDENT_AT,
      data: ticketData,
    },
  ],
  ticket_updated: [
    {
      id: TICKET_ID,
      source: 'cdevents',
      type: 'work_item.updated',
      occurredAt: INCIDENT_AT,
      data: ticketData,
    },
  ],
  ticket_closed: [
    {
      id: TICKET_ID,
      source: 'cdevents',
      type: 'work_item.status_changed',
      occurredAt: INCIDENT_AT,
      data: { key: 'ticket-123', to: 'closed', stage: 'Done' },
    },
  ],
};
// the conformance files share ids, so upgraded maps exactly like deployed
EXPECTED.service_upgraded = EXPECTED.service_deployed;
// incident.reported: the same incident, and its customData names a severity
EXPECTED.incident_reported = EXPECTED.incident_detected.map((e: any) => ({
  ...e,
  data: { ...e.data, severity: 'medium' },
}));

/** Conformance files that deliberately map to nothing, and why. */
const UNMAPPED: Record<string, string> = {
  artifact_deleted: 'artifacts are not part of a journey',
  artifact_downloaded: 'artifacts are not part of a journey',
  artifact_packaged: 'artifacts are not part of a journey',
  artifact_published: 'artifacts are not part of a journey',
  artifact_signed: 'artifacts are not part of a journey',
  branch_created: 'branches carry no commit',
  branch_deleted: 'branches carry no commit',
  build_queued: 'only started/finished move a stage',
  build_started: 'no commit (customData.commitSha or SCM purl) in the example',
  build_finished: 'no commit: the artifactId is an OCI digest, not a commit',
  change_updated:
    'no new title/description; the open time comes from change.created',
  environment_created: 'environments are config, not deployments',
  environment_deleted: 'environments are config, not deployments',
  environment_modified: 'environments are config, not deployments',
  pipelinerun_queued: 'not in DESIGN §3 (build.* is)',
  pipelinerun_started: 'not in DESIGN §3 (build.* is)',
  pipelinerun_finished: 'not in DESIGN §3 (build.* is)',
  repository_created: 'repositories are catalog data',
  repository_deleted: 'repositories are catalog data',
  repository_modified: 'repositories are catalog data',
  service_published: 'not a deployment',
  service_removed: 'not a deployment',
  taskrun_started: 'not in DESIGN §3',
  taskrun_finished: 'not in DESIGN §3',
  testcaserun_queued: 'only finished runs count',
  testcaserun_started: 'only finished runs count',
  testcaserun_skipped: 'only finished runs count',
  testcaserun_finished: 'no commit in the example',
  testsuiterun_queued: 'only finished runs count',
  testsuiterun_started: 'only finished runs count',
  testsuiterun_finished: 'no commit in the example',
  testoutput_published: 'test output is not a result',
};

describe('cdeventToCanonical on the CDEvents v0.5.1 conformance examples', () => {
  const files = fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.json'))
    .map(f => f.replace(/\.json$/, ''));

  it('has an expectation for every example', () => {
    expect(files).toHaveLength(45);
    const covered = [...Object.keys(EXPECTED), ...Object.keys(UNMAPPED)];
    expect([...covered].sort()).toEqual([...files].sort());
  });

  it.each(Object.keys(EXPECTED))('%s maps to valid canonical events', name => {
    const events = cdeventToCanonical(wrap(load(name)));
    expect(events).toEqual(EXPECTED[name]);
    for (const e of events) {
      const result = validateCanonicalEvent(e);
      expect(result).toMatchObject({ ok: true, known: true });
    }
  });

  it.each(Object.keys(UNMAPPED))('%s is deliberately unmapped', name => {
    expect(cdeventToCanonical(wrap(load(name)))).toEqual([]);
  });

  it('maps every kind it lists', () => {
    expect([...MAPPED_CDEVENT_KINDS].sort()).toEqual(
      [
        'build.finished',
        'build.started',
        'change.abandoned',
        'change.created',
        'change.merged',
        'change.reviewed',
        'incident.detected',
        'incident.reported',
        'incident.resolved',
        'service.deployed',
        'service.rolledback',
        'service.upgraded',
        'testcaserun.finished',
        'testsuiterun.finished',
        'ticket.closed',
        'ticket.created',
        'ticket.updated',
      ].sort(),
    );
  });
});

describe('cdeventToCanonical with a commit', () => {
  const sha = '5bcfb805534d13224e8fa7698a2819bf0d055f29';

  it('maps build.finished with customData.commitSha and outcome', () => {
    const cdevent = {
      ...load('build_finished'),
      customData: {
        commitSha: sha,
        outcome: 'failure',
        repository: 'acme/shop',
      },
    };
    const [e] = cdeventToCanonical(wrap(cdevent));
    expect(e).toEqual({
      id: CHANGE_ID,
      source: 'cdevents',
      type: 'build.finished',
      occurredAt: CHANGE_AT,
      repository: 'acme/shop',
      data: { buildId: 'mySubject123', commitSha: sha, status: 'failure' },
    });
    expect(validateCanonicalEvent(e).ok).toBe(true);
  });

  it('takes the commit from customData or a GitHub purl artifactId', () => {
    // the testsuiterun schema has no artifactId: customData carries the commit
    const cdevent = {
      ...load('testsuiterun_finished'),
      customData: { commitSha: sha },
    };
    expect(cdeventToCanonical(wrap(cdevent))).toEqual([
      {
        id: '/event/source/123#271069a8-fc18-44f1-b38f-9d70a1695819',
        source: 'cdevents',
        type: 'test.finished',
        occurredAt: CHANGE_AT,
        data: { runId: 'myTestSuiteRun123', commitSha: sha, status: 'failure' },
      },
    ]);

    const deployed = load('service_deployed');
    deployed.subject.content.artifactId = `pkg:github/acme/shop@${sha}`;
    const events = cdeventToCanonical(wrap(deployed));
    expect(events.map(e => e.data.commitSha)).toEqual([sha, sha]);
  });

  it('uses customData.deploymentId so a rollback names the deployment it undoes', () => {
    const cdevent = {
      ...load('service_rolledback'),
      customData: { deploymentId: 'd-41' },
    };
    expect(cdeventToCanonical(wrap(cdevent))[0].data).toEqual({
      deploymentId: 'd-41',
      environment: 'test123',
      service: 'mySubject123',
      status: 'rolled_back',
    });
  });
});

describe('malformed and unknown events', () => {
  it('returns [] for a custom (dev.cdeventsx) event type', () => {
    const custom = JSON.parse(
      fs.readFileSync(
        path.join(__dirname, '__fixtures__', 'custom-conformance.json'),
        'utf8',
      ),
    );
    expect(isCDEventType(custom.context.type)).toBe(false);
    expect(() => cdeventToCanonical(wrap(custom))).toThrow(
      /not a CDEvents type/,
    );
  });

  it('recognises CDEvents types by subject, predicate and version', () => {
    expect(isCDEventType('dev.cdevents.change.merged.0.3.0')).toBe(true);
    expect(isCDEventType('dev.cdevents.change.merged')).toBe(false);
    expect(isCDEventType('com.github.push')).toBe(false);
  });

  it('throws an InputError for a CDEvent without subject', () => {
    const cdevent = load('change_merged');
    delete cdevent.subject;
    expect(() => cdeventToCanonical(wrap(cdevent))).toThrow(
      expect.objectContaining({ name: 'InputError' }),
    );
  });

  it('throws an InputError when the change number cannot be found', () => {
    const cdevent = load('change_merged');
    cdevent.subject.id = 'no-number-here';
    expect(() => cdeventToCanonical(wrap(cdevent))).toThrow(/change number/);
  });

  it('throws an InputError without any time', () => {
    const cdevent = load('ticket_created');
    delete cdevent.context.timestamp;
    expect(() =>
      cdeventToCanonical({ ...wrap(cdevent), time: undefined }),
    ).toThrow(/no valid time/);
  });
});

describe('trailingNumber', () => {
  it('reads the trailing digits', () => {
    expect(trailingNumber('/org/repo/pull/123')).toBe(123);
    expect(trailingNumber('42')).toBe(42);
    expect(trailingNumber('no-number')).toBeNaN();
    expect(trailingNumber('')).toBeNaN();
  });

  it('is linear: a 1 MB run of digits takes milliseconds', () => {
    const started = Date.now();
    expect(trailingNumber(`${'1'.repeat(1_000_000)}x`)).toBeNaN();
    expect(trailingNumber(`x${'1'.repeat(1_000_000)}`)).toBe(Infinity);
    expect(Date.now() - started).toBeLessThan(200);
  });

  it('rejects a subject id over 512 characters', () => {
    const cdevent = load('change_merged');
    cdevent.subject.id = `${'1'.repeat(100_000)}x`;
    expect(() => cdeventToCanonical(wrap(cdevent))).toThrow(/subject\.id/);
  });
});
