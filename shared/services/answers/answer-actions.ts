/**
 * A department's answers and their reviews. Each answer and each review is an item of its own,
 * created once (audited) and never rewritten; the department's assignment on the proposal record
 * moves through the answer table (`assignment-lifecycle.ts`), and the record through the proposal
 * table, in the same transaction, with a history entry that repeats the text word for word.
 */
import { keys } from '../../db/keys';
import {
  type Answer,
  type AnswerInput,
  type AnswerReview,
  answerComplete,
  answerIdOf,
  answerProblems,
  type DepartmentAssignment,
  parseAnswerId,
  type ReviewInput,
  reviewProblems,
} from '../../domain/answers/answers';
import { assignmentLifecycle, NOT_REVIEWABLE } from '../../domain/answers/assignment-lifecycle';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors';
import type { ProposalRecord } from '../../domain/proposals/proposal';
import type { ProposalActor, ProposalStep } from '../proposals/proposal-actions';
import { moveQueueEntry } from './answer-queue';

function assignmentOf(record: ProposalRecord, departmentId: string): DepartmentAssignment | undefined {
  return record.assignments?.find((a) => a.departmentId === departmentId);
}

function withAssignment(record: ProposalRecord, after: DepartmentAssignment): ProposalRecord {
  const assignments = (record.assignments ?? []).map((a) => (a.departmentId === after.departmentId ? after : a));
  return { ...record, assignments };
}

/**
 * The department the caller answers for: the one named, or the only assigned department the caller
 * belongs to. None: the caller's roles there are none, so the answer table refuses (403).
 */
function answeringDepartment(record: ProposalRecord, input: AnswerInput, by: ProposalActor): string | undefined {
  if (input.departmentId !== undefined) return input.departmentId;
  const own = (record.assignments ?? []).filter((a) => by.rolesOver({ department: a.departmentId }).has('department'));
  if (own.length > 1) {
    throw new ValidationError([
      {
        path: '/departmentId',
        code: 'required',
        message: 'Bạn thuộc nhiều ban, ngành được giao kiến nghị này; hãy ghi trả lời cho ban, ngành nào',
      },
    ]);
  }
  return own[0]?.departmentId;
}

const notAssigned = () => new ForbiddenError('Ban, ngành của bạn không được giao trả lời kiến nghị này.');

const answerTaken = () =>
  new ConflictError('concurrent_change', 'Trả lời vừa được ghi bởi thao tác khác; hãy tải lại rồi thử lại.');

/** A holding answer (with the day of the substantive one) or the substantive answer of the caller's department. */
export function giveAnswer(input: AnswerInput, by: ProposalActor): ProposalStep {
  const problems = answerProblems(input);
  if (problems.length > 0) throw new ValidationError(problems);
  return {
    action: 'answer',
    unitsOf: (record) => {
      const departmentId = answeringDepartment(record, input, by);
      return departmentId === undefined ? {} : { department: departmentId };
    },
    build: (record, _to, changes) => {
      const departmentId = answeringDepartment(record, input, by);
      const before = departmentId === undefined ? undefined : assignmentOf(record, departmentId);
      if (!before) throw notAssigned();
      const holding = input.kind === 'holding';
      const status = assignmentLifecycle.require(
        before.status,
        holding ? 'hold' : 'answer',
        by.rolesOver({ department: before.departmentId }),
      );
      const n = before.answerCount + 1;
      const answer: Answer = {
        id: answerIdOf(before.departmentId, n),
        proposalId: record.id,
        departmentId: before.departmentId,
        departmentName: before.departmentName,
        kind: input.kind,
        text: input.text,
        ...(holding && { expectedBy: input.expectedBy }),
        round: before.rounds + 1,
        answeredAt: changes.at,
        answeredBy: by.person,
      };
      changes.create(
        { type: 'answer', id: `${record.id}/${answer.id}` },
        keys.proposalAnswer(record.id, before.departmentId, n),
        answer,
        answerTaken(),
      );
      const { expectedBy: _previous, ...rest } = before;
      const after: DepartmentAssignment = {
        ...rest,
        status,
        answerCount: n,
        rounds: holding ? before.rounds : before.rounds + 1,
        latestAnswerId: answer.id,
        ...(holding ? { expectedBy: input.expectedBy } : { answeredAt: changes.at }),
      };
      moveQueueEntry(changes, record, before, after);
      const label = holding ? `Trả lời tạm (hẹn ${input.expectedBy})` : `Trả lời lần ${after.rounds}`;
      return {
        after: withAssignment(record, after),
        note: `${label} của ${before.departmentName}: ${input.text}`,
        answerId: answer.id,
      };
    },
  };
}

/** The answer `answerId` as the record knows it: its department's assignment, which must have given it. */
function reviewedAssignment(record: ProposalRecord, answerId: string): DepartmentAssignment {
  const parsed = parseAnswerId(answerId);
  const assignment = parsed && assignmentOf(record, parsed.departmentId);
  if (!parsed || !assignment || parsed.n > assignment.answerCount) {
    throw new NotFoundError(`Kiến nghị không có trả lời "${answerId}".`, 'answer_not_found');
  }
  return assignment;
}

/**
 * Accepts an answer, or returns it with the reason (and, if given, a new due day): only a
 * department's latest substantive answer not yet reviewed. The last acceptance completes the
 * district's answer (`complete-answer`).
 */
export function reviewAnswer(answerId: string, input: ReviewInput, by: ProposalActor): ProposalStep {
  const problems = reviewProblems(input);
  if (problems.length > 0) throw new ValidationError(problems);
  return {
    action: (record) => {
      if (input.decision === 'return') return 'return-answer';
      const reviewed = parseAnswerId(answerId)?.departmentId;
      const once = (record.assignments ?? []).map((a) =>
        a.departmentId === reviewed ? { status: 'accepted' as const } : a,
      );
      return answerComplete(once) ? 'complete-answer' : 'accept-answer';
    },
    unitsOf: () => ({}),
    build: (record, _to, changes) => {
      const before = reviewedAssignment(record, answerId);
      if (before.latestAnswerId !== answerId) throw new ConflictError(NOT_REVIEWABLE.code, NOT_REVIEWABLE.message);
      const status = assignmentLifecycle.require(before.status, input.decision, by.rolesOver({}));
      const review: AnswerReview = {
        proposalId: record.id,
        answerId,
        decision: input.decision,
        ...(input.reason !== undefined && { reason: input.reason }),
        at: changes.at,
        by: by.person,
      };
      const n = before.answerCount;
      changes.create(
        { type: 'answer-review', id: `${record.id}/${answerId}` },
        keys.answerReview(record.id, before.departmentId, n),
        review,
        answerTaken(),
      );
      const after: DepartmentAssignment = {
        ...before,
        status,
        dueDate: input.dueDate ?? before.dueDate,
        ...(input.decision === 'accept' && { acceptedAt: changes.at }),
      };
      moveQueueEntry(changes, record, before, after);
      const note =
        input.decision === 'accept'
          ? `Chấp nhận trả lời lần ${before.rounds} của ${before.departmentName}`
          : `Trả lại trả lời lần ${before.rounds} của ${before.departmentName}: ${input.reason}`;
      return { after: withAssignment(record, after), note, answerId };
    },
  };
}
