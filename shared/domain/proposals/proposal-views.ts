/** What the proposal routes answer, as schemas (the route table, the OpenAPI document and the tests read them). */
import * as z from 'zod/mini';
import {
  answerView,
  assignmentView,
  communeResultView,
  confirmationView,
  presentAnswers,
  presentAssignment,
  reminderView,
} from '../answers/answer-views';
import type { Answer, AnswerReview, CommuneResult } from '../answers/answers';
import { personView } from '../cycle/cycle-views';
import { lazy, named, pageOf, shapeOf } from '../schema-kit';
import { type HistoryEntry, historyActions, isOverdue, type ProposalRecord } from './proposal';
import { proposalFields, withFieldLabel } from './proposal-fields';
import { proposalStateLabels, proposalStates } from './proposal-lifecycle';
import { addresseeView } from './report-views';

const instant = z.string();

export const proposalView = named(
  lazy(() =>
    z.strictObject({
      id: z.string(),
      /** `YYYY-MM/K<zone>/<nnn>` (imported: `YYYY-MM/K<zone>/L<legacy id>`), unique in the district and never given again. */
      number: z.string(),
      status: z.enum(proposalStates),
      statusLabel: z.string(),
      level: z.nullable(z.enum(['commune', 'district'])),
      meetingId: z.string(),
      month: z.string(),
      zoneId: z.string(),
      communeId: z.string(),
      /** Absent only on an imported record that names no cell. */
      cellId: z.optional(z.string()),
      cellName: z.optional(z.string()),
      field: z.enum(proposalFields),
      fieldLabel: z.string(),
      title: z.string(),
      content: z.string(),
      place: z.string(),
      addressee: addresseeView,
      source: z.enum(['report', 'floor', 'import']),
      raisedAt: instant,
      /** The id in the district's earlier records (imported only). */
      legacyId: z.optional(z.string()),
      /** The answer those records hold (imported only). */
      legacyAnswer: z.optional(z.strictObject({ text: z.string(), answeredOn: z.optional(z.string()) })),
      assignedCommuneId: z.optional(z.string()),
      dueMonth: z.optional(z.string()),
      /** A commune's result not heard by the zone's next meeting, or a department's answer past its due day (Vietnam time). */
      overdue: z.boolean(),
      overdueSince: z.optional(instant),
      mergedInto: z.optional(z.string()),
      /** When it stopped being open (closed or merged). */
      endedAt: z.optional(instant),
      result: z.optional(communeResultView),
      assignments: z.optional(z.array(assignmentView)),
      responseId: z.optional(z.string()),
      announced: z.optional(z.strictObject({ meetingId: z.string(), at: instant })),
      confirmation: z.optional(confirmationView),
      reopenCount: z.optional(z.number()),
      reminderCount: z.optional(z.number()),
      lastReminder: z.optional(reminderView),
    }),
  ),
  'Proposal',
);

export const historyEntryView = named(
  lazy(() =>
    z.strictObject({
      seq: z.number(),
      at: instant,
      by: personView,
      action: z.enum(historyActions),
      from: z.nullable(z.enum(proposalStates)),
      to: z.enum(proposalStates),
      note: z.optional(z.string()),
      answerId: z.optional(z.string()),
    }),
  ),
  'ProposalHistoryEntry',
);

export const proposalDetailView = named(
  lazy(() =>
    z.strictObject({
      ...shapeOf(proposalView),
      history: z.array(historyEntryView),
      /** Every answer of every department, each with its review, word for word. */
      answers: z.array(answerView),
      /** Every result the commune reported, oldest first. */
      results: z.array(communeResultView),
    }),
  ),
  'ProposalWithHistory',
);

export const proposalPageView = named(
  lazy(() => pageOf(proposalView)),
  'ProposalPage',
);

/** A record as the API shows it on `today` (`YYYY-MM-DD`, Vietnam, for `overdue`); its bookkeeping left out. */
export function presentProposal(record: ProposalRecord, today: string) {
  const { historyCount: _count, assignments, ...shown } = withFieldLabel(record);
  return {
    ...shown,
    statusLabel: proposalStateLabels[record.status],
    overdue: isOverdue(record, today),
    ...(assignments && { assignments: assignments.map((assignment) => presentAssignment(assignment, today)) }),
  };
}

/** Everything kept of a proposal besides its record, read from its partition. */
export interface ProposalTrail {
  readonly history: readonly HistoryEntry[];
  readonly answers: readonly Answer[];
  readonly reviews: readonly AnswerReview[];
  readonly results: readonly CommuneResult[];
}

/** A record with its history (oldest first), its answers with their reviews, and its results. */
export function presentProposalWithHistory(record: ProposalRecord, trail: ProposalTrail, today: string) {
  return {
    ...presentProposal(record, today),
    history: [...trail.history].sort((a, b) => a.seq - b.seq),
    answers: presentAnswers(trail.answers, trail.reviews),
    results: [...trail.results].sort((a, b) => a.n - b.n),
  };
}
