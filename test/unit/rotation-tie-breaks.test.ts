/**
 * The rotation's fourth priority, pinned on whole plans: among equally good plans, month by
 * month, a commune that wished the month, then the one that has hosted least, then the one that
 * hosted longest ago, then the zone's order. And what its refusals say.
 */
import { describe, expect, it } from 'vitest';
import { hostingCounts, planRotation, swapMonths } from '../../shared/domain/cycle/rotation';

const five = ['a', 'b', 'c', 'd', 'e'];
const hostsOf = (input: Parameters<typeof planRotation>[0]) => planRotation(input).hosts.join(' ');

describe('planRotation tie-breaks', () => {
  it('is a plain round robin in the zone’s order without registrations', () => {
    expect(hostsOf({ year: 2027, communeIds: five, wishes: [] })).toBe('a b c d e a b c d e a b');
  });

  it('starts after last December’s host, then takes the zone’s order among the unhosted', () => {
    expect(hostsOf({ year: 2027, communeIds: five, wishes: [], previousHost: 'a' })).toBe('b a c d e b a c d e b a');
  });

  it('moves a wisher forward, then gives each month to the least hosted, longest ago', () => {
    expect(hostsOf({ year: 2027, communeIds: five, wishes: [{ communeId: 'e', months: [2] }] })).toBe(
      'a e b c d a e b c d a e',
    );
    expect(hostsOf({ year: 2027, communeIds: ['a', 'b', 'c'], wishes: [{ communeId: 'c', months: [1] }] })).toBe(
      'c a b c a b c a b c a b',
    );
  });

  it('lets a later wish outrank the zone’s order of an earlier month', () => {
    // by order alone `a` would host February and so could not take its wished March
    const wishes = [
      { communeId: 'd', months: [1] },
      { communeId: 'a', months: [3] },
    ];

    expect(hostsOf({ year: 2027, communeIds: five, wishes })).toBe('d b a c e d b a c e d b');
  });
});

describe('rotation refusals and counts', () => {
  it('says what is wrong with the input', () => {
    expect(() => planRotation({ year: 2027.5, communeIds: ['a'], wishes: [] })).toThrow(
      new RangeError('Year must be an integer, got 2027.5'),
    );
    expect(() => planRotation({ year: 2027, communeIds: [], wishes: [] })).toThrow(
      new RangeError('A zone needs at least one commune to plan a rotation'),
    );
    expect(() => planRotation({ year: 2027, communeIds: ['a', 'a'], wishes: [] })).toThrow(
      new RangeError('A zone lists a commune twice'),
    );
    const plan = planRotation({ year: 2027, communeIds: five, wishes: [] });
    expect(() => swapMonths(plan, 0, 3)).toThrow(new RangeError('Month 0 is not 1..12'));
    expect(() => swapMonths(plan, 3, 13)).toThrow(new RangeError('Month 13 is not 1..12'));
  });

  it('counts only the hosts when no commune list is given', () => {
    const plan = planRotation({ year: 2027, communeIds: ['a', 'b'], wishes: [] });

    expect([...hostingCounts(plan)]).toEqual([
      ['a', 6],
      ['b', 6],
    ]);
  });
});
