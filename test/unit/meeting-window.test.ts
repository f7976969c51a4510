/** The bounds of a meeting window and what a refused window or zone list says. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MEETING_WINDOW, DEFAULT_WORKING_DAYS } from '../../shared/domain/cycle/meeting-calendar';
import { allocateMeetingSlots, workingDaysInWindow } from '../../shared/domain/cycle/meeting-dates';

const weekdaysOnly = { holidays: [], workingDays: DEFAULT_WORKING_DAYS };

// 2027-03: the 1st is a Monday, the 7th a Sunday
describe('workingDaysInWindow bounds', () => {
  it('takes a window starting on the 1st, and a one-day window', () => {
    expect(workingDaysInWindow('2027-03', weekdaysOnly, { firstDay: 1, lastDay: 2 })).toEqual([
      '2027-03-01',
      '2027-03-02',
    ]);
    expect(workingDaysInWindow('2027-03', weekdaysOnly, { firstDay: 3, lastDay: 3 })).toEqual(['2027-03-03']);
  });

  it.each([
    [0, 5],
    [1.5, 5],
    [1, 5.5],
    [6, 5],
    [1, 32],
  ])('refuses the window %d..%d, naming it', (firstDay, lastDay) => {
    expect(() => workingDaysInWindow('2027-03', weekdaysOnly, { firstDay, lastDay })).toThrow(
      new RangeError(`Invalid meeting window ${firstDay}..${lastDay}`),
    );
  });
});

describe('allocateMeetingSlots refusals', () => {
  it('says a zone is listed twice', () => {
    expect(() => allocateMeetingSlots('2027-03', ['khu-1', 'khu-1'], weekdaysOnly, DEFAULT_MEETING_WINDOW)).toThrow(
      new RangeError('A zone is listed twice'),
    );
  });
});
