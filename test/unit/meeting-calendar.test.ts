import { describe, expect, it } from 'vitest';
import { requireDateAllowed } from '../../shared/domain/cycle/date-decision';
import {
  DEFAULT_MEETING_WINDOW,
  DEFAULT_WORKING_DAYS,
  districtCalendarOf,
  meetingWindowSchema,
  monthWindowBodySchema,
  resolveMonthWindow,
  windowProblems,
} from '../../shared/domain/cycle/meeting-calendar';
import { AppError } from '../../shared/domain/errors';
import { calendarSchema } from '../../shared/domain/structure/entities';
import { problemsOf } from '../../shared/http/validation';

const POST_TET = { firstDay: 15, lastDay: 20 };

/** The JSON pointers a failed parse names (none when it succeeds). */
const pathsOf = (parsed: { success: true } | { success: false; error: Parameters<typeof problemsOf>[0] }) =>
  parsed.success ? [] : problemsOf(parsed.error).map((problem) => problem.path);

describe('the calendar in a district config', () => {
  it('defaults to Monday to Friday, the 5th to the 10th, when it says nothing more than its holidays', () => {
    const calendar = districtCalendarOf(calendarSchema.parse({ holidays: ['2027-02-08'] }));
    expect(calendar).toEqual({ holidays: ['2027-02-08'], workingDays: DEFAULT_WORKING_DAYS, monthWindows: {} });
    expect(resolveMonthWindow('2027-02', calendar, undefined)).toEqual({
      ...DEFAULT_MEETING_WINDOW,
      source: 'default',
    });
    expect(districtCalendarOf(undefined).holidays).toEqual([]);
  });

  it('takes Saturday as a working day and a window for a given month', () => {
    const parsed = calendarSchema.safeParse({
      holidays: [],
      workingDays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'],
      monthWindows: { '2027-02': POST_TET },
    });
    expect(parsed.success).toBe(true);
  });

  it('names each bad field: an unknown or repeated weekday, a bad month, a window ending before it starts', () => {
    const parsed = calendarSchema.safeParse({
      holidays: [],
      workingDays: ['monday', 'caturday'],
      monthWindows: {
        '2027-13': POST_TET,
        '2027-03': { firstDay: 12, lastDay: 8 },
        '2027-04': { firstDay: 0, lastDay: 10 },
      },
    });
    const repeated = calendarSchema.safeParse({ holidays: [], workingDays: ['monday', 'monday'] });
    expect(pathsOf(parsed).sort()).toEqual([
      '/monthWindows/2027-03/lastDay',
      '/monthWindows/2027-04/firstDay',
      '/monthWindows/2027-13',
      '/workingDays/1',
    ]);
    expect(pathsOf(repeated)).toEqual(['/workingDays']);
  });

  it('refuses a window that starts after its month ends', () => {
    const parsed = calendarSchema.safeParse({
      holidays: [],
      monthWindows: { '2027-02': { firstDay: 29, lastDay: 31 } },
    });
    expect(pathsOf(parsed)).toEqual(['/monthWindows/2027-02/firstDay']);
  });
});

describe('resolveMonthWindow', () => {
  const calendar = districtCalendarOf({ holidays: [], monthWindows: { '2027-02': POST_TET } });

  it('takes the office’s window first, then the config’s for that month, then the default', () => {
    expect(resolveMonthWindow('2027-02', calendar, { firstDay: 22, lastDay: 26 })).toEqual({
      firstDay: 22,
      lastDay: 26,
      source: 'office',
    });
    expect(resolveMonthWindow('2027-02', calendar, undefined)).toEqual({ ...POST_TET, source: 'district' });
    expect(resolveMonthWindow('2027-03', calendar, undefined)).toEqual({
      ...DEFAULT_MEETING_WINDOW,
      source: 'default',
    });
  });
});

describe('the office’s window body', () => {
  it('needs a reason and a last day not before the first', () => {
    expect(pathsOf(monthWindowBodySchema.safeParse({ firstDay: 15, lastDay: 20 }))).toEqual(['/reason']);
    expect(pathsOf(monthWindowBodySchema.safeParse({ firstDay: 20, lastDay: 15, reason: 'Sau Tết' }))).toEqual([
      '/lastDay',
    ]);
  });
});

