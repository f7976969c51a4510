/**
 * What follows a proposal's routing: a commune's result, the departments assigned to answer a
 * district-level proposal, their answers (holding, then substantive) and the reviews of them, the
 * raising cell's confirmation and its reminders. Answers, reviews and results are items of their
 * own, written once and never rewritten, so every earlier text stays word for word.
 */
import * as z from 'zod/mini';
import type { Person } from '../cycle/meeting';
import type { FieldProblem } from '../errors';
import { dateSchema, idSchema, lazy, text } from '../schema-kit';
import { type AssignmentState, OWING_STATES } from './assignment-lifecycle';

/** One department's part in answering a district-level proposal, kept on the proposal record. */
export interface DepartmentAssignment {
  readonly departmentId: string;
  readonly departmentName: string;
  readonly status: AssignmentState;
  /** `YYYY-MM-DD` in Vietnam: the substantive answer is due by the end of this day. */
  readonly dueDate: string;
  readonly assignedAt: string;
  /** How many answers (holding and substantive) the department has given here; the next takes the next number. */
  readonly answerCount: number;
  /** Substantive answers given: the rounds of review, counted on when the proposal is reopened. */
  readonly rounds: number;
  readonly latestAnswerId?: string;
  /** The day the latest holding answer promised the substantive one by. */
  readonly expectedBy?: string;
  /** When the latest substantive answer was given: on time when by its due day. */
  readonly answeredAt?: string;
  /** When that answer was accepted, while it stands accepted. */
  readonly acceptedAt?: string;
}

export const answerKinds = ['holding', 'substantive'] as const;
export type AnswerKind = (typeof answerKinds)[number];

export interface Answer {
  /** `<departmentId>.<n>`: the department's n-th answer to the proposal. */
  readonly id: string;
  readonly proposalId: string;
  readonly departmentId: string;
  readonly departmentName: string;
  readonly kind: AnswerKind;
  readonly text: string;
  /** A holding answer's promised day for the substantive one. */
  readonly expectedBy?: string;
  /** The department's round this answer belongs to (a holding answer: the round it holds a place in). */
  readonly round: number;
  readonly answeredAt: string;
  readonly answeredBy: Person;
}

export const reviewDecisions = ['accept', 'return'] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

export interface AnswerReview {
  readonly proposalId: string;
  readonly answerId: string;
  readonly decision: ReviewDecision;
  readonly reason?: string;
  readonly at: string;
  readonly by: Person;
}

export const resultOutcomes = ['resolved', 'partly-resolved', 'beyond-authority'] as const;
export type ResultOutcome = (typeof resultOutcomes)[number];

export const resultOutcomeLabels: Record<ResultOutcome, string> = {
  resolved: 'đã giải quyết dứt điểm',
  'partly-resolved': 'đã giải quyết một phần',
  'beyond-authority': 'vượt thẩm quyền của xã, đề nghị huyện giải quyết',
};

/** A commune's report on a proposal routed to it: also an entry of its zone's next agenda. */
export interface CommuneResult {
  /** The proposal's n-th result (a reopened proposal is reported on again). */
  readonly n: number;
  readonly proposalId: string;
  readonly number: string;
  readonly title: string;
  /** The raising cell's name; an imported record may not name one. */
  readonly cellName?: string;
  readonly zoneId: string;
  readonly communeId: string;
  readonly outcome: ResultOutcome;
  readonly outcomeLabel: string;
  readonly text: string;
  readonly remaining?: string;
  readonly remainingBy?: string;
  readonly reportedAt: string;
  readonly reportedBy: Person;
}

/** The raising cell's word on whether the problem was solved on the ground. */
export interface Confirmation {
  readonly solved: boolean;
  readonly note: string;
  readonly at: string;
  readonly by: Person;
}

export interface Reminder {
  readonly note: string;
  readonly at: string;
  readonly by: Person;
}

const ANSWER_ID = /^([a-z0-9][a-z0-9-]{0,62})\.([1-9]\d{0,2})$/;

export const answerIdSchema = z
  .string()
  .check(z.regex(ANSWER_ID, 'Mã trả lời có dạng <mã ban, ngành>.<số thứ tự>, ví dụ phong-nn-ptnt.2'));

export function answerIdOf(departmentId: string, n: number): string {
  return `${departmentId}.${n}`;
}

export function parseAnswerId(id: string): { departmentId: string; n: number } | undefined {
  const match = ANSWER_ID.exec(id);
  return match?.[1] && match[2] ? { departmentId: match[1], n: Number(match[2]) } : undefined;
}

/** Most departments one proposal is assigned to. */
export const MAX_ASSIGNED_DEPARTMENTS = 12;

