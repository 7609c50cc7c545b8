import { d, journey } from '../metrics/__testUtils__/journeys';
import { currentWip, runStart, stageWipSteps, wipBefore } from './wipHistory';

const items = [
  journey({
    key: 'A',
    visits: [
      ['Backlog', d(0)],
      ['Code Review', d(1)],
      ['Build', d(3)],
    ],
  }),
  // B enters when A leaves: one step, no dip
  journey({
    key: 'B',
    visits: [
      ['Backlog', d(0)],
      ['Code Review', d(3)],
    ],
  }),
  journey({
    key: 'C',
    visits: [
      ['Backlog', d(0)],
      ['Code Review', d(2)],
      ['Build', d(4)],
    ],
  }),
  // enters after now: ignored
  journey({
    key: 'D',
    visits: [
      ['Backlog', d(0)],
      ['Code Review', d(9)],
    ],
  }),
];

describe('stageWipSteps', () => {
  const steps = stageWipSteps(items, 'Code Review', d(5));

  it('merges changes at the same instant', () => {
    expect(steps).toEqual([
      { t: d(1), wip: 1 },
      { t: d(2), wip: 2 },
      { t: d(3), wip: 2 },
      { t: d(4), wip: 1 },
    ]);
    expect(currentWip(steps)).toBe(1);
  });

  it('reads the WIP from events strictly before a time', () => {
    expect(wipBefore(steps, d(1))).toBe(0);
    expect(wipBefore(steps, d(2))).toBe(1);
    expect(wipBefore(steps, d(4))).toBe(2);
    expect(wipBefore(steps, d(5))).toBe(1);
  });

  it('finds the start of the current run', () => {
    expect(runStart(steps, w => w >= 1)).toBe(d(1));
    expect(runStart(steps, w => w === 1)).toBe(d(4));
    expect(runStart(steps, w => w > 1)).toBeNull();
    expect(runStart([], w => w > 1)).toBeNull();
  });

  it('treats visits that end after now as still open', () => {
    expect(currentWip(stageWipSteps(items, 'Code Review', d(3)))).toBe(2);
  });
});