describe('requireDateAllowed', () => {
  // February 2027 after Tết: Monday 15th to Saturday 20th, Saturdays not worked.
  const calendar = districtCalendarOf({ holidays: ['2027-02-08'] });
  const decide = (date: string, byOffice: boolean, outsideWindowReason?: string) =>
    requireDateAllowed('2027-02', { date, session: 'morning', outsideWindowReason }, calendar, POST_TET, byOffice);
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      if (error instanceof AppError) return { status: error.status, paths: error.errors?.map((e) => e.path) };
    }
    return undefined;
  };

  it('takes a working day of the window from anyone who runs meetings, as the rule', () => {
    expect(decide('2027-02-16', false)).toBeUndefined();
    expect(decide('2027-02-16', true)).toBeUndefined();
  });

  it('takes a working day outside the window from the office with its reason, as a decision', () => {
    expect(decide('2027-02-22', true, 'Khu 6 họp sau khi xong đợt tiêm phòng')).toBe(
      'Khu 6 họp sau khi xong đợt tiêm phòng',
    );
  });

  it('refuses outside the window anyone but the office (403), and the office without a reason (400)', () => {
    expect(refusal(() => decide('2027-02-22', false, 'Lý do'))).toEqual({ status: 403, paths: undefined });
    expect(refusal(() => decide('2027-02-22', false))).toEqual({ status: 403, paths: undefined });
    expect(refusal(() => decide('2027-02-22', true))).toEqual({ status: 400, paths: ['/outsideWindowReason'] });
  });

  it('refuses a reason for a date that follows the rule, and any day off whoever asks', () => {
    expect(refusal(() => decide('2027-02-16', true, 'Lý do'))).toEqual({
      status: 400,
      paths: ['/outsideWindowReason'],
    });
    for (const date of ['2027-02-20', '2027-02-21', '2027-02-08', '2027-03-01']) {
      expect(
        refusal(() => decide(date, true, 'Lý do')),
        date,
      ).toEqual({ status: 400, paths: ['/date'] });
    }
  });
});

describe('a window’s edges', () => {
  it('may be a single day, and may start on its month’s last day', () => {
    expect(meetingWindowSchema.safeParse({ firstDay: 12, lastDay: 12 }).success).toBe(true);
    expect(windowProblems('2027-02', { firstDay: 28, lastDay: 31 })).toEqual([]);
  });

  it('starting after its month ends is refused at its first day, saying how long the month is', () => {
    expect(windowProblems('2027-02', { firstDay: 29, lastDay: 31 }, '/window')).toEqual([
      { path: '/window/firstDay', code: 'window_outside_month', message: expect.stringContaining('28 ngày') },
    ]);
    const parsed = calendarSchema.safeParse({
      holidays: [],
      monthWindows: { '2028-02': { firstDay: 30, lastDay: 31 } },
    });
    expect(parsed.success ? [] : problemsOf(parsed.error)).toEqual([
      {
        path: '/monthWindows/2028-02/firstDay',
        code: 'window_outside_month',
        message: expect.stringContaining('29 ngày'),
      },
    ]);
  });
});

describe('the refusals of a meeting date', () => {
  const calendar = districtCalendarOf({ holidays: ['2027-02-08'] });
  const decide = (date: string, byOffice: boolean, outsideWindowReason?: string) => () =>
    requireDateAllowed('2027-02', { date, session: 'morning', outsideWindowReason }, calendar, POST_TET, byOffice);

  it('each carry their code and a message naming the date or the window', () => {
    expect(decide('2027-02-08', true)).toThrow(
      expect.objectContaining({
        errors: [{ path: '/date', code: 'slot_not_allowed', message: expect.stringContaining('2027-02') }],
      }),
    );
    expect(decide('2027-02-16', true, 'Lý do')).toThrow(
      expect.objectContaining({
        errors: [{ path: '/outsideWindowReason', code: 'not_allowed', message: expect.stringContaining('15–20') }],
      }),
    );
    expect(decide('2027-02-22', true)).toThrow(
      expect.objectContaining({
        errors: [{ path: '/outsideWindowReason', code: 'required', message: expect.stringContaining('2027-02-22') }],
      }),
    );
    expect(decide('2027-02-22', false)).toThrow(
      expect.objectContaining({ status: 403, detail: expect.stringMatching(/2027-02-22.*15–20/) }),
    );
  });
});
