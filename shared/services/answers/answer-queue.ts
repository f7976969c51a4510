/**
 * The departments' queues (`keys.answerQueue`): one entry per proposal a department still owes an
 * answer to (its assignment in an owing state), keyed by due day, written in the same transaction
 * as the record. The entry repeats what a queue and `GET /overdue` show, so they read no records to
 * know who owes what.
 */
import * as z from 'zod/mini';
import type { ChangeSet } from '../../db/change-set';
import { keys } from '../../db/keys';
import type { DepartmentAssignment } from '../../domain/answers/answers';
import { assignmentStates, OWING_STATES } from '../../domain/answers/assignment-lifecycle';
import type { ProposalRecord } from '../../domain/proposals/proposal';
import { proposalEntryRecord } from '../../domain/proposals/proposal-records';
import { lazy, shapeOf } from '../../domain/schema-kit';
import { entryOf, type ProposalEntry } from '../proposals/proposal-store';

export interface QueueEntry extends ProposalEntry {
  readonly title: string;
  readonly departmentId: string;
  readonly departmentName: string;
  readonly dueDate: string;
  readonly status: DepartmentAssignment['status'];
}

/** What the queue's reader checks each entry against. */
export const queueEntryRecord: z.ZodMiniType<QueueEntry> = lazy(() =>
  z.looseObject({
    ...shapeOf(proposalEntryRecord),
    title: z.string(),
    departmentId: z.string(),
    departmentName: z.string(),
    dueDate: z.string(),
    status: z.enum(assignmentStates),
  }),
);

function owes(assignment: DepartmentAssignment | undefined): assignment is DepartmentAssignment {
  return assignment !== undefined && OWING_STATES.includes(assignment.status);
}

function queueKey(record: ProposalRecord, assignment: DepartmentAssignment) {
  return keys.answerQueueEntry(assignment.departmentId, assignment.dueDate, record.id);
}

/**
 * Keeps a department's queue in step with its assignment changing from `before` (absent: new) to
 * `after`: the entry leaves when nothing is owed, moves when the due day moves, and is written again
 * (one write: a transaction may not touch an item twice) when only what it repeats changed.
 */
export function moveQueueEntry(
  changes: ChangeSet,
  record: ProposalRecord,
  before: DepartmentAssignment | undefined,
  after: DepartmentAssignment,
): void {
  if (owes(before) && !(owes(after) && before.dueDate === after.dueDate)) {
    const { PK, SK } = queueKey(record, before);
    changes.release({ PK, SK });
  }
  if (owes(after)) {
    const entry: QueueEntry = {
      ...entryOf(record),
      title: record.title,
      departmentId: after.departmentId,
      departmentName: after.departmentName,
      dueDate: after.dueDate,
      status: after.status,
    };
    changes.putEntry(queueKey(record, after), entry);
  }
}
