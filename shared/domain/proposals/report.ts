/**
 * A cell's monthly report to its zone's meeting: the cell's situation, its tasks for next month,
 * how it passed on the previous meeting's conclusions, and its proposals. A draft may be
 * incomplete; the cell committee agrees it, then the cell secretary submits it (see
 * `report-rules.ts` for what a submitted report must say).
 */
import * as z from 'zod/mini';
import type { Person } from '../cycle/meeting';
import { dateSchema, lazy, text } from '../schema-kit';
import { addresseeSchema, proposalFields } from './proposal-fields';
import type { ReportState } from './report-lifecycle';
import type { ReportContent } from './report-rules';

/**
 * The most a report holds. A report and its audit record (which carries it before and after a
 * change) must fit DynamoDB's 400 KB item: at most 3 bytes per UTF-16 unit, these limits keep a
 * report under 160 KB (`test/unit/cell-report.test.ts` works it out).
 */
export const REPORT_LIMITS = {
  section: 4_000,
  passedOn: 2_000,
  proposals: 20,
  title: 200,
  content: 1_500,
  place: 200,
} as const;

/** A proposal as the cell writes it; a draft may leave any part out, submission needs them all. */
export const reportProposalSchema = lazy(() =>
  z.strictObject({
    field: z.optional(z.enum(proposalFields)),
    title: z.optional(text(REPORT_LIMITS.title)),
    content: z.optional(text(REPORT_LIMITS.content)),
    /** The village, hamlet or residential cluster the proposal concerns. */
    place: z.optional(text(REPORT_LIMITS.place)),
    addressee: z.optional(addresseeSchema),
  }),
);
export type ReportProposal = z.infer<typeof reportProposalSchema>;

/** `PUT /meetings/{meetingId}/reports/{cellId}`: the whole report as it stands. */
export const reportBodySchema = lazy(() =>
  z.strictObject({
    /** The cell and its residential cluster this month. */
    situation: z.optional(text(REPORT_LIMITS.section)),
    /** The cell's leadership tasks for next month. */
    nextMonthTasks: z.optional(text(REPORT_LIMITS.section)),
    /** How the previous meeting's conclusions reached the cell's own meeting and the village party groups. */
    followThrough: z.optional(
      z.strictObject({
        /** When the cell's monthly meeting took them in. */
        heldOn: z.optional(dateSchema),
        /** What was passed on, and to whom. */
        passedOn: z.optional(text(REPORT_LIMITS.passedOn)),
      }),
    ),
    proposals: z._default(z.array(reportProposalSchema).check(z.maxLength(REPORT_LIMITS.proposals)), []),
  }),
);
export type ReportBody = z.infer<typeof reportBodySchema>;

const memberCount = z.number().check(z.int(), z.gte(1), z.lte(100));

/** `POST …/agreement`: the cell committee's meeting that agreed the report. */
export const agreementBodySchema = lazy(() =>
  z.strictObject({
    agreedOn: dateSchema,
    membersPresent: memberCount,
    membersTotal: memberCount,
    /** Who presided over the committee's meeting. */
    presidedBy: text(120),
  }),
);
export type AgreementInput = z.infer<typeof agreementBodySchema>;

/** `POST …/reopen`: why the office returns a submitted report to its cell. */
export const reopenBodySchema = lazy(() => z.strictObject({ reason: text(500) }));

/** `POST …/proposals/{n}/withdraw`: why the cell withdraws a proposal of its submitted report. */
export const withdrawalBodySchema = lazy(() => z.strictObject({ reason: text(500) }));

/** The n-th proposal of a report (from 1), in a path. */
export const proposalPositionSchema = lazy(() =>
  z.pipe(z.string().check(z.regex(/^[1-9]\d?$/, 'Số thứ tự kiến nghị trong báo cáo, từ 1')), z.transform(Number)),
);

/** A cell's withdrawal of one proposal of its submitted report, before the meeting raises it. */
export interface Withdrawal {
  readonly reason: string;
  readonly by: Person;
  readonly at: string;
}

/** A proposal as a report keeps it: as written, and withdrawn once the cell withdraws it. */
export type StoredReportProposal = ReportProposal & { readonly withdrawal?: Withdrawal };

export interface Agreement extends AgreementInput {
  readonly recordedBy: Person;
  readonly recordedAt: string;
}

/** The cell a report comes from, as the meeting expected it. */
export interface ReportCell {
  readonly cellId: string;
  readonly cellName: string;
  readonly communeId: string;
  readonly communeName: string;
}

export interface Report extends ReportCell, ReportContent {
  readonly meetingId: string;
  readonly month: string;
  readonly zoneId: string;
  readonly status: ReportState;
  readonly proposals: readonly StoredReportProposal[];
  /** Null until the committee agrees, and again once the report changes. */
  readonly agreement: Agreement | null;
  readonly writtenBy: Person;
  readonly writtenAt: string;
  readonly submittedBy?: Person;
  readonly submittedAt?: string;
}
