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
import { lazy, named, namedPageOf, shapeOf, withFieldsAfter } from '../schema-kit';
import { type HistoryEntry, isOverdue, type ProposalRecord } from './proposal';
import { withFieldLabel } from './proposal-fields';
import { proposalStateLabels } from './proposal-lifecycle';
import { historyEntryShape, proposalShape } from './proposal-records';
import { addresseeView } from './report-views';

const instant = z.string();

export const proposalView = named(
  lazy(() =>
    z.strictObject(
      withFieldsAfter(
        proposalShape({
          addressee: addresseeView,
          legacyAnswer: z.strictObject({ text: z.string(), answeredOn: z.optional(z.string()) }),
          result: communeResultView,
          assignment: assignmentView,
          announced: z.strictObject({ meetingId: z.string(), at: instant }),
          confirmation: confirmationView,
          reminder: reminderView,
        }),
        {
          status: { statusLabel: z.string() },
          field: { fieldLabel: z.string() },
          dueMonth: {
            /** A commune's result not heard by the zone's next meeting, or a department's answer past its due day (Vietnam time). */
            overdue: z.boolean(),
            overdueSince: z.optional(instant),
          },
          mergedInto: {
            /** When it stopped being open (closed or merged). */
            endedAt: z.optional(instant),
          },
        },
      ),
    ),
  ),
  'Proposal',
);

export const historyEntryView = named(
  lazy(() => z.strictObject(historyEntryShape(personView))),
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

export const proposalPageView = namedPageOf(proposalView, 'ProposalPage');

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
