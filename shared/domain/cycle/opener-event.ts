/**
 * The event EventBridge Scheduler sends the cycle opener (`{ scheduledTime }`, see the
 * scheduled-cycle-opener construct) and the month it opens.
 */
import * as z from 'zod/mini';
import { vietnamMonth } from '../time';

/** Other fields are tolerated: the target input may grow, and a hand-made test event may carry extras. */
export const openerEventSchema = z.object({
  scheduledTime: z.optional(z.iso.datetime({ offset: true })),
  /** Set by the check schedule, the day after the opening: report whether the month is open first. */
  check: z.optional(z.boolean()),
});

/**
 * The month to open: the Vietnam month of the scheduled time, never of the attempt's own time, so
 * a retry delivered hours later (or a first of the month that is still the 30th in UTC) opens the
 * month that was meant. Without a scheduled time (a manual invocation) it is the month of `now`.
 * @example monthToOpen({ scheduledTime: '2026-11-30T17:30:00Z' }, new Date()) // '2026-12'
 */
export function monthToOpen(event: unknown, now: Date): string {
  const parsed = openerEventSchema.parse(event ?? {});
  return vietnamMonth(parsed.scheduledTime ? new Date(parsed.scheduledTime) : now);
}

/** True for the day-after check's invocation (see `openerEventSchema.check`). */
export function isOpeningCheck(event: unknown): boolean {
  return openerEventSchema.parse(event ?? {}).check === true;
}
