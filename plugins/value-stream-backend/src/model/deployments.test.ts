import { h } from '../metrics/__testUtils__/journeys';
import { deployment } from '../metrics/__testUtils__/records';
import type { Deployment } from './artifacts';
import {
  deploymentRecord,
  isSuccessfulProductionDeployment,
  reachedEnvironment,
} from './deployments';

const row = (extra: Partial<Deployment> = {}): Deployment => ({
  deploymentId: 'd1',
  environment: 'prod',
  envClass: 'production',
  service: null,
  repository: 'acme/payments',
  entityRef: null,
  commitSha: 'abc1234',
  explicitCommits: false,
  startedAt: h(0),
  finishedAt: h(1),
  status: 'success',
  rolledBackAt: null,
  commits: ['abc1234'],
  ...extra,
});

describe('isSuccessfulProductionDeployment', () => {
  it('accepts success and rolled back, refuses failure, staging and unfinished', () => {
    const ok = isSuccessfulProductionDeployment;
    expect(ok(deployment('a', h(1)))).toBe(true);
    expect(ok(deployment('b', h(1), { status: 'rolled_back' }))).toBe(true);
    expect(ok(deployment('c', h(1), { status: 'failure' }))).toBe(false);
    expect(
      ok(deployment('d', h(1), { envClass: 'staging', environment: 'stg' })),
    ).toBe(false);
    expect(ok(deployment('e', null, { status: null }))).toBe(false);
    expect(ok(deployment('f', h(1), { status: null }))).toBe(false);
  });

  it('judges a stored row the same way as its record', () => {
    expect(isSuccessfulProductionDeployment(deploymentRecord(row()))).toBe(
      true,
    );
    expect(
      isSuccessfulProductionDeployment(
        deploymentRecord(row({ status: 'failure' })),
      ),
    ).toBe(false);
    // A later rollback keeps a deployment successful: it reached production.
    expect(
      isSuccessfulProductionDeployment(
        deploymentRecord(row({ rolledBackAt: h(2) })),
      ),
    ).toBe(true);
    expect(
      reachedEnvironment(deploymentRecord(row({ envClass: 'staging' }))),
    ).toBe(true);
  });
});

describe('deploymentRecord', () => {
  it('maps a stored row, a rollback to rolledBack', () => {
    expect(deploymentRecord(row({ rolledBackAt: h(2) }))).toEqual({
      deploymentId: 'd1',
      environment: 'prod',
      envClass: 'production',
      startedAt: h(0),
      finishedAt: h(1),
      status: 'success',
      rolledBack: true,
      commitSha: 'abc1234',
      commits: ['abc1234'],
    });
  });
});
