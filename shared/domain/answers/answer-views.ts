/** What the answer routes show of assignments, answers, reviews, results, confirmations and reminders, as schemas. */
import * as z from 'zod/mini';
import { personView } from '../cycle/cycle-views';
import { lazy, named } from '../schema-kit';
import {
  type Answer,
  type AnswerReview,
  answerKinds,
  assignmentOverdue,
  type DepartmentAssignment,
  resultOutcomes,
  reviewDecisions,
} from './answers';
import { assignmentStateLabels, assignmentStates } from './assignment-lifecycle';

const instant = z.string();
const date = z.string();

export const assignmentView = named(
  lazy(() =>
    z.strictObject({
      departmentId: z.string(),
      departmentName: z.string(),
      status: z.enum(assignmentStates),
      statusLabel: z.string(),
      dueDate: date,
      /** Still owes an answer after its due day (Vietnam time). */
      overdue: z.boolean(),
      assignedAt: instant,
      answerCount: z.number(),
      /** Substantive answers given: the rounds of review. */
      rounds: z.number(),
      latestAnswerId: z.optional(z.string()),
      expectedBy: z.optional(date),
      /** When the latest substantive answer was given. */
      answeredAt: z.optional(instant),
      /** When it was accepted, while it stands accepted. */
      acceptedAt: z.optional(instant),
    }),
  ),
  'DepartmentAssignment',
);

const reviewView = named(
  lazy(() =>
    z.strictObject({ decision: z.enum(reviewDecisions), reason: z.optional(z.string()), at: instant, by: personView }),
  ),
  'AnswerReview',
);

export const answerView = named(
  lazy(() =>
    z.strictObject({
      id: z.string(),
      departmentId: z.string(),
      departmentName: z.string(),
      kind: z.enum(answerKinds),
      text: z.string(),
      expectedBy: z.optional(date),
      round: z.number(),
      answeredAt: instant,
      answeredBy: personView,
      /** Absent while a substantive answer waits for review, and for holding answers. */
      review: z.optional(reviewView),
    }),
  ),
  'Answer',
);

export const communeResultView = named(
  lazy(() =>
    z.strictObject({
      n: z.number(),
      proposalId: z.string(),
      number: z.string(),
      title: z.string(),
      cellName: z.optional(z.string()),
      zoneId: z.string(),
      communeId: z.string(),
      outcome: z.enum(resultOutcomes),
      outcomeLabel: z.string(),
      text: z.string(),
      remaining: z.optional(z.string()),
      remainingBy: z.optional(date),
      reportedAt: instant,
      reportedBy: personView,
    }),
  ),
  'CommuneResult',
);

export const confirmationView = named(
  lazy(() => z.strictObject({ solved: z.boolean(), note: z.string(), at: instant, by: personView })),
  'SolvedConfirmation',
);

export const reminderView = named(
  lazy(() => z.strictObject({ note: z.string(), at: instant, by: personView })),
  'Reminder',
);

export function presentAssignment(assignment: DepartmentAssignment, today: string) {
  return {
    ...assignment,
    statusLabel: assignmentStateLabels[assignment.status],
    overdue: assignmentOverdue(assignment, today),
  };
}

/** Each answer with its review, if it has one, in the order given (per department, oldest first). */
export function presentAnswers(answers: readonly Answer[], reviews: readonly AnswerReview[]) {
  const byAnswer = new Map(reviews.map((review) => [review.answerId, review]));
  return [...answers]
    .sort((a, b) => a.answeredAt.localeCompare(b.answeredAt) || a.id.localeCompare(b.id))
    .map(({ proposalId: _proposal, ...answer }) => {
      const review = byAnswer.get(answer.id);
      if (!review) return answer;
      const { proposalId: _p, answerId: _a, ...shown } = review;
      return { ...answer, review: shown };
    });
}
