import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MEETING_WINDOW,
  DEFAULT_WORKING_DAYS,
  type MeetingWindow,
  type Weekday,
  type WorkingCalendar,
} from '../../shared/domain/cycle/meeting-calendar';
import {
  allocateMeetingSlots,
  type MeetingSlot,
  placeSlot,
  workingDaysInWindow,
} from '../../shared/domain/cycle/meeting-dates';

const pad = (value: number) => String(value).padStart(2, '0');

/** Weekday from the platform's own calendar, independent of the code under test. */
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

const monthArb = fc
  .record({ year: fc.integer({ min: 2020, max: 2035 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month }) => `${year}-${pad(month)}`);

const ZONES = Array.from({ length: 12 }, (_, index) => `khu-${index + 1}`);
const WEEKDAY_NAMES: readonly Weekday[] = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
];
const MONDAY_TO_SATURDAY: readonly Weekday[] = [...DEFAULT_WORKING_DAYS, 'saturday'];

const calendarOf = (holidays: readonly string[], workingDays = DEFAULT_WORKING_DAYS): WorkingCalendar => ({
  holidays,
  workingDays,
});

/** The default window mostly; otherwise any window starting by the 28th. */
const windowArb: fc.Arbitrary<MeetingWindow> = fc.oneof(
  { arbitrary: fc.constant(DEFAULT_MEETING_WINDOW), weight: 3 },
  {
    arbitrary: fc
      .integer({ min: 1, max: 28 })
      .chain((firstDay) =>
        fc.record({ firstDay: fc.constant(firstDay), lastDay: fc.integer({ min: firstDay, max: 31 }) }),
      ),
    weight: 1,
  },
);

const scenarioArb = fc.tuple(monthArb, windowArb).chain(([month, window]) => {
  const last = Math.min(
    window.lastDay,
    new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 0)).getUTCDate(),
  );
  const dates = (first: number, to: number) =>
    Array.from({ length: to - first + 1 }, (_, index) => `${month}-${pad(first + index)}`);
  return fc.record({
    month: fc.constant(month),
    window: fc.constant(window),
    // Mostly inside the window, plus a few dates anywhere in the month.
    holidays: fc
      .tuple(fc.subarray(dates(window.firstDay, last)), fc.subarray(dates(1, 28), { maxLength: 2 }))
      .map(([inside, anywhere]) => [...new Set([...inside, ...anywhere])]),
    workingDays: fc.oneof(
      fc.constant(DEFAULT_WORKING_DAYS),
      fc.constant(MONDAY_TO_SATURDAY),
      fc.subarray([...WEEKDAY_NAMES], { minLength: 1 }),
    ),
    zoneIds: fc.shuffledSubarray(ZONES, { minLength: 1 }),
  });
});

const placedSlots = (slots: Map<string, MeetingSlot | null>) =>
  [...slots.values()].filter((slot): slot is MeetingSlot => slot !== null);

/** The oracle: the window's days (cut at the month's end) on a working weekday and not a holiday. */
function expectedDays(scenario: {
  month: string;
  window: MeetingWindow;
  holidays: string[];
  workingDays: readonly Weekday[];
}) {
  const { month, window, holidays, workingDays } = scenario;
  const days: string[] = [];
  for (let day = window.firstDay; day <= window.lastDay; day++) {
    const date = `${month}-${pad(day)}`;
    if (new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) break;
    if (workingDays.includes(WEEKDAY_NAMES[weekday(date)] as Weekday) && !holidays.includes(date)) days.push(date);
  }
  return days;
}

const daysOf = (scenario: {
  month: string;
  window: MeetingWindow;
  holidays: string[];
  workingDays: readonly Weekday[];
}) => workingDaysInWindow(scenario.month, calendarOf(scenario.holidays, scenario.workingDays), scenario.window);

const slotsOf = (
  scenario: {
    month: string;
    window: MeetingWindow;
    holidays: string[];
    workingDays: readonly Weekday[];
    zoneIds: string[];
  },
  holidays = scenario.holidays,
) =>
  allocateMeetingSlots(scenario.month, scenario.zoneIds, calendarOf(holidays, scenario.workingDays), scenario.window);

