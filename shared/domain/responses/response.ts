/**
 * The district's official written response (văn bản trả lời): the office compiles a draft for a
 * month from the accepted answers, grouped by zone and field; the standing board issues it under a
 * document number, date and signer, after which it never changes (a correction is a new document
 * that refers to it). An entry refers to the proposal and its accepted answers rather than copying
 * them: both are written once and never rewritten, so the reference is as fixed as a copy.
 */
import * as z from 'zod/mini';
import type { Person } from '../cycle/meeting';
import type { ProposalRecord } from '../proposals/proposal';
import { type ProposalField, proposalFields } from '../proposals/proposal-fields';
import { dateSchema, lazy, monthSchema, text } from '../schema-kit';
import { monthNumber, monthYear } from '../time';
import type { ResponseState } from './response-lifecycle';

/** One proposal the response answers. */
export interface ResponseEntry {
  readonly proposalId: string;
  readonly number: string;
  readonly zoneId: string;
  readonly field: ProposalField;
  /** The raising cell's name; an imported record may not name one. */
  readonly cellName?: string;
  /** The accepted answers, one per assigned department. */
  readonly answerIds: readonly string[];
}

export interface Signer {
  readonly name: string;
  readonly title: string;
}

export interface Issue {
  /** As printed: `Số 45-TB/HU`. */
  readonly documentNumber: string;
  /** The document's date, `YYYY-MM-DD`. */
  readonly date: string;
  readonly signer: Signer;
  readonly issuedAt: string;
  readonly issuedBy: Person;
}

export interface OfficialResponse {
  /** `<month>.<n>`: the month's n-th response. */
  readonly id: string;
  /** The month whose meetings it is announced at. */
  readonly month: string;
  readonly status: ResponseState;
  readonly title: string;
  /** The issued response this one corrects. */
  readonly corrects?: string;
  /** The office's words before the entries (what a correction corrects). */
  readonly note?: string;
  readonly entries: readonly ResponseEntry[];
  /** How many proposals it answers (`entries.length`), kept beside them so a list need not read them. */
  readonly proposalCount: number;
  readonly compiledAt: string;
  readonly compiledBy: Person;
  readonly issue?: Issue;
}

/** What an issued response says to one zone: its agenda entry (`keys.responseZoneEntry`). */
export interface ResponseZoneEntry {
  readonly responseId: string;
  readonly documentNumber: string;
  readonly date: string;
  readonly title: string;
  readonly zoneId: string;
  readonly proposals: readonly { readonly id: string; readonly number: string; readonly title: string }[];
}

/** A month's responses: how many were numbered, and the draft being compiled, if one is. */
export interface ResponseMonth {
  readonly month: string;
  readonly last: number;
  readonly draftId?: string;
}

const RESPONSE_ID = /^(\d{4}-(?:0[1-9]|1[0-2]))\.([1-9]\d{0,2})$/;

export const responseIdSchema = z
  .string()
  .check(z.regex(RESPONSE_ID, 'Mã văn bản trả lời có dạng <tháng>.<số thứ tự>, ví dụ 2027-04.1'));

export function responseIdOf(month: string, n: number): string {
  return `${month}.${n}`;
}

/** The most entries one response holds; the rest wait for the next. */
export const MAX_RESPONSE_ENTRIES = 300;

/** `POST /responses`: compile (or compile again) the month's draft. */
export const compileBodySchema = lazy(() =>
  z.strictObject({
    /** The month whose meetings will hear it, `YYYY-MM`. */
    month: monthSchema,
    /** An issued response this one corrects. */
    corrects: z.optional(responseIdSchema),
    note: z.optional(text(5_000)),
  }),
);
export type CompileInput = z.infer<typeof compileBodySchema>;

/** `POST /responses/{responseId}/issue`. */
export const issueBodySchema = lazy(() =>
  z.strictObject({
    documentNumber: text(60),
    date: dateSchema,
    signer: z.strictObject({ name: text(120), title: text(200) }),
  }),
);
export type IssueInput = z.infer<typeof issueBodySchema>;

export function responseTitle(month: string, corrects?: string): string {
  const when = `tháng ${monthNumber(month)} năm ${monthYear(month)}`;
  const subject = `Về việc trả lời kiến nghị của cơ sở qua hội nghị giao ban khu (thông báo tại hội nghị ${when})`;
  return corrects === undefined ? subject : `${subject}, đính chính văn bản ${corrects}`;
}

/** The response's entry for an answered proposal: its accepted answers, one per department. */
export function entryOf(record: ProposalRecord): ResponseEntry {
  const answerIds = (record.assignments ?? []).flatMap((a) =>
    a.status === 'accepted' && a.latestAnswerId !== undefined ? [a.latestAnswerId] : [],
  );
  const { id, number, zoneId, field, cellName } = record;
  return { proposalId: id, number, zoneId, field, ...(cellName !== undefined && { cellName }), answerIds };
}

/** Entries in the document's order: by zone (`zoneOrder`), then field as the district counts them, then number. */
export function orderEntries(entries: readonly ResponseEntry[], zoneOrder: readonly string[]): ResponseEntry[] {
  const rank = (zoneId: string) => {
    const at = zoneOrder.indexOf(zoneId);
    return at === -1 ? zoneOrder.length : at;
  };
  return [...entries].sort(
    (a, b) =>
      rank(a.zoneId) - rank(b.zoneId) ||
      proposalFields.indexOf(a.field) - proposalFields.indexOf(b.field) ||
      a.number.localeCompare(b.number),
  );
}
