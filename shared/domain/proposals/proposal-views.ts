/** What the proposal routes answer, as schemas (the route table, the OpenAPI document and the tests read them). */
import * as z from 'zod/mini';
import { personView } from '../cycle/cycle-views';
import { named, pageOf } from '../schema-kit';
import { type HistoryEntry, historyActions, isOverdue, type ProposalRecord } from './proposal';
import { proposalFields, withFieldLabel } from './proposal-fields';
import { proposalStateLabels, proposalStates } from './proposal-lifecycle';
import { addresseeView } from './report-views';

const instant = z.string();

export const proposalView = named(
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
    /** Routed to a commune, and the month of the zone's next meeting has passed. */
    overdue: z.boolean(),
    mergedInto: z.optional(z.string()),
  }),
  'Proposal',
);

export const historyEntryView = named(
  z.strictObject({
    seq: z.number(),
    at: instant,
    by: personView,
    action: z.enum(historyActions),
    from: z.nullable(z.enum(proposalStates)),
    to: z.enum(proposalStates),
    note: z.optional(z.string()),
  }),
  'ProposalHistoryEntry',
);

export const proposalDetailView = named(
  z.strictObject({ ...proposalView.shape, history: z.array(historyEntryView) }),
  'ProposalWithHistory',
);

export const proposalPageView = named(pageOf(proposalView), 'ProposalPage');

/** A record as the API shows it, as of `currentMonth` (for `overdue`); its bookkeeping left out. */
export function presentProposal(record: ProposalRecord, currentMonth: string) {
  const { historyCount: _count, ...shown } = withFieldLabel(record);
  return { ...shown, statusLabel: proposalStateLabels[record.status], overdue: isOverdue(record, currentMonth) };
}

/** A record with its history, oldest first. */
export function presentProposalWithHistory(
  record: ProposalRecord,
  history: readonly HistoryEntry[],
  currentMonth: string,
) {
  return { ...presentProposal(record, currentMonth), history: [...history].sort((a, b) => a.seq - b.seq) };
}
