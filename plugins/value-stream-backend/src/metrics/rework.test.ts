import { DEFAULT_REWORK, ReworkEvidence, reworkRate } from './rework';

const deploy = (
  deploymentId: string,
  itemTypes: string[] = [],
  branches: string[] = [],
): ReworkEvidence => ({ deploymentId, itemTypes, branches });

describe('reworkRate', () => {
  it('is null with no deployments', () => {
    expect(reworkRate([], DEFAULT_REWORK)).toEqual({
      rework: 0,
      total: 0,
      rate: null,
    });
  });

  it('counts a deployment with a defect-linked change', () => {
    expect(
      reworkRate(
        [deploy('d1', ['feature', 'defect']), deploy('d2', ['feature'])],
        DEFAULT_REWORK,
      ),
    ).toEqual({ rework: 1, total: 2, rate: 0.5 });
  });

  it('counts a deployment of a hotfix/ branch PR, not one that merely names hotfix', () => {
    expect(
      reworkRate(
        [
          deploy('d1', [], ['hotfix/login']),
          deploy('d2', [], ['feature/hotfix-docs']),
          deploy('d3', [], ['main']),
          deploy('d4'),
        ],
        DEFAULT_REWORK,
      ),
    ).toEqual({ rework: 1, total: 4, rate: 0.25 });
  });

  it('does not count a feature-only deployment', () => {
    expect(
      reworkRate(
        [deploy('d1', ['feature', 'debt'], ['feat/x'])],
        DEFAULT_REWORK,
      ),
    ).toEqual({ rework: 0, total: 1, rate: 0 });
  });

  it('counts a deployment with both a defect and a hotfix branch once', () => {
    expect(
      reworkRate(
        [
          deploy('d1', ['defect', 'defect'], ['hotfix/a', 'hotfix/b']),
          deploy('d2', ['feature']),
          deploy('d3', ['risk']),
        ],
        DEFAULT_REWORK,
      ),
    ).toEqual({ rework: 1, total: 3, rate: 1 / 3 });
  });

  it('follows custom item types and branch pattern', () => {
    const config = { itemTypes: ['risk', 'debt'], branchPattern: /^fix-/ };
    expect(
      reworkRate(
        [
          deploy('d1', ['defect']), // defect is not listed: not rework
          deploy('d2', ['debt']),
          deploy('d3', [], ['hotfix/x']), // default pattern no longer applies
          deploy('d4', [], ['fix-123']),
          deploy('d5', ['feature'], ['feature/y']),
        ],
        config,
      ),
    ).toEqual({ rework: 2, total: 5, rate: 0.4 });
  });
});
