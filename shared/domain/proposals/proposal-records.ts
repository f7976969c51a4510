/**
 * What the proposals' and reports' items hold, as schemas the stores check every read against
 * (loose objects, like `../answers/answer-records.ts`: unknown fields kept, declared ones typed),
 * and the fields the views show of them the same way (`proposalShape` and the like).
 */
import * as z from 'zod/mini';
import {
  communeResultRecord,
  confirmationRecord,
  departmentAssignmentRecord,
  personRecord,
  reminderRecord,
} from '../answers/answer-records';
import { lazy, withFieldsAfter } from '../schema-kit';
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

/**
 * The fields a proposal has both as stored and as shown, in their order, its nested parts given:
 * loose as the table keeps them, strict as the routes show them. `overdueSince` is not among them:
 * the record keeps it after `mergedInto` (replies list a record's fields in the order it is read
 * with), the view shows it after `overdue`.
 */
export function proposalShape<
  Addressee extends z.ZodMiniType,
  LegacyAnswer extends z.ZodMiniType,
  Result extends z.ZodMiniType,
  Assignment extends z.ZodMiniType,
  Announced extends z.ZodMiniType,
  Confirmation extends z.ZodMiniType,
  Reminder extends z.ZodMiniType,
>(parts: {
  readonly addressee: Addressee;
  readonly legacyAnswer: LegacyAnswer;
  readonly result: Result;
  readonly assignment: Assignment;
  readonly announced: Announced;
  readonly confirmation: Confirmation;
  readonly reminder: Reminder;
}) {
  return {
    id: z.string(),
    /** `YYYY-MM/K<zone>/<nnn>` (imported: `YYYY-MM/K<zone>/L<legacy id>`), unique in the district and never given again. */
    number: z.string(),
    status: z.enum(proposalStates),
    level: z.nullable(z.enum(['commune', 'district'])),
    meetingId: z.string(),
    month: z.string(),
    zoneId: z.string(),
    communeId: z.string(),
    /** Absent only on an imported record that names no cell. */
    cellId: z.optional(z.string()),
    cellName: z.optional(z.string()),
    field: z.enum(proposalFields),
    title: z.string(),
    content: z.string(),
    place: z.string(),
    addressee: parts.addressee,
    source: z.enum(['report', 'floor', 'import']),
    raisedAt: z.string(),
    /** The id in the district's earlier records (imported only). */
    legacyId: z.optional(z.string()),
    /** The answer those records hold (imported only). */
    legacyAnswer: z.optional(parts.legacyAnswer),
    assignedCommuneId: z.optional(z.string()),
    dueMonth: z.optional(z.string()),
    mergedInto: z.optional(z.string()),
    result: z.optional(parts.result),
    assignments: z.optional(z.array(parts.assignment)),
    responseId: z.optional(z.string()),
    announced: z.optional(parts.announced),
    confirmation: z.optional(parts.confirmation),
    reopenCount: z.optional(z.number()),
    reminderCount: z.optional(z.number()),
    lastReminder: z.optional(parts.reminder),
  };
}

export const proposalRecordSchema: z.ZodMiniType<ProposalRecord> = lazy(() =>
  z.looseObject({
    ...withFieldsAfter(
      proposalShape({
        addressee: addresseeRecord,
        legacyAnswer: z.looseObject({ text: z.string(), answeredOn: z.optional(z.string()) }),
        result: communeResultRecord,
        assignment: departmentAssignmentRecord,
        announced: z.looseObject({ meetingId: z.string(), at: z.string() }),
        confirmation: confirmationRecord,
        reminder: reminderRecord,
      }),
      { mergedInto: { overdueSince: z.optional(z.string()) } },
    ),
    historyCount: z.number(),
  }),
);

/** A history entry's fields, stored and shown alike but for the person who acted (`by`). */
export function historyEntryShape<By extends z.ZodMiniType>(by: By) {
  return {
    seq: z.number(),
    at: z.string(),
    by,
    action: z.enum(historyActions),
    from: z.nullable(z.enum(proposalStates)),
    to: z.enum(proposalStates),
    note: z.optional(z.string()),
    answerId: z.optional(z.string()),
  };
}

export const historyEntryRecord: z.ZodMiniType<HistoryEntry> = lazy(() =>
  z.looseObject(historyEntryShape(personRecord)),
);

/** A floor proposal's fields, stored and shown alike but for its addressee and the person who added it. */
export function floorProposalShape<Addressee extends z.ZodMiniType, Person extends z.ZodMiniType>(
  addressee: Addressee,
  person: Person,
) {
  return {
    meetingId: z.string(),
    /** Its order among the meeting's floor proposals. */
    n: z.number(),
    cellId: z.string(),
    cellName: z.string(),
    communeId: z.string(),
    field: z.enum(proposalFields),
    title: z.string(),
    content: z.string(),
    place: z.string(),
    addressee,
    addedBy: person,
    addedAt: z.string(),
    /** Who corrected it last, before the meeting closed. */
    editedBy: z.optional(person),
    editedAt: z.optional(z.string()),
  };
}

export const floorProposalRecord: z.ZodMiniType<FloorProposal> = lazy(() =>
  z.looseObject(floorProposalShape(addresseeRecord, personRecord)),
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
