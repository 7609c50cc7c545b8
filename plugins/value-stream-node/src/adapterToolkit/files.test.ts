import { MAX_CHANGE_FILES, touchedFiles } from './files';

describe('touchedFiles', () => {
  it('joins the lists, each path once, in order', () => {
    expect(touchedFiles(['a/x.ts'], ['b/y.ts', 'a/x.ts'], ['c/z.ts'])).toEqual([
      'a/x.ts',
      'b/y.ts',
      'c/z.ts',
    ]);
  });

  it('is undefined when nothing is known, and skips what is not a path', () => {
    expect(touchedFiles(undefined, [], null)).toBeUndefined();
    expect(touchedFiles([1, '', 'ok', 'x'.repeat(501)])).toEqual(['ok']);
  });

  it('keeps at most MAX_CHANGE_FILES paths', () => {
    const many = Array.from(
      { length: MAX_CHANGE_FILES + 5 },
      (_, i) => `f${i}`,
    );
    expect(touchedFiles(many)).toHaveLength(MAX_CHANGE_FILES);
  });
});
