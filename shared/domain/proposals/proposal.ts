/**
 * A proposal record: a cell's proposal once it is raised at its zone's meeting, numbered
 * `YYYY-MM/K<zone>/<nnn>`, with an ordered history of every transition. Its text never changes
 * after it is raised; routing and merging change only its state. Records the district kept before
 * this software are imported (`source: 'import'`), numbered `YYYY-MM/K<zone>/L<legacy id>`.
 */
import * as z from 'zod/mini';
import type { ResourceUnits } from '../access/caller';
import {
  assignmentOverdue,
  type CommuneResult,
  type Confirmation,
  type DepartmentAssignment,
  type Reminder,
} from '../answers/answers';
import type { Person } from '../cycle/meeting';
import { idSchema, lazy, text } from '../schema-kit';
import { addMonths, vietnamMonth } from '../time';
import { type Addressee, addresseeSchema, type ProposalField, proposalFields } from './proposal-fields';
import { type ProposalState, proposalActions } from './proposal-lifecycle';
import { REPORT_LIMITS } from './report';
import { searchText } from './report-rules';

/** Where a proposal was raised from: a submitted report, or the floor of the meeting. */
export type ProposalSource =
  | { readonly kind: 'report'; readonly index: number }
  | { readonly kind: 'floor'; readonly n: number };

export interface ProposalRecord {
  /**
   * `<meetingId>.<cellId>.<n>` (the n-th proposal of the cell's report), `….f<n>` (the meeting's n-th
   * floor proposal), or `<meetingId>.<communeId>.l-<legacy id>` (imported).
   */
  readonly id: string;
  readonly number: string;
  readonly status: ProposalState;
  /** Who must act once routed: the commune, or the district; null while only raised. */
  readonly level: 'commune' | 'district' | null;
  readonly meetingId: string;
  readonly month: string;
  readonly zoneId: string;
  readonly communeId: string;
  /** The raising cell; an imported record may not name one. */
  readonly cellId?: string;
  readonly cellName?: string;
  readonly field: ProposalField;
  readonly title: string;
  readonly content: string;
  readonly place: string;
  readonly addressee: Addressee;
  readonly source: 'report' | 'floor' | 'import';
  readonly raisedAt: string;
  /** The id the district's earlier records gave it (imported records only). */
  readonly legacyId?: string;
  /** The answer those records hold, word for word, and the day it was given (imported records only). */
  readonly legacyAnswer?: { readonly text: string; readonly answeredOn?: string };
  /** The commune that must resolve it, while routed to a commune: the addressed commune, else the cell's. */
  readonly assignedCommuneId?: string;
  /** A commune reports the result at the zone's next meeting: the month it is due, while routed to a commune. */
  readonly dueMonth?: string;
  /** The proposal this one was folded into. */
  readonly mergedInto?: string;
  /** When it stopped being open (closed or merged): a meeting's carry-over keeps what was open at the previous close. */
  readonly endedAt?: string;
  /** Set at the close of the zone's meeting that was due to hear the commune's result and did not. */
  readonly overdueSince?: string;
  /** The commune's latest result. */
  readonly result?: CommuneResult;
  /** The departments that must answer a district-level proposal, each with its state. */
  readonly assignments?: readonly DepartmentAssignment[];
  /** The official response that carries its answer, once issued. */
  readonly responseId?: string;
  /** The meeting at whose close its answer or result was announced, the latest time. */
  readonly announced?: { readonly meetingId: string; readonly at: string };
  /** The raising cell's latest word on whether it was solved on the ground. */
  readonly confirmation?: Confirmation;
  /** How many times the cell found it not solved and it was reopened. */
  readonly reopenCount?: number;
  readonly reminderCount?: number;
  readonly lastReminder?: Reminder;
  /** How many history entries it has; the next takes the next number, under the record's version. */
  readonly historyCount: number;
}

/**
 * What a history entry records: a lifecycle action, or `import`, the record's arrival from the
 * district's earlier records (no one takes it through the transition table; the import route's
 * rule says who may import).
 */
export const historyActions = [...proposalActions, 'import'] as const;
export type HistoryAction = (typeof historyActions)[number];

