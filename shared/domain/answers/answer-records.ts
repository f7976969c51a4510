/**
 * What the answers' items hold, as schemas the stores check every read against (the views say what
 * routes answer; these say what the table keeps). Loose objects: a field this code does not know
 * yet is kept, not dropped; each declared field must have its type. The fields an item and its
 * view share are listed once here (`assignmentShape` and the like), with the person in them given.
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

/** A department's assignment's fields, stored and shown alike (the view adds its label and what is overdue). */
export function assignmentShape() {
  return {
    departmentId: z.string(),
    departmentName: z.string(),
    status: z.enum(assignmentStates),
    dueDate: z.string(),
    assignedAt: z.string(),
    answerCount: z.number(),
    /** Substantive answers given: the rounds of review. */
    rounds: z.number(),
    latestAnswerId: z.optional(z.string()),
    expectedBy: z.optional(z.string()),
  };
}

export const departmentAssignmentRecord: z.ZodMiniType<DepartmentAssignment> = lazy(() =>
  z.looseObject(assignmentShape()),
);

/**
 * An answer's fields, stored and shown alike but for the person who gave it; the record adds the
 * proposal it answers after its `id`.
 */
export function answerShape<Person extends z.ZodMiniType>(person: Person) {
  return {
    departmentId: z.string(),
    departmentName: z.string(),
    kind: z.enum(answerKinds),
    text: z.string(),
    expectedBy: z.optional(z.string()),
    round: z.number(),
    answeredAt: z.string(),
    answeredBy: person,
  };
}

export const answerRecord: z.ZodMiniType<Answer> = lazy(() =>
  z.looseObject({ id: z.string(), proposalId: z.string(), ...answerShape(personRecord) }),
);

/** A review's fields, stored and shown alike but for the reviewer; the record adds what it reviews. */
export function reviewShape<Person extends z.ZodMiniType>(person: Person) {
  return { decision: z.enum(reviewDecisions), reason: z.optional(z.string()), at: z.string(), by: person };
}

export const answerReviewRecord: z.ZodMiniType<AnswerReview> = lazy(() =>
  z.looseObject({ proposalId: z.string(), answerId: z.string(), ...reviewShape(personRecord) }),
);

/** A commune's result's fields, stored and shown alike but for the person who reported it. */
export function communeResultShape<Person extends z.ZodMiniType>(person: Person) {
  return {
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
    reportedBy: person,
  };
}

export const communeResultRecord: z.ZodMiniType<CommuneResult> = lazy(() =>
  z.looseObject(communeResultShape(personRecord)),
);

/** A confirmation's fields, stored and shown alike but for the person who confirmed. */
export function confirmationShape<Person extends z.ZodMiniType>(person: Person) {
  return { solved: z.boolean(), note: z.string(), at: z.string(), by: person };
}

export const confirmationRecord: z.ZodMiniType<Confirmation> = lazy(() =>
  z.looseObject(confirmationShape(personRecord)),
);

/** A reminder's fields, stored and shown alike but for the person who sent it. */
export function reminderShape<Person extends z.ZodMiniType>(person: Person) {
  return { note: z.string(), at: z.string(), by: person };
}

export const reminderRecord: z.ZodMiniType<Reminder> = lazy(() => z.looseObject(reminderShape(personRecord)));

export const answerSettingsRecord: z.ZodMiniType<StoredAnswerSettings> = lazy(() =>
  z.looseObject({
    districtName: z.string(),
    dueDaysBeforeMeetings: z.optional(z.number()),
    issuingBody: z.optional(z.string()),
    place: z.optional(z.string()),
    recipients: z.optional(z.array(z.string())),
  }),
);
