/**
 * The few pieces of WordprocessingML (ECMA-376) a response document is made of — runs, paragraphs,
 * a borderless table, one A4 section — and the .docx package around them: the document, its styles
 * and settings, its core properties, the relationships and content types that tie them, zipped.
 * Text is XML-escaped here and nowhere else.
 */
import { type ArchivedFile, zipArchive } from './zip-archive';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text as XML character data or an attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export interface RunStyle {
  readonly font: string;
  /** In half points. */
  readonly size: number;
  readonly bold?: boolean;
  readonly italics?: boolean;
}

/** A run of text in one style; a line break in the text stays a line break. */
export function run(text: string, style: RunStyle): string {
  const { font, size } = style;
  const properties = [
    `<w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}" w:cs="${font}"/>`,
    style.bold ? '<w:b/><w:bCs/>' : '',
    style.italics ? '<w:i/><w:iCs/>' : '',
    `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>`,
  ].join('');
  const lines = text.split('\n').map((line) => `<w:t xml:space="preserve">${escapeXml(line)}</w:t>`);
  return `<w:r><w:rPr>${properties}</w:rPr>${lines.join('<w:br/>')}</w:r>`;
}

export interface ParagraphLayout {
  readonly align?: 'center' | 'justify';
  /** First-line indent, in twips. */
  readonly firstLine?: number;
  /** Space after, in twips. */
  readonly after: number;
}

export function paragraph(runs: readonly string[], layout: ParagraphLayout): string {
  const properties = [
    `<w:spacing w:after="${layout.after}"/>`,
    layout.firstLine === undefined ? '' : `<w:ind w:firstLine="${layout.firstLine}"/>`,
    layout.align === 'center' ? '<w:jc w:val="center"/>' : layout.align === 'justify' ? '<w:jc w:val="both"/>' : '',
  ].join('');
  return `<w:p><w:pPr>${properties}</w:pPr>${runs.join('')}</w:p>`;
}

const NO_BORDERS = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
  .map((side) => `<w:${side} w:val="none" w:sz="0" w:space="0" w:color="auto"/>`)
  .join('');

/**
 * A borderless table of one row and two columns, as wide as the text, split `leftPercent` / the
 * rest; `textWidth` (twips) gives the grid Word starts from.
 */
export function twoColumns(
  left: readonly string[],
  right: readonly string[],
  leftPercent: number,
  textWidth: number,
): string {
  const leftWidth = Math.round((textWidth * leftPercent) / 100);
  // widths in fiftieths of a percent, as `pct` widths are written.
  const cell = (paragraphs: readonly string[], percent: number) =>
    `<w:tc><w:tcPr><w:tcW w:w="${percent * 50}" w:type="pct"/><w:vAlign w:val="top"/></w:tcPr>${paragraphs.join('')}</w:tc>`;
  return [
    `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>${NO_BORDERS}</w:tblBorders></w:tblPr>`,
    `<w:tblGrid><w:gridCol w:w="${leftWidth}"/><w:gridCol w:w="${textWidth - leftWidth}"/></w:tblGrid>`,
    `<w:tr>${cell(left, leftPercent)}${cell(right, 100 - leftPercent)}</w:tr></w:tbl>`,
  ].join('');
}

/** A portrait page and its margins, in twips. */
export interface PageLayout {
  readonly width: number;
  readonly height: number;
  readonly margin: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
}

export interface WordDocument {
  readonly title: string;
  readonly creator: string;
  /** Paragraphs and tables, in order. */
  readonly body: readonly string[];
  readonly page: PageLayout;
  /** What runs default to. */
  readonly font: string;
  readonly size: number;
}

function documentXml(document: WordDocument): string {
  const { width, height, margin } = document.page;
  const section =
    `<w:sectPr><w:pgSz w:w="${width}" w:h="${height}" w:orient="portrait"/>` +
    `<w:pgMar w:top="${margin.top}" w:right="${margin.right}" w:bottom="${margin.bottom}" w:left="${margin.left}" w:header="708" w:footer="708" w:gutter="0"/>` +
    '<w:docGrid w:linePitch="360"/></w:sectPr>';
  return `${XML_DECLARATION}<w:document xmlns:w="${W}" xmlns:r="${OFFICE_RELATIONSHIP}"><w:body>${document.body.join('')}${section}</w:body></w:document>`;
}

/** Defaults for text the runs do not style, and the table style Word gives tables (cell margins of 0.19 cm). */
function stylesXml(document: WordDocument): string {
  const { font, size } = document;
  return [
    `${XML_DECLARATION}<w:styles xmlns:w="${W}">`,
    `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}" w:cs="${font}"/>`,
    `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>`,
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>',
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr>',
    '<w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>',
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>',
  ].join('');
}

/** Word 2013 and later layout, so that Word does not open the file in compatibility mode. */
const SETTINGS_XML =
  `${XML_DECLARATION}<w:settings xmlns:w="${W}"><w:defaultTabStop w:val="720"/><w:compat>` +
  '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>' +
  '</w:compat></w:settings>';

function corePropertiesXml(document: WordDocument, at: string): string {
  return [
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"`,
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"',
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${escapeXml(document.title)}</dc:title><dc:creator>${escapeXml(document.creator)}</dc:creator>`,
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified></cp:coreProperties>`,
  ].join('');
}

function relationships(targets: readonly (readonly [type: string, target: string])[]): string {
  const each = targets.map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`);
  return `${XML_DECLARATION}<Relationships xmlns="${RELATIONSHIPS}">${each.join('')}</Relationships>`;
}

const WORD_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
const CONTENT_TYPES_XML = [
  `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`,
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
  '<Default Extension="xml" ContentType="application/xml"/>',
  `<Override PartName="/word/document.xml" ContentType="${WORD_TYPE}.document.main+xml"/>`,
  `<Override PartName="/word/styles.xml" ContentType="${WORD_TYPE}.styles+xml"/>`,
  `<Override PartName="/word/settings.xml" ContentType="${WORD_TYPE}.settings+xml"/>`,
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
  '</Types>',
].join('');

/** The .docx file: the document and the parts Word expects beside it. */
export function docxPackage(document: WordDocument, at = new Date()): Uint8Array {
  const files: ArchivedFile[] = [
    { name: '[Content_Types].xml', content: CONTENT_TYPES_XML },
    {
      name: '_rels/.rels',
      content: relationships([
        [`${OFFICE_RELATIONSHIP}/officeDocument`, 'word/document.xml'],
        ['http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'],
      ]),
    },
    { name: 'docProps/core.xml', content: corePropertiesXml(document, at.toISOString()) },
    { name: 'word/document.xml', content: documentXml(document) },
    {
      name: 'word/_rels/document.xml.rels',
      content: relationships([
        [`${OFFICE_RELATIONSHIP}/styles`, 'styles.xml'],
        [`${OFFICE_RELATIONSHIP}/settings`, 'settings.xml'],
      ]),
    },
    { name: 'word/styles.xml', content: stylesXml(document) },
    { name: 'word/settings.xml', content: SETTINGS_XML },
  ];
  return zipArchive(files);
}
