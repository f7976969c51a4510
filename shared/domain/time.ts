/**
 * Calendar arithmetic in Vietnam time. Months are `YYYY-MM`, dates `YYYY-MM-DD`, both in
 * Asia/Ho_Chi_Minh. Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed
 * offset is exact for every date the product handles and spares the cost of `Intl`.
 */

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

interface YearMonth {
  readonly year: number;
  readonly month: number;
}

function parseMonth(month: string): YearMonth {
  const match = MONTH_PATTERN.exec(month);
  const monthNo = Number(match?.[2]);
  if (!match || monthNo < 1 || monthNo > 12) throw new RangeError(`Invalid month "${month}", expected YYYY-MM`);
  return { year: Number(match[1]), month: monthNo };
}

function formatMonth({ year, month }: YearMonth): string {
  if (year < 0 || year > 9999) throw new RangeError(`Year ${year} is outside 0000–9999`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function monthLength({ year, month }: YearMonth): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function parseDate(date: string): YearMonth & { readonly day: number } {
  const match = DATE_PATTERN.exec(date);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (!match || month < 1 || month > 12 || day < 1 || day > monthLength({ year, month })) {
    throw new RangeError(`Invalid date "${date}", expected YYYY-MM-DD`);
  }
  return { year, month, day };
}

function vietnamIsoString(instant: Date): string {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('Invalid Date');
  return new Date(time + VIETNAM_OFFSET_MS).toISOString();
}

/** The calendar date (`YYYY-MM-DD`) an instant falls on in Vietnam. */
export function vietnamDate(instant: Date): string {
  return vietnamIsoString(instant).slice(0, 10);
}

/**
 * The month (`YYYY-MM`) an instant falls in, in Vietnam.
 * @example vietnamMonth(new Date('2026-11-30T17:30:00Z')) // '2026-12'
 */
export function vietnamMonth(instant: Date): string {
  return vietnamIsoString(instant).slice(0, 7);
}

/** The month `n` months after `month` (before it when `n` is negative). */
export function addMonths(month: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Month offset must be an integer, got ${n}`);
  const { year, month: monthNo } = parseMonth(month);
  const index = year * 12 + (monthNo - 1) + n;
  return formatMonth({ year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 });
}

/** The year of a `YYYY-MM` month. */
export function monthYear(month: string): number {
  return parseMonth(month).year;
}

/** The month number (1 = January … 12 = December) of a `YYYY-MM` month. */
export function monthNumber(month: string): number {
  return parseMonth(month).month;
}

/** The `YYYY-MM` month of `year` numbered `month` (1 = January … 12 = December). */
export function yearMonth(year: number, month: number): string {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`No month ${month} of year ${year}`);
  }
  return formatMonth({ year, month });
}

/** How many days a `YYYY-MM` month has (Gregorian calendar). */
export function daysInMonth(month: string): number {
  return monthLength(parseMonth(month));
}

/** The `YYYY-MM-DD` date of day `day` of a `YYYY-MM` month. */
export function monthDate(month: string, day: number): string {
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(month)) {
    throw new RangeError(`Day ${day} is not in month ${month}`);
  }
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** Day of the week of a `YYYY-MM-DD` date: 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  parseDate(date);
  // A calendar date names the same weekday in every zone, so reading it at UTC midnight is exact.
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The `YYYY-MM` month a `YYYY-MM-DD` date belongs to. */
export function monthOfDate(date: string): string {
  return formatMonth(parseDate(date));
}
