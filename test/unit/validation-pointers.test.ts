/** How a refused input names its fields: JSON pointers escaped as RFC 6901 says, the parsed value when nothing is wrong. */

import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { pointer, validate } from '../../shared/domain/validation';

describe('pointer', () => {
  it('escapes "~" as ~0 and "/" as ~1 inside a key, and writes indexes as numbers', () => {
    expect(pointer(['monthWindows', 'a/b', 'c~d', 3])).toBe('/monthWindows/a~1b/c~0d/3');
    expect(pointer([])).toBe('/');
  });
});

describe('validate', () => {
  it('gives back the parsed value of a good input', () => {
    expect(validate(z.strictObject({ name: z.string() }), { name: 'Gia Tân' })).toEqual({ name: 'Gia Tân' });
  });

  it('throws every problem under the given prefix', () => {
    expect(() => validate(z.strictObject({ name: z.string() }), { name: 1 }, '/body')).toThrow(
      expect.objectContaining({ status: 400, errors: [expect.objectContaining({ path: '/body/name' })] }),
    );
  });
});

describe('a rule of our own', () => {
  it('is reported under the code it names, and as custom when it names none', () => {
    const schema = z.object({ a: z.number(), b: z.number() }).check(
      z.superRefine((value, context) => {
        if (value.a > value.b) {
          context.addIssue({ code: 'custom', path: ['a'], message: 'a lớn hơn b', params: { code: 'a_after_b' } });
        }
        if (value.b > 10) context.addIssue({ code: 'custom', path: ['b'], message: 'b quá lớn', input: value.b });
      }),
    );

    expect(() => validate(schema, { a: 12, b: 11 })).toThrow(
      expect.objectContaining({
        errors: [
          { path: '/a', code: 'a_after_b', message: 'a lớn hơn b' },
          { path: '/b', code: 'custom', message: 'b quá lớn' },
        ],
      }),
    );
  });
});
