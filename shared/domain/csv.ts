/**
 * CSV as spreadsheets write and read it (RFC 4180): comma-separated, fields quoted with `"` when
 * they hold a comma, quote or line break, a quote inside doubled. Text arrives with line breaks
 * already normalised to `\n` (see `normaliseText`).
 */

/** Opens a file as UTF-8 for Excel, which otherwise reads Vietnamese as the system's code page. */
export const UTF8_BOM = '\uFEFF';

/** One record of a file and the line it starts on (1 = the first line), for messages. */
export interface CsvRecord {
  readonly line: number;
  readonly values: readonly string[];
}

export type CsvParse = { readonly records: CsvRecord[] } | { readonly unclosedQuoteAt: number };

/** Splits a file into records; blank lines are skipped. A quote left open is reported at the line it opened. */
export function parseCsv(text: string): CsvParse {
  const records: CsvRecord[] = [];
  let values: string[] = [];
  let value = '';
  let line = 1;
  let recordLine = 1;
  let quoteLine = 0;
  let quoted = false;
  const endRecord = () => {
    values.push(value);
    if (values.length > 1 || values[0] !== '') records.push({ line: recordLine, values });
    [values, value] = [[], ''];
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        value += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line++;
        value += char;
      }
    } else if (char === '"') {
      quoted = true;
      quoteLine = line;
    } else if (char === ',') {
      values.push(value);
      value = '';
    } else if (char === '\n') {
      endRecord();
      line++;
      recordLine = line;
    } else {
      value += char;
    }
  }
  if (quoted) return { unclosedQuoteAt: quoteLine };
  endRecord();
  return { records };
}

/**
 * A cell as written into an export: quoted when needed, and a leading `'` before text a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`).
 */
function cell(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One line of a CSV file, ending with CRLF as spreadsheets write it. */
export function csvLine(values: readonly (string | number)[]): string {
  return `${values.map(cell).join(',')}\r\n`;
}