/** One transition of a proposal: who, when, from which state to which, and why. */
export interface HistoryEntry {
  readonly seq: number;
  readonly at: string;
  readonly by: Person;
  readonly action: HistoryAction;
  /** Null for a floor proposal's raising and an import: it was in no state before. */
  readonly from: ProposalState | null;
  readonly to: ProposalState;
  readonly note?: string;
  /** The answer the step gave or reviewed. */
  readonly answerId?: string;
}

const PROPOSAL_ID =
  /^(\d{4}-(?:0[1-9]|1[0-2]))\.([a-z0-9][a-z0-9-]{0,62})\.([a-z0-9][a-z0-9-]{0,62})\.(f?[1-9]\d{0,3}|l-[a-z0-9][a-z0-9-]{0,39})$/;

/** A proposal id in a path. */
export const proposalIdSchema = z
  .string()
  .check(
    z.regex(
      PROPOSAL_ID,
      'Mã kiến nghị có dạng <tháng>.<khu>.<chi bộ>.<số thứ tự>, ví dụ 2027-03.khu-2.thon-ha.1 (nhập từ hồ sơ cũ: <tháng>.<khu>.<xã>.l-<mã cũ>)',
    ),
  );

/** The record id of a proposal: derived from where it comes from, so raising it twice finds it raised. */
export function proposalIdOf(meetingId: string, cellId: string, source: ProposalSource): string {
  return `${meetingId}.${cellId}.${source.kind === 'report' ? source.index : `f${source.n}`}`;
}

/** The id of a record imported from the legacy record `legacyId` (compared without case, see `legacyKey`). */
export function importedProposalId(month: string, zoneId: string, communeId: string, legacyId: string): string {
  return `${month}.${zoneId}.${communeId}.l-${legacyKey(legacyId)}`;
}

/** A legacy id as it is compared and kept in keys: without case. */
export function legacyKey(legacyId: string): string {
  return legacyId.toLowerCase();
}

/** `2006-03/K1/LGL-2006-017`: the number of an imported record, its legacy id kept as written. */
export function importedProposalNumber(prefix: string, legacyId: string): string {
  return `${prefix}/L${legacyId}`;
}

export function parseProposalId(id: string): { month: string; zoneId: string; cellId: string } | undefined {
  const match = PROPOSAL_ID.exec(id);
  return match?.[1] && match[2] && match[3] ? { month: match[1], zoneId: match[2], cellId: match[3] } : undefined;
}

/**
 * The zone's code in proposal numbers, one per zone id so that a number names its zone: the
 * number of a `khu-<n>` id (`khu-2` → `2`), else the whole id in capitals (`vung-2` → `VUNG-2`),
 * and an id of digits alone after a `-`, which no id starts with (`2` → `-2`, apart from `khu-2`'s).
 */
export function zoneCode(zoneId: string): string {
  const khu = /^khu-(\d+)$/.exec(zoneId)?.[1];
  if (khu !== undefined) return khu;
  return /^\d+$/.test(zoneId) ? `-${zoneId}` : zoneId.toUpperCase();
}

/** What every number of a zone's month starts with: `2027-03/K2`. */
export function numberPrefix(month: string, zoneId: string): string {
  return `${month}/K${zoneCode(zoneId)}`;
}

/** `2027-03/K2/007`. */
export function proposalNumber(prefix: string, seq: number): string {
  return `${prefix}/${String(seq).padStart(3, '0')}`;
}

/** Longest word a search indexes; longer ones are cut the same way in the index and the query. */
const MAX_WORD = 40;

/** The distinct words of a text as searches match them: folded, without diacritics or case. */
export function searchWords(value: string): string[] {
  const folded = searchText(value);
  return folded === '' ? [] : [...new Set(folded.split(' ').map((word) => word.slice(0, MAX_WORD)))];
}

/** The words of a proposal a search finds it by: those of its title and content. */
export function proposalWords(proposal: Pick<ProposalRecord, 'title' | 'content'>): string[] {
  return searchWords(`${proposal.title} ${proposal.content}`);
}

