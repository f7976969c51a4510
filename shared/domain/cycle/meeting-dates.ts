/**
 * When each zone's monthly briefing is held: a working day of the district inside the month's
 * window (see `meeting-calendar.ts`), morning or afternoon. No two zones share a day and session,
 * so the standing board can attend every meeting.
 */
import { daysInMonth, monthDate, monthOfDate } from '../time';
import { isWorkingDay, type MeetingWindow, type WorkingCalendar } from './meeting-calendar';

export type Session = 'morning' | 'afternoon';

export interface MeetingSlot {
  /** `YYYY-MM-DD`, Vietnam time. */
  readonly date: string;
  readonly session: Session;
}

const SESSIONS: readonly Session[] = ['morning', 'afternoon'];

/** The working days of `month` inside the window, ascending. */
export function workingDaysInWindow(month: string, calendar: WorkingCalendar, window: MeetingWindow): string[] {
  const { firstDay, lastDay } = window;
  if (!Number.isInteger(firstDay) || !Number.isInteger(lastDay) || firstDay < 1 || lastDay < firstDay || lastDay > 31) {
    throw new RangeError(`Invalid meeting window ${firstDay}..${lastDay}`);
  }
  const days: string[] = [];
  // A window ending on the 31st still fits a 30-day month: it simply ends with the month.
  for (let day = firstDay; day <= Math.min(lastDay, daysInMonth(month)); day++) {
    const date = monthDate(month, day);
    if (isWorkingDay(date, calendar)) days.push(date);
  }
  return days;
}

/**
 * Gives each zone, in the given order, a slot in the month's window. One meeting a day in the
 * morning while days last; beyond that the earliest days also take an afternoon meeting, so
 * days differ by at most one meeting and every zone meets as early as the window allows.
 * Slots follow the zones' order in time. Zones the window cannot hold get `null`, for the
 * office to date by hand.
 */
export function allocateMeetingSlots(
  month: string,
  zoneIds: readonly string[],
  calendar: WorkingCalendar,
  window: MeetingWindow,
): Map<string, MeetingSlot | null> {
  if (new Set(zoneIds).size !== zoneIds.length) throw new RangeError('A zone is listed twice');
  const days = workingDaysInWindow(month, calendar, window);
  const placed = Math.min(zoneIds.length, days.length * SESSIONS.length);
  const doubled = placed - days.length;
  const slots: MeetingSlot[] = [];
  for (const [index, date] of days.entries()) {
    if (slots.length === placed) break;
    slots.push({ date, session: 'morning' });
    if (index < doubled) slots.push({ date, session: 'afternoon' });
  }
  return new Map(zoneIds.map((zoneId, index) => [zoneId, slots[index] ?? null]));
}

/**
 * Where a slot falls for a meeting of `month`: on a working day of the month inside its window,
 * on one outside the window (which only the office may decide), or nowhere a meeting may be
 * (another month, a day off, a holiday, an unknown session).
 */
export type SlotPlacement = 'in-window' | 'outside-window' | 'not-allowed';

export function placeSlot(
  month: string,
  slot: MeetingSlot,
  calendar: WorkingCalendar,
  window: MeetingWindow,
): SlotPlacement {
  if (!SESSIONS.includes(slot.session) || !isDateOf(month, slot.date) || !isWorkingDay(slot.date, calendar)) {
    return 'not-allowed';
  }
  return workingDaysInWindow(month, calendar, window).includes(slot.date) ? 'in-window' : 'outside-window';
}

function isDateOf(month: string, date: string): boolean {
  try {
    return monthOfDate(date) === month;
  } catch {
    return false;
  }
}
