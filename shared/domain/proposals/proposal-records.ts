/**
 * What the proposals' and reports' items hold, as schemas the stores check every read against
 * (loose objects, like `../answers/answer-records.ts`: unknown fields kept, declared ones typed).
 */
import * as z from 'zod/mini';
import {
  communeResultRecord,
  confirmationRecord,
  departmentAssignmentRecord,
  personRecord,
  reminderRecord,
} from '../answers/answer-records';
import { lazy } from '../schema-kit';
import type { FloorProposal, HistoryEntry, ProposalRecord } from './proposal';
import { historyActions } from './proposal';
import { type Addressee, addresseeKinds, proposalFields } from './proposal-fields';
import { proposalStates } from './proposal-lifecycle';

export const addresseeRecord: z.ZodMiniType<Addressee> = lazy(() =>
  z.looseObject({
    kind: z.enum(addresseeKinds),
    id: z.optional(z.string()),
  }),
);

export const proposalRecordSchema: z.ZodMiniType<ProposalRecord> = lazy(() =>
  z.looseObject({
    id: z.string(),
    number: z.string(),
    status: z.enum(proposalStates),
    level: z.nullable(z.enum(['commune', 'district'])),
    meetingId: z.string(),
    month: z.string(),
    zoneId: z.string(),
    communeId: z.string(),
    cellId: z.optional(z.string()),
    cellName: z.optional(z.string()),
    field: z.enum(proposalFields),
    title: z.string(),
    content: z.string(),
    place: z.string(),
    addressee: addresseeRecord,
    source: z.enum(['report', 'floor', 'import']),
    raisedAt: z.string(),
    legacyId: z.optional(z.string()),
    legacyAnswer: z.optional(z.looseObject({ text: z.string(), answeredOn: z.optional(z.string()) })),
    assignedCommuneId: z.optional(z.string()),
    dueMonth: z.optional(z.string()),
    mergedInto: z.optional(z.string()),
    overdueSince: z.optional(z.string()),
    result: z.optional(communeResultRecord),
    assignments: z.optional(z.array(departmentAssignmentRecord)),
    responseId: z.optional(z.string()),
    announced: z.optional(z.looseObject({ meetingId: z.string(), at: z.string() })),
    confirmation: z.optional(confirmationRecord),
    reopenCount: z.optional(z.number()),
    reminderCount: z.optional(z.number()),
    lastReminder: z.optional(reminderRecord),
    historyCount: z.number(),
  }),
);

export const historyEntryRecord: z.ZodMiniType<HistoryEntry> = lazy(() =>
  z.looseObject({
    seq: z.number(),
    at: z.string(),
    by: personRecord,
    action: z.enum(historyActions),
    from: z.nullable(z.enum(proposalStates)),
    to: z.enum(proposalStates),
    note: z.optional(z.string()),
    answerId: z.optional(z.string()),
  }),
);

export const floorProposalRecord: z.ZodMiniType<FloorProposal> = lazy(() =>
  z.looseObject({
    meetingId: z.string(),
    n: z.number(),
    cellId: z.string(),
    cellName: z.string(),
    communeId: z.string(),
    field: z.enum(proposalFields),
    title: z.string(),
    content: z.string(),
    place: z.string(),
    addressee: addresseeRecord,
    addedBy: personRecord,
    addedAt: z.string(),
  }),
);

/** What an index entry repeats of its proposal (`entryOf`): what lists are filtered by before records are read. */
export const proposalEntryRecord = lazy(() =>
  z.looseObject({
    id: z.string(),
    month: z.string(),
    number: z.string(),
    zoneId: z.string(),
    communeId: z.string(),
    cellId: z.optional(z.string()),
    field: z.string(),
    /** `addresseeKey`: `district`, `commune:<id>` or `department:<id>`. */
    addressee: z.string(),
  }),
);
