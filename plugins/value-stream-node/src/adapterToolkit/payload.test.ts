import * as toolkit from './payload';

const { isObject, num, parsePayload, PayloadError, required, str } = toolkit;

describe('payload readers', () => {
  it('isObject: JSON objects only', () => {
    expect(isObject({})).toBe(true);
    expect(isObject([])).toBe(false);
    expect(isObject(null)).toBe(false);
    expect(isObject('x')).toBe(false);
  });

  it('required: null, undefined and empty strings are missing', () => {
    expect(required(0, 'n', 'X payload')).toBe(0);
    expect(required('a', 's', 'X payload')).toBe('a');
    for (const missing of [null, undefined, '']) {
      expect(() => required(missing, 'issue.key', 'Jira payload')).toThrow(
        expect.objectContaining({
          name: 'InputError',
          message: 'Jira payload is missing issue.key',
        }),
      );
    }
  });

  it('str and num read typed fields only', () => {
    const o = { s: 'x', e: '', n: 1, nan: NaN, o: {} };
    expect([str(o, 's'), str(o, 'e'), str(o, 'n'), str(null, 's')]).toEqual([
      'x',
      undefined,
      undefined,
      undefined,
    ]);
    expect([num(o, 'n'), num(o, 'nan'), num(o, 's')]).toEqual([
      1,
      undefined,
      undefined,
    ]);
  });

  it('parsePayload names every issue of a (zod-like) schema', () => {
    // the shape of zod's safeParse, without depending on zod here
    const schema: toolkit.PayloadSchema<{ a: { b: string }; c: number }> = {
      safeParse: (v: any) =>
        typeof v?.a?.b === 'string' && typeof v?.c === 'number'
          ? { success: true, data: v }
          : {
              success: false,
              error: {
                issues: [
                  { path: ['a', 'b'], message: 'expected string' },
                  { path: ['c'], message: 'expected number' },
                ],
              },
            },
    };
    expect(parsePayload(schema, { a: { b: 'x' }, c: 1 }, 'X payload')).toEqual({
      a: { b: 'x' },
      c: 1,
    });
    expect(() => parsePayload(schema, { a: {} }, 'X payload')).toThrow(
      'malformed X payload: a.b: expected string; c: expected number',
    );
    expect(() => parsePayload(schema, null, 'X payload')).toThrow(PayloadError);
  });
});
