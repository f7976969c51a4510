/**
 * What a cell report's item holds, as a schema its store checks every read against (apart from
 * `proposal-records.ts`, so functions that read proposals only do not bundle the report's lifecycle),
 * and the fields `report-views.ts` shows of it the same way.
 */
import * as z from 'zod/mini';
import { personRecord } from '../answers/answer-records';
import { lazy } from '../schema-kit';
import { proposalFields } from './proposal-fields';
import { addresseeRecord } from './proposal-records';
import type { Report } from './report';
import { reportStates } from './report-lifecycle';
import { cellFields } from './report-status-view';

/** A report's proposal's fields, stored and shown alike but for its addressee and its withdrawal. */
export function reportProposalShape<Addressee extends z.ZodMiniType, Withdrawal extends z.ZodMiniType>(parts: {
  readonly addressee: Addressee;
  readonly withdrawal: Withdrawal;
}) {
  return {
    field: z.optional(z.enum(proposalFields)),
    title: z.optional(z.string()),
    content: z.optional(z.string()),
    place: z.optional(z.string()),
    addressee: z.optional(parts.addressee),
    /** Set once the cell withdrew it: the meeting does not raise it. */
    withdrawal: z.optional(parts.withdrawal),
  };
}

/** The committee's agreement to a report, stored and shown alike but for the person who recorded it. */
export function agreementShape<Person extends z.ZodMiniType>(person: Person) {
  return {
    agreedOn: z.string(),
    membersPresent: z.number(),
    membersTotal: z.number(),
    presidedBy: z.string(),
    recordedBy: person,
    recordedAt: z.string(),
  };
}

/**
 * A report's fields, stored and shown alike but for its nested parts: loose as the table keeps
 * them, strict as the routes show them.
 */
export function reportShape<
  Proposal extends z.ZodMiniType,
  FollowThrough extends z.ZodMiniType,
  Agreement extends z.ZodMiniType,
  Person extends z.ZodMiniType,
>(parts: {
  readonly proposal: Proposal;
  readonly followThrough: FollowThrough;
  readonly agreement: Agreement;
  readonly person: Person;
}) {
  return {
    meetingId: z.string(),
    month: z.string(),
    zoneId: z.string(),
    ...cellFields,
    status: z.enum(reportStates),
    situation: z.optional(z.string()),
    nextMonthTasks: z.optional(z.string()),
    followThrough: z.optional(parts.followThrough),
    proposals: z.array(parts.proposal),
    agreement: z.nullable(parts.agreement),
    writtenBy: parts.person,
    writtenAt: z.string(),
    submittedBy: z.optional(parts.person),
    submittedAt: z.optional(z.string()),
  };
}

const reportProposalRecord = lazy(() =>
  z.looseObject(
    reportProposalShape({
      addressee: addresseeRecord,
      withdrawal: z.looseObject({ reason: z.string(), by: personRecord, at: z.string() }),
    }),
  ),
);

export const reportRecord: z.ZodMiniType<Report> = lazy(() =>
  z.looseObject(
    reportShape({
      proposal: reportProposalRecord,
      followThrough: z.looseObject({ heldOn: z.optional(z.string()), passedOn: z.optional(z.string()) }),
      agreement: z.looseObject(agreementShape(personRecord)),
      person: personRecord,
    }),
  ),
);
