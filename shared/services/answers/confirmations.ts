/**
 * After its answer or result is announced, the raising cell says whether the problem was solved on
 * the ground: solved closes the proposal; not solved reopens it at the same level with the cell's
 * note (the commune owes a result at the zone's next meeting; each department owes an answer again,
 * its rounds counted on). Until then the cell may remind whoever holds an overdue proposal.
 */

import type { DepartmentAssignment } from '../../domain/answers/answers';
import { assignmentLifecycle } from '../../domain/answers/assignment-lifecycle';
import { ConflictError } from '../../domain/errors';
import { actingUnits, isOverdue, type ProposalRecord } from '../../domain/proposals/proposal';
import { NOT_OVERDUE } from '../../domain/proposals/proposal-lifecycle';
import { addMonths } from '../../domain/time';
import type { ProposalActor, ProposalStep } from '../proposals/proposal-actions';
import { moveQueueEntry } from './answer-queue';
import { defaultDueDateOn } from './answer-settings-store';

export function confirmSolved(
  input: { readonly solved: boolean; readonly note: string },
  by: ProposalActor,
  today: string,
): ProposalStep {
  return {
    action: (record) => {
      if (input.solved) return 'confirm-solved';
      return record.level === 'commune' ? 'reopen-to-commune' : 'reopen-to-district';
    },
    unitsOf: actingUnits,
    build: async (record, _to, changes) => {
      const confirmation = { solved: input.solved, note: input.note, at: changes.at, by: by.person };
      if (input.solved) {
        return {
          after: { ...record, confirmation },
          note: `Chi bộ xác nhận đã giải quyết trên thực tế: ${input.note}`,
        };
      }
      const { overdueSince: _overdue, responseId: _response, ...rest } = record;
      const reopened: ProposalRecord = { ...rest, confirmation, reopenCount: (record.reopenCount ?? 0) + 1 };
      const note = `Chi bộ xác nhận chưa giải quyết trên thực tế, mở lại: ${input.note}`;
      if (record.level === 'commune') {
        return { after: { ...reopened, dueMonth: addMonths(today.slice(0, 7), 1) }, note };
      }
      const dueDate = await defaultDueDateOn(today);
      const roles = by.rolesOver(actingUnits(record));
      const assignments = (record.assignments ?? []).map((before) => {
        const { expectedBy: _expected, acceptedAt: _accepted, ...kept } = before;
        const after: DepartmentAssignment = {
          ...kept,
          status: assignmentLifecycle.require(before.status, 'reopen', roles),
          dueDate,
        };
        moveQueueEntry(changes, record, before, after);
        return after;
      });
      return { after: { ...reopened, assignments }, note };
    },
  };
}

export function remind(note: string, by: ProposalActor, today: string): ProposalStep {
  return {
    action: 'remind',
    unitsOf: actingUnits,
    build: (record, _to, changes) => {
      if (!isOverdue(record, today)) throw new ConflictError(NOT_OVERDUE.code, NOT_OVERDUE.message);
      const reminder = { note, at: changes.at, by: by.person };
      return {
        after: { ...record, reminderCount: (record.reminderCount ?? 0) + 1, lastReminder: reminder },
        note: `Chi bộ nhắc: ${note}`,
      };
    },
  };
}