describe('workingDaysInWindow', () => {
  it('lists exactly the window’s days that are working weekdays and not holidays, ascending', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        expect(daysOf(scenario)).toEqual(expectedDays(scenario));
      }),
    );
  });

  it('skips Saturday 5 and Sunday 6 December 2026 by default, and only the Sunday with Saturdays worked', () => {
    expect(workingDaysInWindow('2026-12', calendarOf([]), DEFAULT_MEETING_WINDOW)).toEqual([
      '2026-12-07',
      '2026-12-08',
      '2026-12-09',
      '2026-12-10',
    ]);
    expect(workingDaysInWindow('2026-12', calendarOf([], MONDAY_TO_SATURDAY), DEFAULT_MEETING_WINDOW)).toEqual([
      '2026-12-05',
      '2026-12-07',
      '2026-12-08',
      '2026-12-09',
      '2026-12-10',
    ]);
  });

  it('ends a wide window with the month, and rejects a nonsense window', () => {
    const february = workingDaysInWindow('2026-02', calendarOf([]), { firstDay: 25, lastDay: 31 });
    expect(february).toEqual(['2026-02-25', '2026-02-26', '2026-02-27']);
    for (const window of [
      { firstDay: 0, lastDay: 10 },
      { firstDay: 10, lastDay: 5 },
      { firstDay: 5, lastDay: 32 },
      { firstDay: 5.5, lastDay: 10 },
    ]) {
      expect(() => workingDaysInWindow('2026-12', calendarOf([]), window)).toThrow(RangeError);
    }
  });
});

describe('allocateMeetingSlots: properties', () => {
  it('puts every meeting on a working day of the window, which placeSlot accepts as in the window', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const days = expectedDays(scenario);
        const calendar = calendarOf(scenario.holidays, scenario.workingDays);
        for (const slot of placedSlots(slotsOf(scenario))) {
          expect(days).toContain(slot.date);
          expect(placeSlot(scenario.month, slot, calendar, scenario.window)).toBe('in-window');
        }
      }),
    );
  });

  it('never puts two meetings in one day and session, nor more than two on a day', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const slots = placedSlots(slotsOf(scenario));
        const keys = slots.map((slot) => `${slot.date} ${slot.session}`);
        expect(new Set(keys).size).toBe(slots.length);
        const perDay = daysOf(scenario).map((date) => slots.filter((slot) => slot.date === date).length);
        if (perDay.length > 0) {
          expect(Math.max(...perDay)).toBeLessThanOrEqual(2);
          expect(Math.max(...perDay) - Math.min(...perDay)).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('keeps one zone a day while days last: afternoons only for the zones that outnumber the days', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const slots = placedSlots(slotsOf(scenario));
        const afternoons = slots.filter((slot) => slot.session === 'afternoon');
        for (const afternoon of afternoons) {
          expect(slots).toContainEqual({ date: afternoon.date, session: 'morning' });
        }
        const days = daysOf(scenario).length;
        expect(afternoons).toHaveLength(Math.max(0, Math.min(scenario.zoneIds.length, 2 * days) - days));
      }),
    );
  });

  it('leaves undated exactly the last zones the window cannot hold', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const slots = slotsOf(scenario);
        expect([...slots.keys()]).toEqual(scenario.zoneIds);
        const overflow = Math.max(0, scenario.zoneIds.length - 2 * daysOf(scenario).length);
        const undated = scenario.zoneIds.filter((zoneId) => slots.get(zoneId) === null);
        expect(undated).toEqual(scenario.zoneIds.slice(scenario.zoneIds.length - overflow));
      }),
    );
  });

  it('fills the earliest days first, so no day has more meetings than an earlier one', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const slots = placedSlots(slotsOf(scenario));
        const perDay = daysOf(scenario).map((date) => slots.filter((slot) => slot.date === date).length);
        expect(perDay).toEqual([...perDay].sort((a, b) => b - a));
      }),
    );
  });

  it('dates the zones in their given order', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const order = placedSlots(slotsOf(scenario)).map(
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
        ([scenario, shuffled]) => {
          const slots = [...slotsOf(scenario)];
          expect([...slotsOf(scenario)]).toEqual(slots);
          expect([...slotsOf(scenario, shuffled)]).toEqual(slots);
        },
      ),
    );
  });
});

