import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameStored } from '../../shared/db/stored-equality';

/** What the comparison stands for: the two values as the table would keep them, deep-equal. */
const asStored = (value: unknown) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/** JSON data with undefined attributes and elements here and there, and key orders that differ. */
const storedValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 3 }),
    fc.integer({ min: -3, max: 3 }),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('value'), { maxKeys: 3 }),
  ),
})).value;

describe('whether two values are the same once stored', () => {
  it('agrees with comparing their stored copies, for any two values', () => {
    fc.assert(
      fc.property(storedValue, storedValue, (a, b) => {
        expect(sameStored(a, b)).toBe(isDeepStrictEqual(asStored(a), asStored(b)));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees for a value and a copy of it with its keys reordered and undefined attributes added', () => {
    fc.assert(
      fc.property(storedValue, (a) => {
        const reordered = asStored(a) === undefined ? a : reorder(asStored(a));
        expect(sameStored(a, reordered)).toBe(true);
      }),
    );
  });

  it('treats an undefined attribute as absent, and an undefined element as null', () => {
    expect(sameStored({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameStored([undefined, 1], [null, 1])).toBe(true);
    expect(sameStored({ a: null }, {})).toBe(false);
    expect(sameStored([1], { 0: 1 })).toBe(false);
    expect(sameStored({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
  });
});

/** The value with every object's keys in reverse order and an undefined attribute more. */
function reorder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reorder);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).reverse();
  return Object.fromEntries([...entries.map(([key, inner]) => [key, reorder(inner)]), ['zz', undefined]]);
}
