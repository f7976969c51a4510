/**
 * A response as a Word document (.docx), laid out as a Vietnamese party document: A4 with the
 * usual margins, Times New Roman 14 pt; the heading in a borderless two-column table (issuing body
 * and number on the left, the party's name and the place and date on the right), the kind and
 * title centred, the body by zone and field, then the recipients and the signer side by side.
 * Written with `wordprocessing.ts` rather than a .docx library, which would more than double the
 * function's bundle and its cold start for these few paragraphs.
 */
import {
  DOCUMENT_KIND,
  type ResponseDocument,
  recipientLines,
  romanNumeral,
  SIGNING_FOR,
} from '../../shared/domain/responses/response-document';
import { docxPackage, type ParagraphLayout, paragraph, run, twoColumns } from './wordprocessing';

/** Twips in a millimetre: page sizes and margins are in twips. */
const MM = 56.7;
const FONT = 'Times New Roman';
/** 14 pt, in half points. */
const SIZE = 28;
const PAGE = {
  width: Math.round(210 * MM),
  height: Math.round(297 * MM),
  margin: {
    top: Math.round(20 * MM),
    right: Math.round(15 * MM),
    bottom: Math.round(20 * MM),
    left: Math.round(30 * MM),
  },
};
const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
const INDENT = Math.round(10 * MM);

interface Line {
  readonly text: string;
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly size?: number;
}

function lines(runs: readonly Line[], layout: Partial<ParagraphLayout> = {}): string {
  return paragraph(
    runs.map(({ text, size = SIZE, ...style }) => run(text, { font: FONT, size, ...style })),
    { after: 80, ...layout },
  );
}

const centred = (line: Line, after = 0) => lines([line], { align: 'center', after });
const justified = (runs: readonly Line[]) => lines(runs, { align: 'justify', firstLine: INDENT });

function heading(document: ResponseDocument): string {
  return twoColumns(
    [
      centred({ text: document.issuingBody, bold: true }),
      centred({ text: '*' }),
      centred({ text: document.documentNumber ?? 'Số     -TB/HU' }),
    ],
    [centred({ text: document.party, bold: true }, 120), centred({ text: document.placeAndDate, italics: true })],
    45,
    TEXT_WIDTH,
  );
}

function body(document: ResponseDocument): string[] {
  return document.zones.flatMap((zone, z) => [
    lines([{ text: `${romanNumeral(z + 1)}. ${zone.zoneName.toLocaleUpperCase('vi')}`, bold: true }], { after: 120 }),
    ...zone.fields.flatMap((field, f) => [
      lines([{ text: `${f + 1}. ${field.fieldLabel}`, bold: true, italics: true }]),
      ...field.entries.flatMap((entry) => [
        justified([
          { text: `Kiến nghị số ${entry.number}`, bold: true },
          { text: entry.cellName === undefined ? ': ' : ` (${entry.cellName}): ` },
          { text: `${entry.title}. `, bold: true },
          { text: `${entry.content} (Địa điểm: ${entry.place})` },
        ]),
        ...entry.answers.map((answer) =>
          justified([{ text: `Trả lời (${answer.departmentName}): `, bold: true }, { text: answer.text }]),
        ),
      ]),
    ]),
  ]);
}

function closing(document: ResponseDocument): string {
  const recipients = [
    lines([{ text: 'Nơi nhận:', bold: true, italics: true, size: 24 }], { after: 0 }),
    ...recipientLines(document.recipients).map((line) => lines([{ text: line, size: 22 }], { after: 0 })),
  ];
  const signer = [
    centred({ text: SIGNING_FOR, bold: true }),
    ...(document.signer
      ? [
          centred({ text: document.signer.title.toLocaleUpperCase('vi'), bold: true }, 1200),
          centred({ text: document.signer.name, bold: true }),
        ]
      : []),
  ];
  return twoColumns(recipients, signer, 50, TEXT_WIDTH);
}

/** The .docx bytes of a response document. */
export function responseDocx(document: ResponseDocument): Uint8Array {
  return docxPackage({
    title: document.title,
    creator: document.issuingBody,
    font: FONT,
    size: SIZE,
    page: PAGE,
    body: [
      ...(document.status === 'draft' ? [centred({ text: 'DỰ THẢO', bold: true }, 120)] : []),
      heading(document),
      centred({ text: DOCUMENT_KIND, bold: true }),
      centred({ text: document.title, bold: true }, 240),
      ...(document.note ? [justified([{ text: document.note }])] : []),
      ...body(document),
      closing(document),
    ],
  });
}