describe('allocateMeetingSlots: examples', () => {
  const sixZones = ['khu-1', 'khu-2', 'khu-3', 'khu-4', 'khu-5', 'khu-6'];
  const allocate = (month: string, holidays: string[] = [], workingDays = DEFAULT_WORKING_DAYS) =>
    allocateMeetingSlots(month, sixZones, calendarOf(holidays, workingDays), DEFAULT_MEETING_WINDOW);

  it('fits six zones into December 2026’s four weekdays with two double days, no Saturday', () => {
    const placed = placedSlots(allocate('2026-12'));
    expect(placed).toHaveLength(6);
    const perDay = new Map<string, number>();
    for (const slot of placed) perDay.set(slot.date, (perDay.get(slot.date) ?? 0) + 1);
    expect([...perDay.keys()]).toEqual(['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10']);
    expect([...perDay.values()]).toEqual([2, 2, 1, 1]);
  });

  it('meets on Saturday the 5th when the district works Saturdays, leaving one double day', () => {
    const placed = placedSlots(allocate('2026-12', [], MONDAY_TO_SATURDAY));
    expect(placed[0]).toEqual({ date: '2026-12-05', session: 'morning' });
    expect(new Set(placed.map((slot) => slot.date)).size).toBe(5);
  });

  it('gives six zones a morning each in a window of six working days', () => {
    // January 2026: the 5th is a Monday, so the 5th to the 10th runs Monday to Saturday.
    const placed = placedSlots(allocate('2026-01', [], MONDAY_TO_SATURDAY));
    expect(new Set(placed.map((slot) => slot.date)).size).toBe(6);
    expect(placed.every((slot) => slot.session === 'morning')).toBe(true);
  });

  it('flags the zones a holiday-filled window cannot hold', () => {
    // Only Monday the 7th is left: two meetings fit, four zones need a date by hand.
    const slots = allocate('2026-12', ['2026-12-08', '2026-12-09', '2026-12-10']);
    expect(slots.get('khu-1')).toEqual({ date: '2026-12-07', session: 'morning' });
    expect(slots.get('khu-2')).toEqual({ date: '2026-12-07', session: 'afternoon' });
    expect(sixZones.slice(2).map((zoneId) => slots.get(zoneId))).toEqual([null, null, null, null]);
  });

  it('rejects a zone listed twice', () => {
    expect(() => allocateMeetingSlots('2026-12', ['khu-1', 'khu-1'], calendarOf([]), DEFAULT_MEETING_WINDOW)).toThrow(
      RangeError,
    );
  });
});

describe('placeSlot', () => {
  const calendar = calendarOf(['2026-12-08']);
  const place = (slot: MeetingSlot) => placeSlot('2026-12', slot, calendar, DEFAULT_MEETING_WINDOW);

  it('places a working day of the window in either session inside the window', () => {
    expect(place({ date: '2026-12-07', session: 'morning' })).toBe('in-window');
    expect(place({ date: '2026-12-10', session: 'afternoon' })).toBe('in-window');
  });

  it('places a working day of the month beyond the window outside it', () => {
    expect(place({ date: '2026-12-04', session: 'morning' })).toBe('outside-window');
    expect(place({ date: '2026-12-14', session: 'afternoon' })).toBe('outside-window');
  });

  it('allows no weekend, holiday, other month, malformed date or unknown session', () => {
    const refused: MeetingSlot[] = [
      { date: '2026-12-05', session: 'morning' },
      { date: '2026-12-06', session: 'morning' },
      { date: '2026-12-08', session: 'morning' },
      { date: '2027-01-07', session: 'morning' },
      { date: '2026-12-7', session: 'morning' },
      { date: '2026-12-32', session: 'morning' },
      { date: '2026-12-07', session: 'evening' as MeetingSlot['session'] },
    ];
    for (const slot of refused) expect(place(slot), JSON.stringify(slot)).toBe('not-allowed');
  });

  it('allows a Saturday once the district works Saturdays', () => {
    const saturdays = calendarOf([], MONDAY_TO_SATURDAY);
    expect(placeSlot('2026-12', { date: '2026-12-05', session: 'morning' }, saturdays, DEFAULT_MEETING_WINDOW)).toBe(
      'in-window',
    );
  });
});
