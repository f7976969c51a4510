/** When a department's answer falls due, in Vietnam calendar dates (`YYYY-MM-DD`). */
import { addMonths, monthDate, monthOfDate } from '../time';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The date `n` days after `date` (before it when `n` is negative). */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The two months whose meetings an assignment made on `today` may be due before: the next, and the one after. */
export function candidateMonths(today: string): [string, string] {
  const next = addMonths(monthOfDate(today), 1);
  return [next, addMonths(next, 1)];
}

/**
 * The default due date: `days` before the first day of next month's meeting window, so the office
 * can compile the answers and the board issue them before the meetings. When that day is already
 * past (an assignment made late in the month), the following month's meetings count instead.
 * @param firstDayOf the first day of the meeting window of each of `candidateMonths(today)`.
 */
export function defaultDueDate(today: string, days: number, firstDayOf: (month: string) => number): string {
  const [next, after] = candidateMonths(today);
  const due = addDays(monthDate(next, firstDayOf(next)), -days);
  return due > today ? due : addDays(monthDate(after, firstDayOf(after)), -days);
}
