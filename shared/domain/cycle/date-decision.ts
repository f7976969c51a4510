/**
 * Who may date a meeting where. Inside the month's window any meeting runner may; outside it only
 * the office, by a decision it gives a reason for (so that no zone goes a month without meeting
 * when holidays fill the window); never on a day off, a holiday or in another month.
 */
import { ForbiddenError, ValidationError } from '../errors';
import type { MeetingWindow, WorkingCalendar } from './meeting-calendar';
import { type MeetingSlot, placeSlot } from './meeting-dates';

export interface RequestedDate extends MeetingSlot {
  /** Why the office dates the meeting outside the window; only for such a date. */
  readonly outsideWindowReason?: string;
}

/**
 * Checks a requested date for a meeting of `month` and returns the reason of the office's
 * decision when the date lies outside the window (undefined when the date follows the rule).
 * Throws 400 (naming the field) or 403 otherwise.
 */
export function requireDateAllowed(
  month: string,
  requested: RequestedDate,
  calendar: WorkingCalendar,
  window: MeetingWindow,
  byOffice: boolean,
): string | undefined {
  const placement = placeSlot(month, requested, calendar, window);
  const { firstDay, lastDay } = window;
  if (placement === 'not-allowed') {
    throw new ValidationError([
      {
        path: '/date',
        code: 'slot_not_allowed',
        message: `Ngày họp phải là ngày làm việc của tháng ${month}, không trùng ngày nghỉ, ngày lễ`,
      },
    ]);
  }
  if (placement === 'in-window') {
    if (requested.outsideWindowReason === undefined) return undefined;
    throw new ValidationError([
      {
        path: '/outsideWindowReason',
        code: 'not_allowed',
        message: `Ngày ${requested.date} nằm trong khung ngày ${firstDay}–${lastDay}; không cần lý do họp ngoài khung`,
      },
    ]);
  }
  if (!byOffice) {
    throw new ForbiddenError(
      `Ngày ${requested.date} nằm ngoài khung ngày ${firstDay}–${lastDay} tháng ${month}; chỉ Văn phòng Huyện uỷ được quyết định họp ngoài khung.`,
    );
  }
  if (requested.outsideWindowReason === undefined) {
    throw new ValidationError([
      {
        path: '/outsideWindowReason',
        code: 'required',
        message: `Ngày ${requested.date} nằm ngoài khung ngày ${firstDay}–${lastDay}; cần ghi lý do quyết định họp ngoài khung`,
      },
    ]);
  }
  return requested.outsideWindowReason;
}
