import {
  dataHealthWarnings,
  type DataHealthFigures,
} from './dataHealthWarnings';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

const figures = (over: Partial<DataHealthFigures> = {}): DataHealthFigures => ({
  entityRef: 'component:default/payments',
  window: { from: iso(NOW - 30 * DAY), to: iso(NOW) },
  commits: { total: 0, linked: 0 },
  pullRequests: { total: 0, linked: 0 },
  deployments: { total: 0, withCommits: 0 },
  workItems: { done: 0, withChanges: 0 },
  unresolvedEvents: 0,
  sources: [],
  ...over,
});
const codes = (f: DataHealthFigures) =>
  dataHealthWarnings(f, [], NOW).map(w => w.code);

describe('dataHealthWarnings', () => {
  it('warns from 10 % unlinked, rounding the share', () => {
    // 9 of 100 (9 %): fine; 10 of 100: a warning; 61 of 100 as in DESIGN §16.
    expect(codes(figures({ commits: { total: 100, linked: 91 } }))).toEqual([]);
    expect(codes(figures({ commits: { total: 100, linked: 90 } }))).toEqual([
      'commits_unlinked',
    ]);
    const [w] = dataHealthWarnings(
      figures({ commits: { total: 100, linked: 39 } }),
      [],
      NOW,
    );
    expect(w.message).toBe(
      '61 % of commits name no work item: put the key in the branch name or the PR title',
    );
    // 2 of 3: 66.7 % → 67 %.
    expect(
      dataHealthWarnings(
        figures({ deployments: { total: 3, withCommits: 1 } }),
        [],
        NOW,
      )[0].message,
    ).toMatch(/^67 % of deployments carry no commits/);
  });

  it('says nothing about what there was none of', () => {
    expect(codes(figures())).toEqual([]);
  });

  it('reports a source silent for 7 days or more, not one of 6 days', () => {
    const source = (daysAgo: number | null) => ({
      source: 'jira',
      annotation: 'jira/project-key',
      lastEventAt: daysAgo === null ? null : iso(NOW - daysAgo * DAY),
    });
    expect(codes(figures({ sources: [source(6.9)] }))).toEqual([]);
    const [seven] = dataHealthWarnings(
      figures({ sources: [source(7)] }),
      [],
      NOW,
    );
    expect(seven).toEqual({
      code: 'source_silent',
      subject: 'jira',
      message:
        'jira sent nothing for 7 days though jira/project-key is set: check its webhook deliveries and secret, or re-run the history import',
    });
    expect(
      dataHealthWarnings(figures({ sources: [source(null)] }), [], NOW)[0]
        .message,
    ).toMatch(/^jira sent nothing in the last 30 days/);
  });

  it('names a lost claim first, with who else claims it', () => {
    const warnings = dataHealthWarnings(
      figures({ commits: { total: 2, linked: 0 } }),
      [
        {
          annotation: 'jira/project-key',
          id: 'PAY',
          others: ['component:default/billing'],
          reason: 'its claimants have different owners (group:a; group:b)',
        },
      ],
      NOW,
    );
    expect(warnings.map(w => w.code)).toEqual([
      'annotation_conflict',
      'commits_unlinked',
    ]);
    expect(warnings[0].message).toBe(
      'jira/project-key "PAY" is also claimed by component:default/billing and its claimants have different owners (group:a; group:b), so this entity gets none of its data: remove the wrong annotation, or ask your Backstage admin to pin it in valueStream.claims',
    );
  });
});
