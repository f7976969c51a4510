/**
 * When each zone's monthly briefing is held: a working day inside the window (the 5th to the
 * 10th by default), morning or afternoon. No two zones share a day and session, so the
 * standing board can attend every meeting.
 */
import { dayOfWeek, daysInMonth, monthDate } from '../time';

export type Session = 'morning' | 'afternoon';

export interface MeetingSlot {
  /** `YYYY-MM-DD`, Vietnam time. */
  readonly date: string;
  readonly session: Session;
}

/** Days of the month (inclusive) meetings may fall on. */
export interface MeetingWindow {
  readonly firstDay: number;
  readonly lastDay: number;
}

export const DEFAULT_MEETING_WINDOW: MeetingWindow = { firstDay: 5, lastDay: 10 };

const SUNDAY = 0;
const SESSIONS: readonly Session[] = ['morning', 'afternoon'];

/** The working days of `month` inside the window, ascending: no Sundays, none of `holidays`. */
export function workingDaysInWindow(
  month: string,
  holidays: readonly string[],
  window: MeetingWindow = DEFAULT_MEETING_WINDOW,
): string[] {
  const { firstDay, lastDay } = window;
  if (!Number.isInteger(firstDay) || !Number.isInteger(lastDay) || firstDay < 1 || lastDay < firstDay || lastDay > 31) {
    throw new RangeError(`Invalid meeting window ${firstDay}..${lastDay}`);
  }
  const closed = new Set(holidays);
  const days: string[] = [];
  // A window ending on the 31st still fits a 30-day month: it simply ends with the month.
  for (let day = firstDay; day <= Math.min(lastDay, daysInMonth(month)); day++) {
    const date = monthDate(month, day);
    if (dayOfWeek(date) !== SUNDAY && !closed.has(date)) days.push(date);
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
  holidays: readonly string[],
  window: MeetingWindow = DEFAULT_MEETING_WINDOW,
): Map<string, MeetingSlot | null> {
  if (new Set(zoneIds).size !== zoneIds.length) throw new RangeError('A zone is listed twice');
  const days = workingDaysInWindow(month, holidays, window);
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

/** Whether a slot may hold a meeting of `month`: a known session on a working day of the window. */
export function isSlotAllowed(
  month: string,
  slot: MeetingSlot,
  holidays: readonly string[],
  window: MeetingWindow = DEFAULT_MEETING_WINDOW,
): boolean {
  return SESSIONS.includes(slot.session) && workingDaysInWindow(month, holidays, window).includes(slot.date);
}
