import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateMeetingSlots,
  DEFAULT_MEETING_WINDOW,
  isSlotAllowed,
  type MeetingSlot,
  workingDaysInWindow,
} from '../../shared/domain/cycle/meeting-dates';

const pad = (value: number) => String(value).padStart(2, '0');

/** Weekday from the platform's own calendar, independent of the code under test. */
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

const monthArb = fc
  .record({ year: fc.integer({ min: 2020, max: 2035 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month }) => `${year}-${pad(month)}`);

const ZONES = Array.from({ length: 12 }, (_, index) => `khu-${index + 1}`);

const scenarioArb = monthArb.chain((month) => {
  const dates = (first: number, last: number) =>
    Array.from({ length: last - first + 1 }, (_, index) => `${month}-${pad(first + index)}`);
  return fc.record({
    month: fc.constant(month),
    // Mostly inside the window, plus a few dates outside it that must change nothing.
    holidays: fc
      .tuple(fc.subarray(dates(5, 10)), fc.subarray(dates(1, 28), { maxLength: 2 }))
      .map(([inside, anywhere]) => [...new Set([...inside, ...anywhere])]),
    zoneIds: fc.shuffledSubarray(ZONES, { minLength: 1 }),
  });
});

const placedSlots = (slots: Map<string, MeetingSlot | null>) =>
  [...slots.values()].filter((slot): slot is MeetingSlot => slot !== null);

describe('workingDaysInWindow', () => {
  it('lists exactly the window’s days that are neither Sundays nor holidays, ascending', () => {
    fc.assert(
      fc.property(scenarioArb, ({ month, holidays }) => {
        const expected = [5, 6, 7, 8, 9, 10]
          .map((day) => `${month}-${pad(day)}`)
          .filter((date) => weekday(date) !== 0 && !holidays.includes(date));
        expect(workingDaysInWindow(month, holidays)).toEqual(expected);
      }),
    );
  });

  it('skips Sunday 6 December 2026, a hand-checked calendar fact', () => {
    expect(workingDaysInWindow('2026-12', [])).toEqual([
      '2026-12-05',
      '2026-12-07',
      '2026-12-08',
      '2026-12-09',
      '2026-12-10',
    ]);
  });

  it('ends a wide window with the month, and rejects a nonsense window', () => {
    const february = workingDaysInWindow('2026-02', [], { firstDay: 25, lastDay: 31 });
    expect(february).toEqual(['2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28']);
    for (const window of [
      { firstDay: 0, lastDay: 10 },
      { firstDay: 10, lastDay: 5 },
      { firstDay: 5, lastDay: 32 },
      { firstDay: 5.5, lastDay: 10 },
    ]) {
      expect(() => workingDaysInWindow('2026-12', [], window)).toThrow(RangeError);
    }
  });
});

describe('allocateMeetingSlots: properties', () => {
  it('puts every meeting on an allowed working day of the window', () => {
    fc.assert(
      fc.property(scenarioArb, ({ month, holidays, zoneIds }) => {
        const { firstDay, lastDay } = DEFAULT_MEETING_WINDOW;
        for (const slot of placedSlots(allocateMeetingSlots(month, zoneIds, holidays))) {
          const day = Number(slot.date.slice(8));
          expect(slot.date.slice(0, 7)).toBe(month);
          expect(day).toBeGreaterThanOrEqual(firstDay);
          expect(day).toBeLessThanOrEqual(lastDay);
          expect(weekday(slot.date)).not.toBe(0);
          expect(holidays).not.toContain(slot.date);
          expect(isSlotAllowed(month, slot, holidays)).toBe(true);
        }
      }),
    );
  });

  it('never puts two meetings in one day and session, nor more than two on a day', () => {
    fc.assert(
      fc.property(scenarioArb, ({ month, holidays, zoneIds }) => {
        const slots = placedSlots(allocateMeetingSlots(month, zoneIds, holidays));
        const keys = slots.map((slot) => `${slot.date} ${slot.session}`);
        expect(new Set(keys).size).toBe(slots.length);
        const perDay = workingDaysInWindow(month, holidays).map(
          (date) => slots.filter((slot) => slot.date === date).length,
        );
        if (perDay.length > 0) {
          expect(Math.max(...perDay)).toBeLessThanOrEqual(2);
          expect(Math.max(...perDay) - Math.min(...perDay)).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('uses afternoons only for the zones that outnumber the days, each under a taken morning', () => {
    fc.assert(
      fc.property(scenarioArb, ({ month, holidays, zoneIds }) => {
        const slots = placedSlots(allocateMeetingSlots(month, zoneIds, holidays));
        const afternoons = slots.filter((slot) => slot.session === 'afternoon');
        for (const afternoon of afternoons) {
          expect(slots).toContainEqual({ date: afternoon.date, session: 'morning' });
        }
        const days = workingDaysInWindow(month, holidays).length;
        expect(afternoons).toHaveLength(Math.max(0, Math.min(zoneIds.length, 2 * days) - days));
      }),
    );
  });

  it('leaves undated exactly the last zones the window cannot hold', () => {
    fc.assert(
      fc.property(scenarioArb, ({ month, holidays, zoneIds }) => {
        const slots = allocateMeetingSlots(month, zoneIds, holidays);
        expect([...slots.keys()]).toEqual(zoneIds);
        const overflow = Math.max(0, zoneIds.length - 2 * workingDaysInWindow(month, holidays).length);
        const undated = zoneIds.filter((zoneId) => slots.get(zoneId) === null);
        expect(undated).toEqual(zoneIds.slice(zoneIds.length - overflow));
      }),
    );
  });

  it('fills the earliest days first, so no day has more meetings than an earlier one', () => {
    fc.assert(
      fc.property(scenarioArb, ({ month, holidays, zoneIds }) => {
        const slots = placedSlots(allocateMeetingSlots(month, zoneIds, holidays));
        const perDay = workingDaysInWindow(month, holidays).map(
          (date) => slots.filter((slot) => slot.date === date).length,
        );
        expect(perDay).toEqual([...perDay].sort((a, b) => b - a));
      }),
    );
  });

  it('dates the zones in their given order', () => {
    fc.assert(
      fc.property(scenarioArb, ({ month, holidays, zoneIds }) => {
        const order = placedSlots(allocateMeetingSlots(month, zoneIds, holidays)).map(
          (slot) => `${slot.date} ${slot.session === 'morning' ? 0 : 1}`,
        );
        expect(order).toEqual([...order].sort());
      }),
    );
  });

  it('is deterministic, whatever the order of the holidays', () => {
    fc.assert(
      fc.property(
        scenarioArb.chain((scenario) =>
          fc.tuple(
            fc.constant(scenario),
            fc.shuffledSubarray(scenario.holidays, {
              minLength: scenario.holidays.length,
              maxLength: scenario.holidays.length,
            }),
          ),
        ),
        ([{ month, holidays, zoneIds }, shuffled]) => {
          const slots = [...allocateMeetingSlots(month, zoneIds, holidays)];
          expect([...allocateMeetingSlots(month, zoneIds, holidays)]).toEqual(slots);
          expect([...allocateMeetingSlots(month, zoneIds, shuffled)]).toEqual(slots);
        },
      ),
    );
  });
});

describe('allocateMeetingSlots: examples', () => {
  const sixZones = ['khu-1', 'khu-2', 'khu-3', 'khu-4', 'khu-5', 'khu-6'];

  it('fits six zones into December 2026’s five working days with one double day', () => {
    const slots = allocateMeetingSlots('2026-12', sixZones, []);
    const placed = placedSlots(slots);
    expect(placed).toHaveLength(6);
    const perDay = new Map<string, number>();
    for (const slot of placed) perDay.set(slot.date, (perDay.get(slot.date) ?? 0) + 1);
    expect(perDay.size).toBe(5);
    expect([...perDay.values()].filter((count) => count === 2)).toHaveLength(1);
    expect(perDay.has('2026-12-06')).toBe(false);
  });

  it('gives six zones a morning each in a window of six working days', () => {
    // January 2026: the 5th is a Monday, so the 5th to the 10th has no Sunday.
    const placed = placedSlots(allocateMeetingSlots('2026-01', sixZones, []));
    expect(new Set(placed.map((slot) => slot.date)).size).toBe(6);
    expect(placed.every((slot) => slot.session === 'morning')).toBe(true);
  });

  it('flags the zones a holiday-filled window cannot hold', () => {
    // Only Saturday the 5th is left: two meetings fit, four zones need a date by hand.
    const holidays = ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10'];
    const slots = allocateMeetingSlots('2026-12', sixZones, holidays);
    expect(slots.get('khu-1')).toEqual({ date: '2026-12-05', session: 'morning' });
    expect(slots.get('khu-2')).toEqual({ date: '2026-12-05', session: 'afternoon' });
    expect(sixZones.slice(2).map((zoneId) => slots.get(zoneId))).toEqual([null, null, null, null]);
  });

  it('rejects a zone listed twice', () => {
    expect(() => allocateMeetingSlots('2026-12', ['khu-1', 'khu-1'], [])).toThrow(RangeError);
  });
});

describe('isSlotAllowed', () => {
  const holidays = ['2026-12-08'];

  it('accepts a working day of the window in either session', () => {
    expect(isSlotAllowed('2026-12', { date: '2026-12-07', session: 'morning' }, holidays)).toBe(true);
    expect(isSlotAllowed('2026-12', { date: '2026-12-05', session: 'afternoon' }, holidays)).toBe(true);
  });

  it('refuses Sundays, holidays, days outside the window or the month, and unknown sessions', () => {
    const refused: MeetingSlot[] = [
      { date: '2026-12-06', session: 'morning' },
      { date: '2026-12-08', session: 'morning' },
      { date: '2026-12-04', session: 'morning' },
      { date: '2026-12-11', session: 'afternoon' },
      { date: '2027-01-07', session: 'morning' },
      { date: '2026-12-7', session: 'morning' },
      { date: '2026-12-07', session: 'evening' as MeetingSlot['session'] },
    ];
    for (const slot of refused) expect(isSlotAllowed('2026-12', slot, holidays), JSON.stringify(slot)).toBe(false);
  });
});
