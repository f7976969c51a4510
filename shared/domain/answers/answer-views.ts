/** What the answer routes show of assignments, answers, reviews, results, confirmations and reminders, as schemas. */
import * as z from 'zod/mini';
import { personView } from '../cycle/cycle-views';
import { lazy, named, withFieldsAfter } from '../schema-kit';
import {
  answerShape,
  assignmentShape,
  communeResultShape,
  confirmationShape,
  reminderShape,
  reviewShape,
} from './answer-records';
import { type Answer, type AnswerReview, assignmentOverdue, type DepartmentAssignment } from './answers';
import { assignmentStateLabels } from './assignment-lifecycle';

const instant = z.string();

export const assignmentView = named(
  lazy(() =>
    z.strictObject({
      ...withFieldsAfter(assignmentShape(), {
        status: { statusLabel: z.string() },
        dueDate: {
          /** Still owes an answer after its due day (Vietnam time). */
          overdue: z.boolean(),
        },
      }),
      /** When the latest substantive answer was given. */
      answeredAt: z.optional(instant),
      /** When it was accepted, while it stands accepted. */
      acceptedAt: z.optional(instant),
    }),
  ),
  'DepartmentAssignment',
);

const reviewView = named(
  lazy(() => z.strictObject(reviewShape(personView))),
  'AnswerReview',
);

export const answerView = named(
  lazy(() =>
    z.strictObject({
      id: z.string(),
      ...answerShape(personView),
      /** Absent while a substantive answer waits for review, and for holding answers. */
      review: z.optional(reviewView),
    }),
  ),
  'Answer',
);

export const communeResultView = named(
  lazy(() => z.strictObject(communeResultShape(personView))),
  'CommuneResult',
);

export const confirmationView = named(
  lazy(() => z.strictObject(confirmationShape(personView))),
  'SolvedConfirmation',
);

export const reminderView = named(
  lazy(() => z.strictObject(reminderShape(personView))),
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
