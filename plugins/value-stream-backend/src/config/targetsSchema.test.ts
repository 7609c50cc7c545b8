import { validateValueStreamConfig } from './configSchema';

describe('valueStream.targets', () => {
  it('takes the known targets', () => {
    expect(
      validateValueStreamConfig({
        targets: { flowEfficiency: 0.4, cycleTimeP85Days: 5 },
      }).targets,
    ).toEqual({ flowEfficiency: 0.4, cycleTimeP85Days: 5 });
  });

  it.each([
    [
      { flowEfficiency: 1.5 },
      'valueStream.targets.flowEfficiency: expected a share from 0 to 1',
    ],
    [
      { cycleTimeP85Days: -1 },
      'valueStream.targets.cycleTimeP85Days: expected a number ≥ 0',
    ],
    [
      { cycleTimeP85Days: 'soon' },
      'valueStream.targets.cycleTimeP85Days: expected a number',
    ],
    [
      { speed: 3 },
      /^valueStream\.targets: unknown target; expected one of flowEfficiency, /,
    ],
  ])('names the key of %p', (targets, message) => {
    expect(() => validateValueStreamConfig({ targets })).toThrow(message);
  });
});
