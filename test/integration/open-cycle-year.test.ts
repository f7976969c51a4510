/** A year of openings for the sample district, as the scheduler would run them: Tết included. */
import { beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../functions/cycle/open-cycle';
import type { MeetingRecord } from '../../shared/domain/cycle/meeting';
import { readCycle, readCycleMeetings } from '../../shared/services/cycle/cycle-store';
import { importStructure } from '../../shared/services/structure/import-structure';
import { readSampleConfig, seedSampleDistrict } from '../support/sample-district';

const config = readSampleConfig();
const pad = (value: number) => String(value).padStart(2, '0');
/** Weekday from the platform's own calendar, independent of the code under test: 0 = Sunday. */
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const SATURDAY = 6;
const SUNDAY = 0;

async function openMonth(month: string): Promise<MeetingRecord[]> {
  await handler({ scheduledTime: `${month}-01T00:00:00Z` });
  return readCycleMeetings(month);
}

/** Days `first`..`last` of `month` that are worked (by weekday) and not holidays. */
function workedDays(month: string, first: number, last: number, worked: (day: number) => boolean): string[] {
  return Array.from({ length: last - first + 1 }, (_, i) => `${month}-${pad(first + i)}`).filter(
    (date) => worked(weekday(date)) && !config.calendar.holidays.includes(date),
  );
}

/** One zone a day while days last: as many distinct days as zones or days allow, at most two a day. */
function expectOneZoneADay(meetings: readonly MeetingRecord[], days: readonly string[]) {
  const perDay = new Map<string, number>();
  for (const m of meetings) perDay.set(m.date as string, (perDay.get(m.date as string) ?? 0) + 1);
  expect(perDay.size).toBe(Math.min(meetings.length, days.length));
  expect(Math.max(...perDay.values())).toBeLessThanOrEqual(2);
  expect(new Set(meetings.map((m) => `${m.date} ${m.session}`)).size).toBe(meetings.length);
}

describe('opening every month of 2027 for the sample district', () => {
  const year = Array.from({ length: 12 }, (_, i) => `2027-${pad(i + 1)}`);
  const opened = new Map<string, MeetingRecord[]>();

  beforeAll(async () => {
    await seedSampleDistrict();
    for (const month of year) opened.set(month, await openMonth(month));
  });

  it('dates every zone of every month on a weekday that is not a holiday, never a Saturday', () => {
    for (const month of year) {
      const meetings = opened.get(month) ?? [];
      expect(meetings, month).toHaveLength(config.zones.length);
      for (const meeting of meetings) {
        expect(meeting.status, meeting.id).toBe('scheduled');
        expect(meeting.date?.slice(0, 7), meeting.id).toBe(month);
        expect([SATURDAY, SUNDAY], meeting.id).not.toContain(weekday(meeting.date as string));
        expect(config.calendar.holidays, meeting.id).not.toContain(meeting.date);
      }
    }
  });

  it('holds February after Tết, inside the configured 15th–20th, and every other month inside the 5th–10th', async () => {
    for (const month of year) {
      const [first, last] = month === '2027-02' ? [15, 20] : [5, 10];
      const meetings = opened.get(month) ?? [];
      for (const meeting of meetings) {
        const day = Number(meeting.date?.slice(8));
        expect(day, meeting.id).toBeGreaterThanOrEqual(first);
        expect(day, meeting.id).toBeLessThanOrEqual(last);
      }
      expectOneZoneADay(
        meetings,
        workedDays(month, first, last, (d) => d !== SATURDAY && d !== SUNDAY),
      );
    }
    expect((await readCycle('2027-02'))?.value.window).toEqual({ firstDay: 15, lastDay: 20, source: 'district' });
    expect((await readCycle('2027-03'))?.value.window).toEqual({ firstDay: 5, lastDay: 10, source: 'default' });
  });
});

describe('a district whose offices work on Saturdays', () => {
  beforeAll(async () => {
    const workingDays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
    await importStructure(
      { ...config, calendar: { ...config.calendar, workingDays: [...workingDays] } },
      { id: 'test' },
    );
  });

  it('meets on a Saturday of the window, never on a Sunday, one zone a day while days last', async () => {
    // February 2028: Saturday the 5th, Sunday the 6th, then Monday the 7th to Thursday the 10th.
    const meetings = await openMonth('2028-02');

    expect(meetings.find((m) => m.zoneId === 'khu-1')).toMatchObject({ date: '2028-02-05', session: 'morning' });
    expect(meetings.map((m) => weekday(m.date as string))).not.toContain(SUNDAY);
    expectOneZoneADay(
      meetings,
      workedDays('2028-02', 5, 10, (d) => d !== SUNDAY),
    );
  });
});
