import type { StageDefinition } from '@valuestream/backstage-plugin-value-stream-common';
import { stageMetrics } from './stages';

const stages: StageDefinition[] = [
  { name: 'Backlog', category: 'queue' },
  { name: 'In Progress', category: 'active', wipLimit: 5 },
  { name: 'Code Review', category: 'wait', wipLimit: 10 },
  { name: 'Test', category: 'active' },
  { name: 'Done', category: 'done' },
];

describe('stageMetrics', () => {
  it('gives wip, limit and mean time per stage, null for the done stage', () => {
    const result = stageMetrics({
      stages,
      currentStageCounts: { Backlog: 12, 'In Progress': 3, Done: 40 },
      visitTotals: {
        'In Progress': { seconds: 900, count: 3 },
        Done: { seconds: 5, count: 1 },
        Test: { seconds: 0, count: 0 },
      },
      openAlerts: [],
    });
    expect(result).toEqual([
      {
        name: 'Backlog',
        category: 'queue',
        wip: 12,
        wipLimit: null,
        meanTimeInStage: null,
        status: 'healthy',
      },
      {
        name: 'In Progress',
        category: 'active',
        wip: 3,
        wipLimit: 5,
        meanTimeInStage: 300,
        status: 'healthy',
      },
      {
        name: 'Code Review',
        category: 'wait',
        wip: 0,
        wipLimit: 10,
        meanTimeInStage: null,
        status: 'healthy',
      },
      {
        name: 'Test',
        category: 'active',
        wip: 0,
        wipLimit: null,
        meanTimeInStage: null,
        status: 'healthy',
      },
      {
        name: 'Done',
        category: 'done',
        wip: null,
        wipLimit: null,
        meanTimeInStage: null,
        status: 'healthy',
      },
    ]);
  });

  it('turns warning at 80 % of the WIP limit', () => {
    const statuses = (count: number) =>
      stageMetrics({
        stages,
        currentStageCounts: { 'In Progress': count },
        visitTotals: {},
        openAlerts: [],
      })[1].status;
    expect(statuses(3)).toBe('healthy'); // 3 < 4
    expect(statuses(4)).toBe('warning'); // 4 = 0.8 × 5
    expect(statuses(6)).toBe('warning'); // over the limit, but no alert yet
  });

  it('derives status from open alerts', () => {
    const result = stageMetrics({
      stages,
      currentStageCounts: { 'In Progress': 1, 'Code Review': 1, Test: 1 },
      visitTotals: {},
      openAlerts: [
        { rule: 'wip_over_limit', stage: 'In Progress' },
        { rule: 'item_stuck', stage: 'In Progress', workItemKey: 'A-1' },
        { rule: 'item_blocked', workItemKey: 'A-2', itemStage: 'Code Review' },
        { rule: 'cycle_time_outlier', workItemKey: 'A-3', itemStage: 'Test' },
        { rule: 'wip_spike', stage: 'Backlog' },
      ],
    });
    expect(result.map(s => s.status)).toEqual([
      'bottleneck',
      'bottleneck',
      'warning',
      'healthy',
      'healthy',
    ]);
  });

  it('gives the wip at the end of a past window, and the status of now', () => {
    const result = stageMetrics({
      stages,
      currentStageCounts: { Backlog: 4, 'In Progress': 5, Done: 9 },
      stageCountsAtEnd: { 'Code Review': 2, Done: 1 },
      visitTotals: {},
      openAlerts: [],
    });
    expect(result.map(s => [s.name, s.wip, s.status])).toEqual([
      ['Backlog', 0, 'healthy'],
      ['In Progress', 0, 'warning'], // 5 of 5 now
      ['Code Review', 2, 'healthy'],
      ['Test', 0, 'healthy'],
      ['Done', null, 'healthy'],
    ]);
  });
});