/** `POST /meetings/{meetingId}/floor-proposals`: a proposal raised from the floor, on behalf of a cell. */
export const floorProposalBodySchema = lazy(() =>
  z.strictObject({
    cellId: idSchema,
    field: z.enum(proposalFields),
    title: text(REPORT_LIMITS.title),
    content: text(REPORT_LIMITS.content),
    place: text(REPORT_LIMITS.place),
    addressee: addresseeSchema,
  }),
);
export type FloorProposalInput = z.infer<typeof floorProposalBodySchema>;

/** A floor proposal as the meeting keeps it until its close raises it. */
export interface FloorProposal extends FloorProposalInput {
  readonly meetingId: string;
  /** Its order among the meeting's floor proposals, from 1. */
  readonly n: number;
  readonly cellName: string;
  readonly communeId: string;
  readonly addedBy: Person;
  readonly addedAt: string;
  /** Who corrected it last, and when (while the meeting was held). */
  readonly editedBy?: Person;
  readonly editedAt?: string;
}

/** A floor proposal's order in a path (`…/floor-proposals/{n}`). */
export const floorPositionSchema = lazy(() =>
  z.pipe(
    z.string().check(z.regex(/^[1-9]\d{0,3}$/, 'Số thứ tự kiến nghị nêu tại hội nghị, từ 1')),
    z.transform(Number),
  ),
);

/** `POST /proposals/{proposalId}/route`: who must act on it, and why when it is routed again. */
export const routeBodySchema = lazy(() =>
  z.strictObject({
    level: z.enum(['commune', 'district']),
    /** Required when the proposal was routed before. */
    reason: z.optional(text(500)),
  }),
);

/** `POST /proposals/{proposalId}/merge`: the proposal the path's duplicate is folded into, and why. */
export const mergeBodySchema = lazy(() =>
  z.strictObject({
    into: proposalIdSchema,
    reason: text(500),
  }),
);

/**
 * The units through which someone may see a proposal, each a separate way in: its zone, commune and
 * cell; the commune it is routed to; the department it is addressed to. A caller sees it when one
 * of their grants covers one of these.
 */
export function proposalScopes(record: ProposalRecord): ResourceUnits[] {
  const { zoneId, communeId, cellId, addressee, level, assignedCommuneId, assignments = [] } = record;
  return [
    { zone: zoneId, commune: communeId, cell: cellId },
    ...(level === 'commune' && assignedCommuneId !== undefined ? [{ commune: assignedCommuneId }] : []),
    ...(addressee.kind === 'department' && addressee.id !== undefined ? [{ department: addressee.id }] : []),
    ...assignments.map((assignment) => ({ department: assignment.departmentId })),
  ];
}

/** The units whose roles act on a proposal: its zone's leaders (and, for a withdrawal, its cell's secretary). */
export function actingUnits(record: Pick<ProposalRecord, 'zoneId' | 'communeId' | 'cellId'>): ResourceUnits {
  return { zone: record.zoneId, commune: record.communeId, cell: record.cellId };
}

/**
 * The month of the zone's meeting at which a commune reports the result of a proposal routed to it
 * at `routedAt`: the meeting after the one that raised it, or, routed later, the meeting of the
 * month after the routing, so a commune always has until a whole month's meeting to resolve it.
 */
export function communeDueMonth(raisedMonth: string, routedAt: Date): string {
  const afterRaising = addMonths(raisedMonth, 1);
  const afterRouting = addMonths(vietnamMonth(routedAt), 1);
  // months as `YYYY-MM` sort as they come.
  return afterRouting.localeCompare(afterRaising) > 0 ? afterRouting : afterRaising;
}

/**
 * Overdue on `today` (`YYYY-MM-DD`, Vietnam): routed to a commune whose zone's next meeting closed
 * without its result (or whose month has passed), or assigned to a department that still owes an
 * answer after its due day.
 */
export function isOverdue(
  record: Pick<ProposalRecord, 'status' | 'dueMonth' | 'overdueSince' | 'assignments'>,
  today: string,
): boolean {
  if (record.status === 'routed-commune') {
    return record.overdueSince !== undefined || (record.dueMonth !== undefined && record.dueMonth < today.slice(0, 7));
  }
  return record.status === 'assigned' && (record.assignments ?? []).some((a) => assignmentOverdue(a, today));
}
