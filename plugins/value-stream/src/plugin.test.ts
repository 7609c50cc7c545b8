import { valueStreamPlugin } from './plugin';

describe('value-stream', () => {
  it('should export plugin', () => {
    expect(valueStreamPlugin).toBeDefined();
  });
});
