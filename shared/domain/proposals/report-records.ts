/**
 * What a cell report's item holds, as a schema its store checks every read against (apart from
 * `proposal-records.ts`, so functions that read proposals only do not bundle the report's lifecycle).
 */
import * as z from 'zod/mini';
import { personRecord } from '../answers/answer-records';
import { lazy } from '../schema-kit';
import { proposalFields } from './proposal-fields';
import { addresseeRecord } from './proposal-records';
import type { Report } from './report';
import { reportStates } from './report-lifecycle';

const reportProposalRecord = lazy(() =>
  z.looseObject({
    field: z.optional(z.enum(proposalFields)),
    title: z.optional(z.string()),
    content: z.optional(z.string()),
    place: z.optional(z.string()),
    addressee: z.optional(addresseeRecord),
    withdrawal: z.optional(z.looseObject({ reason: z.string(), by: personRecord, at: z.string() })),
  }),
);

export const reportRecord: z.ZodMiniType<Report> = lazy(() =>
  z.looseObject({
    meetingId: z.string(),
    month: z.string(),
    zoneId: z.string(),
    cellId: z.string(),
    cellName: z.string(),
    communeId: z.string(),
    communeName: z.string(),
    status: z.enum(reportStates),
    situation: z.optional(z.string()),
    nextMonthTasks: z.optional(z.string()),
    followThrough: z.optional(z.looseObject({ heldOn: z.optional(z.string()), passedOn: z.optional(z.string()) })),
    proposals: z.array(reportProposalRecord),
    agreement: z.nullable(
      z.looseObject({
        agreedOn: z.string(),
        membersPresent: z.number(),
        membersTotal: z.number(),
        presidedBy: z.string(),
        recordedBy: personRecord,
        recordedAt: z.string(),
      }),
    ),
    writtenBy: personRecord,
    writtenAt: z.string(),
    submittedBy: z.optional(personRecord),
    submittedAt: z.optional(z.string()),
  }),
);
