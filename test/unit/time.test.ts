import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  dayOfWeek,
  daysInMonth,
  monthDate,
  monthNumber,
  monthOfDate,
  monthYear,
  VIETNAM_TIME_ZONE,
  vietnamDate,
  vietnamMonth,
  yearMonth,
} from '../../shared/domain/time';

const pad = (value: number, width: number) => String(value).padStart(width, '0');

const monthArb = fc
  .record({ year: fc.integer({ min: 1000, max: 9000 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month }) => `${pad(year, 4)}-${pad(month, 2)}`);

const dateArb = monthArb.chain((month) =>
  fc.integer({ min: 1, max: daysInMonth(month) }).map((day) => monthDate(month, day)),
);

// Since 1975 Vietnam has kept UTC+7; the platform's time-zone database is an independent oracle.
const vietnamFormatter = new Intl.DateTimeFormat('en-CA', { timeZone: VIETNAM_TIME_ZONE });
const instantArb = fc.date({
  min: new Date('1976-01-01T00:00:00Z'),
  max: new Date('2100-01-01T00:00:00Z'),
  noInvalidDate: true,
});

describe('vietnamDate / vietnamMonth', () => {
  it('already counts 2026-11-30T17:30Z as December 2026, as the opener must', () => {
    const instant = new Date('2026-11-30T17:30:00Z');
    expect(vietnamDate(instant)).toBe('2026-12-01');
    expect(vietnamMonth(instant)).toBe('2026-12');
  });

  it('turns the day at 17:00 UTC, across a year boundary too', () => {
    expect(vietnamDate(new Date('2026-12-31T16:59:59.999Z'))).toBe('2026-12-31');
    expect(vietnamDate(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(vietnamMonth(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01');
  });

  it('agrees with the Asia/Ho_Chi_Minh time-zone database', () => {
    fc.assert(
      fc.property(instantArb, (instant) => {
        expect(vietnamDate(instant)).toBe(vietnamFormatter.format(instant));
        expect(vietnamMonth(instant)).toBe(vietnamDate(instant).slice(0, 7));
      }),
    );
  });

  it('rejects an invalid Date', () => {
    expect(() => vietnamDate(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => vietnamMonth(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('month arithmetic', () => {
  it('rolls over year ends both ways', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-05', 24)).toBe('2028-05');
    expect(addMonths('2026-05', -17)).toBe('2024-12');
    expect(addMonths('2026-05', 0)).toBe('2026-05');
  });

  it('composes offsets and round-trips through year and number', () => {
    const offset = fc.integer({ min: -500, max: 500 });
    fc.assert(
      fc.property(monthArb, offset, offset, (month, a, b) => {
        expect(addMonths(addMonths(month, a), b)).toBe(addMonths(month, a + b));
        expect(addMonths(addMonths(month, a), -a)).toBe(month);
        const shifted = addMonths(month, a);
        expect(`${pad(monthYear(shifted), 4)}-${pad(monthNumber(shifted), 2)}`).toBe(shifted);
        expect((monthYear(shifted) - monthYear(month)) * 12 + monthNumber(shifted) - monthNumber(month)).toBe(a);
      }),
    );
  });

  it('reads year and month number', () => {
    expect(monthYear('2026-12')).toBe(2026);
    expect(monthNumber('2026-12')).toBe(12);
    expect(monthNumber('2027-01')).toBe(1);
  });

  it('builds a month from its year and number, the inverse of monthYear and monthNumber', () => {
    expect(yearMonth(2027, 3)).toBe('2027-03');
    expect(yearMonth(987, 12)).toBe('0987-12');
    fc.assert(
      fc.property(monthArb, (month) => {
        expect(yearMonth(monthYear(month), monthNumber(month))).toBe(month);
      }),
    );
    for (const [year, month] of [
      [2027, 0],
      [2027, 13],
      [2027, 1.5],
      [2027.5, 1],
      [-1, 12],
      [10_000, 1],
    ] as const) {
      expect(() => yearMonth(year, month), `${year}/${month}`).toThrow(RangeError);
    }
  });

  it('rejects malformed months and fractional offsets', () => {
    for (const bad of ['2026-13', '2026-00', '2026-1', '26-01', '2026/01', '', '2026-01-05']) {
      expect(() => monthNumber(bad), bad).toThrow(RangeError);
    }
    expect(() => addMonths('2026-01', 1.5)).toThrow(RangeError);
    expect(() => addMonths('9999-12', 1)).toThrow(RangeError);
  });
});

describe('daysInMonth', () => {
  it('follows the Gregorian leap-year rule', () => {
    expect(daysInMonth('2024-02')).toBe(29);
    expect(daysInMonth('2026-02')).toBe(28);
    expect(daysInMonth('2000-02')).toBe(29);
    expect(daysInMonth('1900-02')).toBe(28);
    expect(daysInMonth('2026-04')).toBe(30);
    expect(daysInMonth('2026-12')).toBe(31);
  });

  it('agrees with the day before the next month begins', () => {
    fc.assert(
      fc.property(monthArb, (month) => {
        const lastDay = new Date(Date.UTC(monthYear(month), monthNumber(month), 0)).getUTCDate();
        expect(daysInMonth(month)).toBe(lastDay);
      }),
    );
  });
});

describe('dates', () => {
  it('knows hand-checked weekdays', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4); // Thursday
    expect(dayOfWeek('2000-01-01')).toBe(6); // Saturday
    expect(dayOfWeek('2024-02-29')).toBe(4); // Thursday
    expect(dayOfWeek('2026-12-05')).toBe(6); // Saturday
    expect(dayOfWeek('2026-12-06')).toBe(0); // Sunday
  });

  it('advances the weekday by one each day, across month ends', () => {
    fc.assert(
      fc.property(monthArb, (month) => {
        const first = dayOfWeek(monthDate(month, 1));
        const last = daysInMonth(month);
        expect(dayOfWeek(monthDate(month, last))).toBe((first + last - 1) % 7);
        expect(dayOfWeek(monthDate(addMonths(month, 1), 1))).toBe((first + last) % 7);
      }),
    );
  });

  it('names the month a date belongs to', () => {
    expect(monthOfDate('2026-12-31')).toBe('2026-12');
    fc.assert(
      fc.property(dateArb, (date) => {
        expect(monthOfDate(date)).toBe(date.slice(0, 7));
        expect(dayOfWeek(date)).toBeGreaterThanOrEqual(0);
        expect(dayOfWeek(date)).toBeLessThanOrEqual(6);
      }),
    );
  });

  it('builds dates only for days the month has', () => {
    expect(monthDate('2026-12', 5)).toBe('2026-12-05');
    expect(() => monthDate('2026-02', 29)).toThrow(RangeError);
    expect(() => monthDate('2026-02', 0)).toThrow(RangeError);
    expect(() => monthDate('2026-02', 1.5)).toThrow(RangeError);
  });

  it('rejects impossible dates', () => {
    for (const bad of ['2026-02-29', '2026-04-31', '2026-13-01', '2026-12-00', '2026-12-5', 'x']) {
      expect(() => dayOfWeek(bad), bad).toThrow(RangeError);
      expect(() => monthOfDate(bad), bad).toThrow(RangeError);
    }
  });
});
