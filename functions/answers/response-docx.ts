/**
 * A response as a Word document (.docx, made with the `docx` package), laid out as a Vietnamese
 * party document: A4 with the usual margins, Times New Roman 14 pt; the heading in a borderless
 * two-column table (issuing body and number on the left, the party's name and the place and date
 * on the right), the kind and title centred, the body by zone and field, then the recipients and
 * the signer side by side. Only the response's own function imports this module, so the package
 * stays out of every other bundle.
 */
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import {
  DOCUMENT_KIND,
  type ResponseDocument,
  recipientLines,
  romanNumeral,
  SIGNING_FOR,
} from '../../shared/domain/responses/response-document';

/** Twips in a millimetre: page sizes and margins are in twips. */
const MM = 56.7;
const FONT = 'Times New Roman';
/** 14 pt, in half points. */
const SIZE = 28;

interface Line {
  readonly text: string;
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly size?: number;
}

function paragraph(
  runs: readonly Line[],
  options: { align?: 'center' | 'justify'; indent?: boolean; after?: number } = {},
) {
  return new Paragraph({
    alignment:
      options.align === 'center'
        ? AlignmentType.CENTER
        : options.align === 'justify'
          ? AlignmentType.JUSTIFIED
          : undefined,
    indent: options.indent ? { firstLine: Math.round(10 * MM) } : undefined,
    spacing: { after: options.after ?? 80 },
    children: runs.map(
      (run) =>
        new TextRun({ text: run.text, bold: run.bold, italics: run.italics, font: FONT, size: run.size ?? SIZE }),
    ),
  });
}

const centred = (line: Line, after = 0) => paragraph([line], { align: 'center', after });

/** A borderless table of one row and two columns, split `left`% / the rest. */
function twoColumns(left: Paragraph[], right: Paragraph[], leftPercent: number): Table {
  const cell = (children: Paragraph[], percent: number) =>
    new TableCell({
      children,
      width: { size: percent, type: WidthType.PERCENTAGE },
      verticalAlign: VerticalAlignTable.TOP,
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(left, leftPercent), cell(right, 100 - leftPercent)] })],
  });
}

function heading(document: ResponseDocument): Table {
  return twoColumns(
    [
      centred({ text: document.issuingBody, bold: true }),
      centred({ text: '*' }),
      centred({ text: document.documentNumber ?? 'Số     -TB/HU' }),
    ],
    [centred({ text: document.party, bold: true }, 120), centred({ text: document.placeAndDate, italics: true })],
    45,
  );
}

function body(document: ResponseDocument): Paragraph[] {
  return document.zones.flatMap((zone, z) => [
    paragraph([{ text: `${romanNumeral(z + 1)}. ${zone.zoneName.toLocaleUpperCase('vi')}`, bold: true }], {
      after: 120,
    }),
    ...zone.fields.flatMap((field, f) => [
      paragraph([{ text: `${f + 1}. ${field.fieldLabel}`, bold: true, italics: true }]),
      ...field.entries.flatMap((entry) => [
        paragraph(
          [
            { text: `Kiến nghị số ${entry.number}`, bold: true },
            { text: entry.cellName === undefined ? ': ' : ` (${entry.cellName}): ` },
            { text: `${entry.title}. `, bold: true },
            { text: `${entry.content} (Địa điểm: ${entry.place})` },
          ],
          { align: 'justify', indent: true },
        ),
        ...entry.answers.map((answer) =>
          paragraph([{ text: `Trả lời (${answer.departmentName}): `, bold: true }, { text: answer.text }], {
            align: 'justify',
            indent: true,
          }),
        ),
      ]),
    ]),
  ]);
}

function closing(document: ResponseDocument): Table {
  const recipients = [
    paragraph([{ text: 'Nơi nhận:', bold: true, italics: true, size: 24 }], { after: 0 }),
    ...recipientLines(document.recipients).map((line) => paragraph([{ text: line, size: 22 }], { after: 0 })),
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
  return twoColumns(recipients, signer, 50);
}

/** The .docx bytes of a response document. */
export async function responseDocx(document: ResponseDocument): Promise<Uint8Array> {
  const file = new Document({
    creator: document.issuingBody,
    title: document.title,
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: {
              top: Math.round(20 * MM),
              bottom: Math.round(20 * MM),
              left: Math.round(30 * MM),
              right: Math.round(15 * MM),
            },
          },
        },
        children: [
          ...(document.status === 'draft' ? [centred({ text: 'DỰ THẢO', bold: true }, 120)] : []),
          heading(document),
          centred({ text: DOCUMENT_KIND, bold: true }),
          centred({ text: document.title, bold: true }, 240),
          ...(document.note ? [paragraph([{ text: document.note }], { align: 'justify', indent: true })] : []),
          ...body(document),
          closing(document),
        ],
      },
    ],
  });
  return Packer.toBuffer(file);
}
