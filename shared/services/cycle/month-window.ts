/**
 * The office's window for one month (`PUT /cycles/{month}/window`), e.g. after Tết: set or changed
 * only before the month opens, since the opener fixes the month's window in its cycle item.
 */
import { type Actor, ChangeSet } from '../../db/change-set';
import { keys } from '../../db/keys';
import { type MonthWindowInput, type OfficeWindowRecord, windowProblems } from '../../domain/cycle/meeting-calendar';
import { ConflictError, ValidationError } from '../../domain/errors';
import { readMonth } from './cycle-store';
import { type StoredRecord, storeRecord } from './stored-record';

function cycleOpen(month: string): ConflictError {
  return new ConflictError(
    'cycle_already_open',
    `Kỳ giao ban tháng ${month} đã được mở nên khung ngày họp của tháng không đổi được nữa.`,
  );
}

/** Sets the month's window (first time) or replaces it at the version the client read; 409 once the month is open. */
export async function setMonthWindow(
  month: string,
  input: MonthWindowInput,
  actor: Actor,
  expectedVersion: () => number,
): Promise<StoredRecord<OfficeWindowRecord>> {
  const problems = windowProblems(month, input);
  if (problems.length > 0) throw new ValidationError(problems);
  const { cycle, window } = await readMonth(month);
  if (cycle) throw cycleOpen(month);
  const record: OfficeWindowRecord = { month, firstDay: input.firstDay, lastDay: input.lastDay, reason: input.reason };
  // Checked in the same transaction: an opener committing meanwhile wins, and the window is refused.
  const changes = new ChangeSet(actor).check(
    keys.cycle(month),
    { expression: 'attribute_not_exists(PK)' },
    cycleOpen(month),
  );
  const target = {
    ref: { type: 'month-window', id: month },
    key: keys.monthWindow(month),
    conflict: () =>
      new ConflictError('month_window_exists', `Tháng ${month} đã có khung ngày họp; hãy gửi kèm If-Match.`),
  };
  return storeRecord(changes, target, record, window, expectedVersion);
}