/** `POST /proposals/{proposalId}/assignments`: the departments that must answer, each by a day. */
export const assignmentsBodySchema = lazy(() =>
  z.strictObject({
    departments: z
      .array(
        z.strictObject({
          departmentId: idSchema,
          /** When absent: the district's rule, a number of days before next month's meetings. */
          dueDate: z.optional(dateSchema),
        }),
      )
      .check(z.minLength(1, 'Cần giao ít nhất một ban, ngành'), z.maxLength(MAX_ASSIGNED_DEPARTMENTS)),
    note: z.optional(text(500)),
  }),
);
export type AssignmentsInput = z.infer<typeof assignmentsBodySchema>;

/** `POST /proposals/{proposalId}/answers`: a holding answer (with the day of the substantive one) or the substantive answer. */
export const answerBodySchema = lazy(() =>
  z.strictObject({
    kind: z.enum(answerKinds),
    text: text(8_000),
    /** Required for a holding answer. */
    expectedBy: z.optional(dateSchema),
    /** Needed only by an official of several departments assigned to the same proposal. */
    departmentId: z.optional(idSchema),
  }),
);
export type AnswerInput = z.infer<typeof answerBodySchema>;

/** `POST /proposals/{proposalId}/answers/{answerId}/review`: accept the answer, or return it with the reason. */
export const reviewBodySchema = lazy(() =>
  z.strictObject({
    decision: z.enum(reviewDecisions),
    /** Required to return an answer. */
    reason: z.optional(text(2_000)),
    /** A returned answer's new due day; the assignment's own when absent. */
    dueDate: z.optional(dateSchema),
  }),
);
export type ReviewInput = z.infer<typeof reviewBodySchema>;

/** `POST /proposals/{proposalId}/result`: what the commune did. */
export const resultBodySchema = lazy(() =>
  z.strictObject({
    outcome: z.enum(resultOutcomes),
    /** What was done, or why it is beyond the commune's authority. */
    text: text(5_000),
    /** What remains to be done: required when partly resolved. */
    remaining: z.optional(text(2_000)),
    /** By when the rest will be done: required when partly resolved. */
    remainingBy: z.optional(dateSchema),
  }),
);
export type ResultInput = z.infer<typeof resultBodySchema>;

/** `POST /proposals/{proposalId}/confirmation`: was the problem solved on the ground? */
export const confirmationBodySchema = lazy(() =>
  z.strictObject({
    solved: z.boolean(),
    note: text(2_000),
  }),
);

/** `POST /proposals/{proposalId}/reminders`. */
export const reminderBodySchema = lazy(() => z.strictObject({ note: text(1_000) }));

function required(path: string, message: string): FieldProblem {
  return { path, code: 'required', message };
}

function notAllowed(path: string, message: string): FieldProblem {
  return { path, code: 'not_allowed', message };
}

/** What the schemas cannot say of an answer: a holding answer names its day, a substantive one does not. */
export function answerProblems(input: AnswerInput): FieldProblem[] {
  if (input.kind === 'holding' && input.expectedBy === undefined) {
    return [required('/expectedBy', 'Trả lời tạm cần ghi ngày sẽ có trả lời chính thức')];
  }
  if (input.kind === 'substantive' && input.expectedBy !== undefined) {
    return [notAllowed('/expectedBy', 'Chỉ trả lời tạm mới ghi ngày hẹn trả lời chính thức')];
  }
  return [];
}

export function reviewProblems(input: ReviewInput): FieldProblem[] {
  if (input.decision === 'return' && input.reason === undefined) {
    return [required('/reason', 'Trả lại câu trả lời cần ghi lý do chưa đạt')];
  }
  if (input.decision === 'accept' && input.dueDate !== undefined) {
    return [notAllowed('/dueDate', 'Chỉ ghi hạn mới khi trả lại câu trả lời')];
  }
  return [];
}

/** A partly resolved proposal says what remains and by when; the other outcomes do not. */
export function resultProblems(input: ResultInput): FieldProblem[] {
  const partly = input.outcome === 'partly-resolved';
  return (['remaining', 'remainingBy'] as const).flatMap((field) => {
    if (partly && input[field] === undefined) {
      return [required(`/${field}`, 'Giải quyết một phần cần ghi phần còn lại và thời hạn hoàn thành')];
    }
    if (!partly && input[field] !== undefined) {
      return [notAllowed(`/${field}`, 'Chỉ ghi phần còn lại khi kiến nghị mới giải quyết một phần')];
    }
    return [];
  });
}

/** The district's answer is complete when every assigned department's latest answer is accepted. */
export function answerComplete(assignments: readonly Pick<DepartmentAssignment, 'status'>[]): boolean {
  return assignments.length > 0 && assignments.every((assignment) => assignment.status === 'accepted');
}

/** A department is overdue while it still owes an answer after the day it was due. */
export function assignmentOverdue(
  assignment: Pick<DepartmentAssignment, 'status' | 'dueDate'>,
  today: string,
): boolean {
  return OWING_STATES.includes(assignment.status) && assignment.dueDate < today;
}
