/**
 * An official response as a document, the one model its JSON, HTML and .docx forms are made from:
 * the heading of a Vietnamese party document (the party's name, the issuing body, the number, the
 * place and date, the title), the body grouped by zone and field, each entry with the proposal's
 * number, cell, content and accepted answers, then the recipients and the signer.
 */
import * as z from 'zod/mini';
import type { AnswerSettings } from '../answers/answer-settings';
import type { Answer } from '../answers/answers';
import type { ProposalRecord } from '../proposals/proposal';
import { proposalFieldLabels, proposalFields } from '../proposals/proposal-fields';
import { lazy, named } from '../schema-kit';
import type { OfficialResponse } from './response';
import { responseStates } from './response-lifecycle';

export const PARTY_NAME = 'ĐẢNG CỘNG SẢN VIỆT NAM';
/** The kind of party document the response is (its number reads `…-TB/HU`). */
export const DOCUMENT_KIND = 'THÔNG BÁO';
/** Who the signer signs for. */
export const SIGNING_FOR = 'T/M BAN THƯỜNG VỤ';

/** I, II, III… for the zones of the body. */
export function romanNumeral(n: number): string {
  const numerals: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = n;
  let written = '';
  for (const [value, numeral] of numerals) {
    while (rest >= value) {
      written += numeral;
      rest -= value;
    }
  }
  return written;
}

const entryView = lazy(() =>
  z.strictObject({
    proposalId: z.string(),
    number: z.string(),
    cellName: z.optional(z.string()),
    title: z.string(),
    content: z.string(),
    place: z.string(),
    answers: z.array(z.strictObject({ answerId: z.string(), departmentName: z.string(), text: z.string() })),
  }),
);

export const responseDocumentView = named(
  lazy(() =>
    z.strictObject({
      id: z.string(),
      month: z.string(),
      status: z.enum(responseStates),
      party: z.string(),
      issuingBody: z.string(),
      /** Absent on a draft. */
      documentNumber: z.optional(z.string()),
      /** "Gia Lộc, ngày 28 tháng 3 năm 2027"; dotted on a draft. */
      placeAndDate: z.string(),
      title: z.string(),
      corrects: z.optional(z.string()),
      note: z.optional(z.string()),
      zones: z.array(
        z.strictObject({
          zoneId: z.string(),
          zoneName: z.string(),
          fields: z.array(
            z.strictObject({ field: z.enum(proposalFields), fieldLabel: z.string(), entries: z.array(entryView) }),
          ),
        }),
      ),
      recipients: z.array(z.string()),
      signer: z.optional(z.strictObject({ name: z.string(), title: z.string() })),
      issuedAt: z.optional(z.string()),
      /** The meetings it was announced at, one per zone. */
      announcements: z.array(z.strictObject({ zoneId: z.string(), meetingId: z.string(), at: z.string() })),
    }),
  ),
  'ResponseDocument',
);
export type ResponseDocument = z.infer<typeof responseDocumentView>;

/** "ngày 05 tháng 3 năm 2027": days before the 10th and the months January and February with a leading zero, as the rules for party documents write them. */
export function vietnameseDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const pad = (value: number, below: number) => (value < below ? `0${value}` : String(value));
  return `ngày ${pad(day, 10)} tháng ${pad(month, 3)} năm ${year}`;
}

/** "Nơi nhận" as it is written: a dash before each, a comma after each but the last, which takes a full stop. */
export function recipientLines(recipients: readonly string[]): string[] {
  return recipients.map((recipient, i) => `- ${recipient}${i === recipients.length - 1 ? '.' : ','}`);
}

export interface DocumentSources {
  readonly settings: AnswerSettings;
  readonly proposals: ReadonlyMap<string, ProposalRecord>;
  /** By `<proposalId>/<answerId>`. */
  readonly answers: ReadonlyMap<string, Answer>;
  readonly zoneNames: ReadonlyMap<string, string>;
  readonly announcements: ResponseDocument['announcements'];
}

/** The document of a response, its entries in the order the response keeps them (zone, field, number). */
export function responseDocument(response: OfficialResponse, sources: DocumentSources): ResponseDocument {
  const zones: ResponseDocument['zones'] = [];
  for (const entry of response.entries) {
    let zone = zones.at(-1);
    if (zone?.zoneId !== entry.zoneId) {
      zone = { zoneId: entry.zoneId, zoneName: sources.zoneNames.get(entry.zoneId) ?? entry.zoneId, fields: [] };
      zones.push(zone);
    }
    let field = zone.fields.at(-1);
    if (field?.field !== entry.field) {
      field = { field: entry.field, fieldLabel: proposalFieldLabels[entry.field], entries: [] };
      zone.fields.push(field);
    }
    const proposal = sources.proposals.get(entry.proposalId);
    field.entries.push({
      proposalId: entry.proposalId,
      number: entry.number,
      ...(entry.cellName !== undefined && { cellName: entry.cellName }),
      title: proposal?.title ?? '',
      content: proposal?.content ?? '',
      place: proposal?.place ?? '',
      answers: entry.answerIds.map((answerId) => {
        const answer = sources.answers.get(`${entry.proposalId}/${answerId}`);
        return { answerId, departmentName: answer?.departmentName ?? '', text: answer?.text ?? '' };
      }),
    });
  }
  const { issue } = response;
  const { place, issuingBody, recipients } = sources.settings;
  return {
    id: response.id,
    month: response.month,
    status: response.status,
    party: PARTY_NAME,
    issuingBody,
    ...(issue && { documentNumber: issue.documentNumber }),
    placeAndDate: `${place}, ${issue ? vietnameseDate(issue.date) : 'ngày … tháng … năm …'}`,
    title: response.title,
    ...(response.corrects !== undefined && { corrects: response.corrects }),
    ...(response.note !== undefined && { note: response.note }),
    zones,
    recipients: [...recipients],
    ...(issue && { signer: issue.signer, issuedAt: issue.issuedAt }),
    announcements: [...sources.announcements],
  };
}
