/**
 * Overdue depends on today, so it cannot be a counter. Instead every department's owed answer and
 * every commune's owed result is an entry sorted by the first day it is overdue (`overdueFrom`),
 * kept in the same transaction as the record (the counters' writer moves them): what is overdue
 * today is the range of entries up to today, so counting reads the overdue items and nothing else.
 * The day follows `isOverdue`: a department owes an answer the day after its due day; a commune
 * from the month after the one its result was due in, or from the day a zone's close marked it.
 */
import type { DepartmentAssignment } from '../answers/answers';
import { OWING_STATES } from '../answers/assignment-lifecycle';
import { addDays } from '../answers/due-dates';
import type { ProposalRecord } from '../proposals/proposal';
import { addMonths, vietnamDate } from '../time';

export type OverdueHolder = 'department' | 'commune';

/** One owed answer or result, and what the figures filter it by. */
export interface OverdueWatch {
  /** `YYYY-MM-DD` (Vietnam): the first day it is overdue. */
  readonly overdueFrom: string;
  readonly proposalId: string;
  readonly holder: OverdueHolder;
  readonly unitId: string;
  readonly month: string;
  readonly zoneId: string;
  readonly field: string;
}

function owes(assignment: DepartmentAssignment): boolean {
  return OWING_STATES.includes(assignment.status);
}

/** The first day a commune's owed result is overdue: the earlier of the month after it was due and its marking. */
function communeOverdueFrom(record: ProposalRecord): string | undefined {
  const days = [
    ...(record.dueMonth !== undefined ? [`${addMonths(record.dueMonth, 1)}-01`] : []),
    ...(record.overdueSince !== undefined ? [vietnamDate(new Date(record.overdueSince))] : []),
  ];
  return days.sort()[0];
}

/** The owed answers and results of a record as it is. */
export function overdueWatches(record: ProposalRecord): OverdueWatch[] {
  const of = (holder: OverdueHolder, unitId: string, overdueFrom: string): OverdueWatch => ({
    overdueFrom,
    proposalId: record.id,
    holder,
    unitId,
    month: record.month,
    zoneId: record.zoneId,
    field: record.field,
  });
  if (record.status === 'routed-commune') {
    const from = communeOverdueFrom(record);
    return from === undefined ? [] : [of('commune', record.assignedCommuneId ?? record.communeId, from)];
  }
  if (record.status !== 'assigned') return [];
  return (record.assignments ?? [])
    .filter(owes)
    .map((assignment) => of('department', assignment.departmentId, addDays(assignment.dueDate, 1)));
}

/** The entry's sort key: by day, then proposal and holder, so each is one item. */
export function watchSortKey(watch: OverdueWatch): string {
  return `${watch.overdueFrom}#${watch.proposalId}#${watch.holder}#${watch.unitId}`;
}

/** The entries a change adds and removes: those of the record as it is less those of the record as it was. */
export function watchChanges(
  before: ProposalRecord | undefined,
  after: ProposalRecord | undefined,
): { removed: OverdueWatch[]; added: OverdueWatch[] } {
  const was = before ? overdueWatches(before) : [];
  const is = after ? overdueWatches(after) : [];
  const wasKeys = new Set(was.map(watchSortKey));
  const isKeys = new Set(is.map(watchSortKey));
  return {
    removed: was.filter((watch) => !isKeys.has(watchSortKey(watch))),
    added: is.filter((watch) => !wasKeys.has(watchSortKey(watch))),
  };
}
