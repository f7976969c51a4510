/** The edges of the calendar helpers: the years they can write, and what each refusal says. */
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  dayOfWeek,
  monthDate,
  monthOfDate,
  monthYear,
  vietnamDate,
  yearMonth,
} from '../../shared/domain/time';

describe('the years a month can have', () => {
  it('reaches year 0000 and year 9999, and no further', () => {
    expect(addMonths('0001-01', -12)).toBe('0000-01');
    expect(addMonths('9998-12', 12)).toBe('9999-12');
    expect(() => addMonths('0000-01', -1)).toThrow(new RangeError('Year -1 is outside 0000–9999'));
    expect(() => addMonths('9999-12', 1)).toThrow(new RangeError('Year 10000 is outside 0000–9999'));
  });
});

describe('what each refusal says', () => {
  it('names the malformed month or date and the expected form', () => {
    expect(() => monthYear('2026-13')).toThrow(new RangeError('Invalid month "2026-13", expected YYYY-MM'));
    expect(() => dayOfWeek('2026-02-29')).toThrow(new RangeError('Invalid date "2026-02-29", expected YYYY-MM-DD'));
  });

  it('names the offset, month or day it cannot use', () => {
    expect(() => addMonths('2026-01', 0.5)).toThrow(new RangeError('Month offset must be an integer, got 0.5'));
    expect(() => yearMonth(2026, 13)).toThrow(new RangeError('No month 13 of year 2026'));
    expect(() => monthDate('2026-02', 29)).toThrow(new RangeError('Day 29 is not in month 2026-02'));
  });

  it('says an invalid instant is an invalid date', () => {
    expect(() => vietnamDate(new Date(Number.NaN))).toThrow(new RangeError('Invalid Date'));
  });
});

describe('month and date patterns', () => {
  it('takes only a whole month, nothing before or after it', () => {
    for (const bad of ['x2026-01', '2026-01x', ' 2026-01', '2026-01\n']) {
      expect(() => monthYear(bad), JSON.stringify(bad)).toThrow(RangeError);
    }
  });

  it('takes only a whole date, nothing before or after it', () => {
    for (const bad of ['x2026-01-05', '2026-01-05x', '2026-01-05T00:00:00Z', ' 2026-01-05']) {
      expect(() => dayOfWeek(bad), JSON.stringify(bad)).toThrow(RangeError);
      expect(() => monthOfDate(bad), JSON.stringify(bad)).toThrow(RangeError);
    }
  });

  it('refuses day 32, day 0 and month 0 of an otherwise well-formed date', () => {
    for (const bad of ['2026-01-32', '2026-01-00', '2026-00-10']) {
      expect(() => monthOfDate(bad), bad).toThrow(RangeError);
    }
  });
});
