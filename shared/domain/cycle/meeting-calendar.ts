/**
 * The district's rules for which days may hold a briefing: its working weekdays (Monday to Friday
 * unless it says otherwise), its holidays, and each month's window (the 5th to the 10th unless the
 * district's config, or the office before the month opens, sets another for that month, as after
 * Tết). A cycle keeps the window it was opened with.
 */
import * as z from 'zod/mini';
import type { FieldProblem } from '../errors';
import { lazy, monthSchema, text } from '../schema-kit';
import { dayOfWeek, daysInMonth } from '../time';

/** Indexed by `dayOfWeek`: 0 = Sunday … 6 = Saturday. */
export const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof weekdays)[number];

/** The district offices' working week, unless the district's config says otherwise. */
export const DEFAULT_WORKING_DAYS: readonly Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

/** Days of the month (inclusive) meetings may fall on. */
export interface MeetingWindow {
  readonly firstDay: number;
  readonly lastDay: number;
}

/** The practice's window (see DOMAIN.md): six days let the standing board attend one zone a day. */
export const DEFAULT_MEETING_WINDOW: MeetingWindow = { firstDay: 5, lastDay: 10 };

/** Where a month's window comes from: the default rule, the district's config, or the office's decision. */
export const WINDOW_SOURCES = ['default', 'district', 'office'] as const;
export type WindowSource = (typeof WINDOW_SOURCES)[number];

export interface MonthWindow extends MeetingWindow {
  readonly source: WindowSource;
}

const dayOfMonthSchema = z.number().check(z.int(), z.gte(1), z.lte(31));

const windowFields = { firstDay: dayOfMonthSchema, lastDay: dayOfMonthSchema };

const lastDayNotBeforeFirst = z.refine<MeetingWindow>((window) => window.lastDay >= window.firstDay, {
  path: ['lastDay'],
  message: 'Ngày cuối của khung không được trước ngày đầu',
});

export const meetingWindowSchema = lazy(() => z.strictObject(windowFields).check(lastDayNotBeforeFirst));

/**
 * A window must start inside its month (it may end past a short month's last day: it then ends
 * with the month, so `31` means "to the end of the month").
 */
export function windowProblems(month: string, window: MeetingWindow, at = ''): FieldProblem[] {
  const length = daysInMonth(month);
  if (window.firstDay <= length) return [];
  return [
    {
      path: `${at}/firstDay`,
      code: 'window_outside_month',
      message: `Tháng ${month} chỉ có ${length} ngày; khung ngày họp phải bắt đầu trong tháng`,
    },
  ];
}

/** The config's windows by month, e.g. `{ "2027-02": { "firstDay": 15, "lastDay": 20 } }` after Tết. */
export const monthWindowsSchema = lazy(() =>
  z.record(monthSchema, meetingWindowSchema).check(
    z.superRefine((windows, context) => {
      for (const [month, window] of Object.entries(windows)) {
        for (const problem of windowProblems(month, window)) {
          context.addIssue({
            code: 'custom',
            path: [month, 'firstDay'],
            message: problem.message,
            params: { code: problem.code },
            input: window,
          });
        }
      }
    }),
  ),
);

export const workingDaysSchema = lazy(() =>
  z.array(z.enum(weekdays)).check(
    z.minLength(1),
    z.refine((days) => new Set(days).size === days.length, { message: 'Một ngày trong tuần được ghi hai lần' }),
  ),
);

/** `PUT /cycles/{month}/window`: the office's window for a month not yet open, and why. */
export const monthWindowBodySchema = z
  .strictObject({ ...windowFields, reason: text(500) })
  .check(lastDayNotBeforeFirst);
export type MonthWindowInput = z.infer<typeof monthWindowBodySchema>;

/** The office's window for one month, as stored (who set it and when is in its audit trail). */
export interface OfficeWindowRecord extends MeetingWindow {
  readonly month: string;
  readonly reason: string;
}

/** The calendar part of a district's config, as stored: every field but the holidays is optional. */
export interface StoredCalendar {
  readonly holidays: readonly string[];
  readonly workingDays?: readonly Weekday[];
  readonly monthWindows?: Readonly<Record<string, MeetingWindow>>;
}

/** What slot rules read of a calendar: the days no meeting may fall on. */
export interface WorkingCalendar {
  readonly holidays: readonly string[];
  readonly workingDays: readonly Weekday[];
}

export interface DistrictCalendar extends WorkingCalendar {
  readonly monthWindows: Readonly<Record<string, MeetingWindow>>;
}

/** A stored calendar with its defaults filled in; a district never given a calendar has no holidays. */
export function districtCalendarOf(calendar: StoredCalendar | undefined): DistrictCalendar {
  return {
    holidays: calendar?.holidays ?? [],
    workingDays: calendar?.workingDays ?? DEFAULT_WORKING_DAYS,
    monthWindows: calendar?.monthWindows ?? {},
  };
}

/** Whether `date` is a working weekday of the district and not one of its holidays. */
export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  const weekday = weekdays[dayOfWeek(date)] as Weekday;
  return calendar.workingDays.includes(weekday) && !calendar.holidays.includes(date);
}

/** The window `month` opens with: the office's decision, else the config's window for it, else the default. */
export function resolveMonthWindow(
  month: string,
  calendar: Pick<DistrictCalendar, 'monthWindows'>,
  office: MeetingWindow | undefined,
): MonthWindow {
  const pick = (window: MeetingWindow, source: WindowSource): MonthWindow => ({
    firstDay: window.firstDay,
    lastDay: window.lastDay,
    source,
  });
  if (office) return pick(office, 'office');
  const configured = calendar.monthWindows[month];
  return configured ? pick(configured, 'district') : pick(DEFAULT_MEETING_WINDOW, 'default');
}
