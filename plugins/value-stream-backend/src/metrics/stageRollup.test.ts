import type { StageDefinition } from '@valuestream/backstage-plugin-value-stream-common';
import {
  rollUpAlerts,
  rollUpCounts,
  rollUpIntervals,
  rollUpVisits,
  stageView,
} from './stageRollup';

const standard: StageDefinition[] = [
  { name: 'Backlog', category: 'queue' },
  { name: 'In Progress', category: 'active', wipLimit: 4 },
  { name: 'Code Review', category: 'wait' },
  { name: 'Done', category: 'done' },
];
const productFlow: StageDefinition[] = [
  { name: 'Backlog', category: 'queue' },
  { name: 'Dev', category: 'active' },
  { name: 'Review', category: 'wait' },
  { name: 'QA', category: 'active' },
  { name: 'Done', category: 'done' },
];

describe('stageView', () => {
  it("keeps one profile's stages as they are", () => {
    const view = stageView([
      { name: 'default', stages: standard },
      { name: 'default', stages: standard },
    ]);
    expect(view.stages).toEqual(standard);
    expect(view.byCategory).toBe(false);
    expect(view.profiles).toEqual(['default']);
    const counts = { 'In Progress': 2 };
    expect(rollUpCounts(counts, view)).toBe(counts);
  });

  it('gives one stage per category across profiles, each stage counted in its own', () => {
    const view = stageView([
      { name: 'product-flow', stages: productFlow },
      { name: 'default', stages: standard },
    ]);
    expect(view.profiles).toEqual(['default', 'product-flow']);
    expect(view.byCategory).toBe(true);
    expect(view.stages).toEqual([
      { name: 'Queue', category: 'queue' },
      { name: 'Active', category: 'active' },
      { name: 'Wait', category: 'wait' },
      { name: 'Done', category: 'done' },
    ]);
    // In Progress 2 + Dev 1 + QA 3 = 6 active; Code Review 1 + Review 2 = 3 waiting.
    expect(
      rollUpCounts(
        {
          Backlog: 5,
          'In Progress': 2,
          Dev: 1,
          QA: 3,
          'Code Review': 1,
          Review: 2,
          Gone: 9,
        },
        view,
      ),
    ).toEqual({ Queue: 5, Active: 6, Wait: 3 });
    // Mean time in Active: (3600 + 1800 + 7200) / (2 + 1 + 3) = 2100 s.
    expect(
      rollUpVisits(
        {
          'In Progress': { seconds: 3600, count: 2 },
          Dev: { seconds: 1800, count: 1 },
          QA: { seconds: 7200, count: 3 },
        },
        view,
      ),
    ).toEqual({ Active: { seconds: 12600, count: 6 } });
    expect(
      rollUpAlerts(
        [
          { rule: 'wip_over_limit', stage: 'QA' },
          { rule: 'item_stuck', stage: 'Dev', itemStage: 'Review' },
          { rule: 'cycle_time_outlier', stage: null },
        ],
        view,
      ),
    ).toEqual([
      { rule: 'wip_over_limit', stage: 'Active', itemStage: undefined },
      { rule: 'item_stuck', stage: 'Active', itemStage: 'Wait' },
      { rule: 'cycle_time_outlier', stage: null, itemStage: undefined },
    ]);
    expect(
      rollUpIntervals(
        [{ key: 'A-1', intervals: [{ stage: 'Dev' }, { stage: 'QA' }] }],
        view,
      ),
    ).toEqual([
      { key: 'A-1', intervals: [{ stage: 'Active' }, { stage: 'Active' }] },
    ]);
  });

  it('leaves out categories no profile has', () => {
    const noWait = stageView([
      { name: 'a', stages: [{ name: 'Todo', category: 'queue' }] },
      { name: 'b', stages: [{ name: 'Shipped', category: 'done' }] },
    ]);
    expect(noWait.stages.map(s => s.name)).toEqual(['Queue', 'Done']);
  });
});
