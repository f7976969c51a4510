/**
 * What the answers' items hold, as schemas the stores check every read against (the views say what
 * routes answer; these say what the table keeps). Loose objects: a field this code does not know
 * yet is kept, not dropped; each declared field must have its type.
 */
import * as z from 'zod/mini';
import type { Person } from '../cycle/meeting';
import { lazy } from '../schema-kit';
import type { StoredAnswerSettings } from './answer-settings';
import {
  type Answer,
  type AnswerReview,
  answerKinds,
  type CommuneResult,
  type Confirmation,
  type DepartmentAssignment,
  type Reminder,
  resultOutcomes,
  reviewDecisions,
} from './answers';
import { assignmentStates } from './assignment-lifecycle';

export const personRecord: z.ZodMiniType<Person> = lazy(() =>
  z.looseObject({ officialId: z.string(), name: z.string() }),
);

export const departmentAssignmentRecord: z.ZodMiniType<DepartmentAssignment> = lazy(() =>
  z.looseObject({
    departmentId: z.string(),
    departmentName: z.string(),
    status: z.enum(assignmentStates),
    dueDate: z.string(),
    assignedAt: z.string(),
    answerCount: z.number(),
    rounds: z.number(),
    latestAnswerId: z.optional(z.string()),
    expectedBy: z.optional(z.string()),
  }),
);

export const answerRecord: z.ZodMiniType<Answer> = lazy(() =>
  z.looseObject({
    id: z.string(),
    proposalId: z.string(),
    departmentId: z.string(),
    departmentName: z.string(),
    kind: z.enum(answerKinds),
    text: z.string(),
    expectedBy: z.optional(z.string()),
    round: z.number(),
    answeredAt: z.string(),
    answeredBy: personRecord,
  }),
);

export const answerReviewRecord: z.ZodMiniType<AnswerReview> = lazy(() =>
  z.looseObject({
    proposalId: z.string(),
    answerId: z.string(),
    decision: z.enum(reviewDecisions),
    reason: z.optional(z.string()),
    at: z.string(),
    by: personRecord,
  }),
);

export const communeResultRecord: z.ZodMiniType<CommuneResult> = lazy(() =>
  z.looseObject({
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
    remainingBy: z.optional(z.string()),
    reportedAt: z.string(),
    reportedBy: personRecord,
  }),
);

export const confirmationRecord: z.ZodMiniType<Confirmation> = lazy(() =>
  z.looseObject({
    solved: z.boolean(),
    note: z.string(),
    at: z.string(),
    by: personRecord,
  }),
);

export const reminderRecord: z.ZodMiniType<Reminder> = lazy(() =>
  z.looseObject({
    note: z.string(),
    at: z.string(),
    by: personRecord,
  }),
);

export const answerSettingsRecord: z.ZodMiniType<StoredAnswerSettings> = lazy(() =>
  z.looseObject({
    districtName: z.string(),
    dueDaysBeforeMeetings: z.optional(z.number()),
    issuingBody: z.optional(z.string()),
    place: z.optional(z.string()),
    recipients: z.optional(z.array(z.string())),
  }),
);
