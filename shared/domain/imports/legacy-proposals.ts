/**
 * The district's records from before this software, imported from a CSV file (`POST
 * /imports/proposals`). One row a proposal, under a header row naming the columns (any order):
 *
 * | column | required | what |
 * |---|---|---|
 * | `legacy_id` | yes | the record's id in the old books: letters, digits and `-`, at most 40; unique without regard to case |
 * | `month` | yes | `YYYY-MM`, the month it was raised, not after this month |
 * | `zone` | yes | the zone's id or name |
 * | `commune` | yes | the commune's id or name (with or without «Xã»/«Thị trấn»), of that zone |
 * | `cell` | no | the cell's id or name (with or without «Chi bộ»), of that commune |
 * | `field` | yes | the field's code (`agriculture`…) or Vietnamese name |
 * | `title` | no | at most 200 characters; the start of the content when empty |
 * | `content` | yes | at most 1,500 characters |
 * | `addressee` | no | a department's id, name or short name; a commune's id or name; or «Huyện uỷ» / `district` (the default) |
 * | `status` | no | `raised`, `routed-commune`, `routed-district` or `closed` (the default), or their Vietnamese names |
 * | `answer` | no | the answer the records hold, at most 4,000 characters |
 * | `answered_on` | no | `YYYY-MM-DD` |
 *
 * Names are compared without diacritics, case or extra spaces. Every row is checked before anything
 * is written, and every problem is reported at its line. An imported record is numbered
 * `YYYY-MM/K<zone>/L<legacy id>`, outside the sequence of raised proposals (`…/<nnn>`), so no
 * number is ever given twice; its id is `<month>.<zone>.<commune>.l-<legacy id>`.
 */

import { parseCsv } from '../csv';
import type { Person } from '../cycle/meeting';
import { meetingId } from '../cycle/meeting-id';
import type { FieldProblem } from '../errors';
import {
  type HistoryEntry,
  importedProposalId,
  importedProposalNumber,
  legacyKey,
  numberPrefix,
  type ProposalRecord,
} from '../proposals/proposal';
import { type Addressee, type ProposalField, proposalFieldLabels, proposalFields } from '../proposals/proposal-fields';
import { type ProposalState, proposalStateLabels } from '../proposals/proposal-lifecycle';
import { REPORT_LIMITS } from '../proposals/report';
import type { Cell, Commune, Department, Zone } from '../structure/entities';
import { foldDiacritics } from '../text';
import { addMonths } from '../time';

export const IMPORT_COLUMNS = [
  'legacy_id',
  'month',
  'zone',
  'commune',
  'cell',
  'field',
  'title',
  'content',
  'addressee',
  'status',
  'answer',
  'answered_on',
] as const;
type Column = (typeof IMPORT_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['legacy_id', 'month', 'zone', 'commune', 'field', 'content'];

/** The most rows one file may hold, and the most problems one answer lists. */
export const MAX_IMPORT_ROWS = 25_000;
export const MAX_LISTED_PROBLEMS = 1_000;
const ANSWER_LIMIT = 4_000;

/** The states an imported record may be in: a merge needs the other record, which the old books do not name. */
export const importStates = ['raised', 'routed-commune', 'routed-district', 'closed'] as const;
type ImportState = (typeof importStates)[number];

/** The district's structure as the import resolves names against it. */
export interface ImportStructure {
  readonly zones: readonly Zone[];
  readonly communes: readonly Commune[];
  readonly cells: readonly Cell[];
  readonly departments: readonly Department[];
}

/** A row that passed every check, with the units it names resolved. */
export interface ImportRow {
  readonly line: number;
  readonly legacyId: string;
  readonly month: string;
  readonly zoneId: string;
  readonly commune: Commune;
  readonly cell?: Cell;
  readonly field: ProposalField;
  readonly title: string;
  readonly content: string;
  readonly addressee: Addressee;
  readonly status: ImportState;
  readonly answer?: string;
  readonly answeredOn?: string;
}

export type ImportCheck = { readonly rows: ImportRow[] } | { readonly problems: FieldProblem[] };

/** Folded for comparison: no diacritics, no case, single spaces. */
const fold = (text: string) => foldDiacritics(text);

/** A name with the word its kind starts with («Xã», «Chi bộ») and without. */
function nameForms(name: string, prefixes: readonly string[]): string[] {
  const folded = fold(name);
  const bare = prefixes.find((prefix) => folded.startsWith(`${prefix} `));
  return bare ? [folded, folded.slice(bare.length + 1)] : [folded];
}

/**
 * Looks units up by id or by any of their names' forms (an id always finds its own unit). The
 * names are folded on the first value that is no id: most files name units by id.
 */
class Lookup<T extends { readonly id: string }> {
  private readonly byId: ReadonlyMap<string, T>;
  private byName: Map<string, T> | undefined;

  constructor(
    private readonly units: readonly T[],
    private readonly names: (unit: T) => string[],
  ) {
    this.byId = new Map(units.map((unit) => [unit.id, unit]));
  }

  find(value: string): T | undefined {
    return this.byId.get(value) ?? this.named(value) ?? this.byId.get(fold(value)) ?? this.named(fold(value));
  }

  private named(key: string): T | undefined {
    if (!this.byName) {
      this.byName = new Map();
      for (const unit of this.units) {
        for (const name of this.names(unit)) if (!this.byName.has(name)) this.byName.set(name, unit);
      }
    }
    return this.byName.get(key);
  }
}

const fieldLookup = new Map<string, ProposalField>(
  proposalFields.flatMap((field) => [
    [field, field],
    [fold(proposalFieldLabels[field]), field],
  ]),
);
const stateLookup = new Map<string, ImportState>(
  importStates.flatMap((state) => [
    [state, state],
    [fold(proposalStateLabels[state]), state],
  ]),
);
const DISTRICT_NAMES = new Set(['district', 'huyen uy', 'ban thuong vu huyen uy', 'thuong truc huyen uy']);

const LEGACY_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/;
const MONTH = /^20\d{2}-(0[1-9]|1[0-2])$/;
const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The start of the content, cut at a word, as the title of a row without one. */
function titleFrom(content: string): string {
  const firstLine = content.split('\n')[0] ?? content;
  if (firstLine.length <= 80) return firstLine;
  const cut = firstLine.slice(0, 80);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : 80)}…`;
}

/** Collects the problems of one row, each at `/lines/<line>/<column>`. */
class RowProblems {
  readonly list: FieldProblem[] = [];

  constructor(private readonly line: number) {}

  add(column: Column, code: string, message: string): undefined {
    this.list.push({
      path: `/lines/${this.line}/${column}`,
      code,
      message: `Dòng ${this.line}, cột ${column}: ${message}`,
    });
    return undefined;
  }
}

/** Checks the header: known columns, each once, every required one present. */
function headerProblems(header: readonly string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  header.forEach((name) => {
    if (!(IMPORT_COLUMNS as readonly string[]).includes(name)) {
      problems.push({
        path: `/lines/1/${name}`,
        code: 'unknown_column',
        message: `Dòng 1: không có cột «${name}»; các cột là ${IMPORT_COLUMNS.join(', ')}`,
      });
    } else if (seen.has(name)) {
      problems.push({
        path: `/lines/1/${name}`,
        code: 'duplicate_column',
        message: `Dòng 1: cột «${name}» có hai lần`,
      });
    }
    seen.add(name);
  });
  for (const column of REQUIRED) {
    if (!seen.has(column)) {
      problems.push({
        path: `/lines/1/${column}`,
        code: 'missing_column',
        message: `Dòng 1: thiếu cột bắt buộc «${column}»`,
      });
    }
  }
  return problems;
}

/** Resolves and checks the rows of a file against the district's structure; `currentMonth` bounds the months. */
export function checkImport(text: string, structure: ImportStructure, currentMonth: string): ImportCheck {
  const parsed = parseCsv(text);
  if ('unclosedQuoteAt' in parsed) {
    const line = parsed.unclosedQuoteAt;
    return {
      problems: [
        { path: `/lines/${line}`, code: 'unclosed_quote', message: `Dòng ${line}: dấu ngoặc kép mở mà không đóng` },
      ],
    };
  }
  const [headerRecord, ...records] = parsed.records;
  if (!headerRecord)
    return { problems: [{ path: '/', code: 'required', message: 'Tệp trống: cần dòng tiêu đề và các dòng dữ liệu' }] };
  const header = headerRecord.values.map((name) => name.trim().toLowerCase());
  const problems = headerProblems(header);
  if (problems.length > 0) return { problems };
  if (records.length === 0)
    return { problems: [{ path: '/lines/2', code: 'required', message: 'Tệp không có dòng dữ liệu nào' }] };
  if (records.length > MAX_IMPORT_ROWS) {
    return {
      problems: [
        {
          path: '/',
          code: 'too_many_rows',
          message: `Một tệp tối đa ${MAX_IMPORT_ROWS} dòng; tệp này có ${records.length}`,
        },
      ],
    };
  }

  const context = new RowContext(structure, currentMonth);
  const rows: ImportRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const record of records) {
    const found = new RowProblems(record.line);
    const value = (column: Column) => (record.values[header.indexOf(column)] ?? '').trim();
    if (record.values.length !== header.length) {
      found.add('legacy_id', 'column_count', `có ${record.values.length} cột, dòng tiêu đề có ${header.length}`);
    }
    const row = context.row(record.line, value, found);
    const key = legacyKey(value('legacy_id'));
    const first = firstLineOf.get(key);
    if (first !== undefined && value('legacy_id') !== '') {
      found.add('legacy_id', 'duplicate', `mã «${value('legacy_id')}» đã có ở dòng ${first}`);
    } else {
      firstLineOf.set(key, record.line);
    }
    if (found.list.length > 0) problems.push(...found.list);
    else if (row) rows.push(row);
  }
  if (problems.length === 0) return { rows };
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
  if (problems.length > listed.length) {
    listed.push({
      path: '/',
      code: 'too_many_problems',
      message: `Còn ${problems.length - listed.length} lỗi khác chưa liệt kê; hãy sửa các lỗi trên rồi gửi lại`,
    });
  }
  return { problems: listed };
}

/** Resolves one row's values; each problem goes to `found`. */
class RowContext {
  private readonly zones: Lookup<Zone>;
  private readonly communes: Lookup<Commune>;
  private readonly cells: Map<string, Lookup<Cell>>;
  private readonly departments: Lookup<Department>;

  constructor(
    structure: ImportStructure,
    private readonly currentMonth: string,
  ) {
    this.zones = new Lookup(structure.zones, (zone) => nameForms(zone.name, []));
    this.communes = new Lookup(structure.communes, (commune) => nameForms(commune.name, ['xa', 'thi tran']));
    const cellsOf = new Map<string, Cell[]>(structure.communes.map((commune) => [commune.id, []]));
    for (const cell of structure.cells) cellsOf.get(cell.communeId)?.push(cell);
    this.cells = new Map(
      [...cellsOf].map(([communeId, cells]) => [
        communeId,
        new Lookup(cells, (cell) => [
          ...nameForms(cell.name, ['chi bo']),
          ...(cell.area ? nameForms(cell.area, []) : []),
        ]),
      ]),
    );
    this.departments = new Lookup(structure.departments, (department) => [
      fold(department.name),
      ...(department.shortName ? [fold(department.shortName)] : []),
    ]);
  }

  row(line: number, value: (column: Column) => string, found: RowProblems): ImportRow | undefined {
    const legacyId = this.legacyId(value('legacy_id'), found);
    const month = this.month(value('month'), found);
    const zone = this.required(value('zone'), 'zone', found) && this.zones.find(value('zone'));
    if (value('zone') !== '' && !zone) found.add('zone', 'unknown_reference', `không có khu «${value('zone')}»`);
    const commune = this.commune(value('commune'), zone || undefined, found);
    const cell = commune ? this.cell(value('cell'), commune, found) : undefined;
    const field = this.required(value('field'), 'field', found) && fieldLookup.get(fold(value('field')));
    if (value('field') !== '' && !field) {
      found.add(
        'field',
        'unknown_field',
        `không có lĩnh vực «${value('field')}»; dùng mã (agriculture…) hoặc tên lĩnh vực`,
      );
    }
    const content = this.text(value('content'), 'content', REPORT_LIMITS.content, found, true);
    const title = this.text(value('title'), 'title', REPORT_LIMITS.title, found, false);
    const addressee = this.addressee(value('addressee'), found);
    const status = value('status') === '' ? 'closed' : stateLookup.get(fold(value('status')));
    if (!status) {
      found.add(
        'status',
        'unknown_status',
        `không có trạng thái «${value('status')}»; dùng ${importStates.join(', ')}`,
      );
    }
    const answer = this.text(value('answer'), 'answer', ANSWER_LIMIT, found, false);
    const answeredOn = this.date(value('answered_on'), found);
    if (!legacyId || !month || !zone || !commune || !field || !content || !addressee || !status) return undefined;
    return {
      line,
      legacyId,
      month,
      zoneId: zone.id,
      commune,
      ...(cell && { cell }),
      field,
      title: title || titleFrom(content),
      content,
      addressee,
      status,
      ...(answer && { answer }),
      ...(answeredOn && { answeredOn }),
    };
  }

  private required(value: string, column: Column, found: RowProblems): boolean {
    if (value === '') found.add(column, 'required', 'không được để trống');
    return value !== '';
  }

  private legacyId(value: string, found: RowProblems): string | undefined {
    if (!this.required(value, 'legacy_id', found)) return undefined;
    if (LEGACY_ID.test(value)) return value;
    return found.add('legacy_id', 'invalid_format', 'chỉ gồm chữ không dấu, số và dấu gạch ngang, tối đa 40 ký tự');
  }

  private month(value: string, found: RowProblems): string | undefined {
    if (!this.required(value, 'month', found)) return undefined;
    if (!MONTH.test(value)) return found.add('month', 'invalid_format', `«${value}» không có dạng YYYY-MM (2000–2099)`);
    if (value > this.currentMonth) return found.add('month', 'future_month', `tháng ${value} chưa đến`);
    return value;
  }

  private commune(value: string, zone: Zone | undefined, found: RowProblems): Commune | undefined {
    if (!this.required(value, 'commune', found)) return undefined;
    const commune = this.communes.find(value);
    if (!commune) return found.add('commune', 'unknown_reference', `không có xã, thị trấn «${value}»`);
    if (zone && commune.zoneId !== zone.id) {
      return found.add('commune', 'not_in_zone', `«${commune.name}» không thuộc ${zone.name}`);
    }
    return commune;
  }

  private cell(value: string, commune: Commune, found: RowProblems): Cell | undefined {
    if (value === '') return undefined;
    const cell = this.cells.get(commune.id)?.find(value);
    return cell ?? found.add('cell', 'unknown_reference', `${commune.name} không có chi bộ «${value}»`);
  }

  private text(value: string, column: Column, max: number, found: RowProblems, required: boolean): string | undefined {
    if (required && !this.required(value, column, found)) return undefined;
    if (value.length > max) return found.add(column, 'too_long', `dài ${value.length} ký tự, tối đa ${max}`);
    return value === '' ? undefined : value;
  }

  private addressee(value: string, found: RowProblems): Addressee | undefined {
    if (value === '' || DISTRICT_NAMES.has(fold(value))) return { kind: 'district' };
    const department = this.departments.find(value);
    if (department) return { kind: 'department', id: department.id };
    const commune = this.communes.find(value);
    if (commune) return { kind: 'commune', id: commune.id };
    return found.add(
      'addressee',
      'unknown_reference',
      `không có ban, ngành hay xã «${value}»; để trống nếu gửi Huyện uỷ`,
    );
  }

  private date(value: string, found: RowProblems): string | undefined {
    if (value === '') return undefined;
    const match = DATE.exec(value);
    const valid = match && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
    return valid ? value : found.add('answered_on', 'invalid_format', `«${value}» không phải ngày dạng YYYY-MM-DD`);
  }
}

/** Who must act on an imported record: the level its state says, or, once closed, the one its addressee says. */
function levelOf(row: ImportRow): ProposalRecord['level'] {
  if (row.status === 'routed-commune') return 'commune';
  if (row.status === 'routed-district') return 'district';
  if (row.status === 'closed') return row.addressee.kind === 'commune' ? 'commune' : 'district';
  return null;
}

/** The record and first history entry of an imported row; `at` is the import's time, `by` who imported. */
export function importedRecord(
  row: ImportRow,
  at: string,
  by: Person,
): { record: ProposalRecord; first: HistoryEntry } {
  const status: ProposalState = row.status;
  const record: ProposalRecord = {
    id: importedProposalId(row.month, row.zoneId, row.commune.id, row.legacyId),
    number: importedProposalNumber(numberPrefix(row.month, row.zoneId), row.legacyId),
    status,
    level: levelOf(row),
    meetingId: meetingId(row.month, row.zoneId),
    month: row.month,
    zoneId: row.zoneId,
    communeId: row.commune.id,
    ...(row.cell && { cellId: row.cell.id, cellName: row.cell.name }),
    field: row.field,
    title: row.title,
    content: row.content,
    place: row.cell?.area ?? row.cell?.name ?? row.commune.name,
    addressee: row.addressee,
    source: 'import',
    // the old books name the month only: its first day, in Vietnam.
    raisedAt: new Date(`${row.month}-01T00:00:00+07:00`).toISOString(),
    legacyId: row.legacyId,
    ...(row.answer && { legacyAnswer: { text: row.answer, ...(row.answeredOn && { answeredOn: row.answeredOn }) } }),
    ...(status === 'routed-commune' && {
      assignedCommuneId: row.addressee.kind === 'commune' && row.addressee.id ? row.addressee.id : row.commune.id,
      dueMonth: addMonths(row.month, 1),
    }),
    historyCount: 1,
  };
  const first: HistoryEntry = {
    seq: 1,
    at,
    by,
    action: 'import',
    from: null,
    to: status,
    note: `Nhập từ hồ sơ cũ, mã ${row.legacyId} (dòng ${row.line})`,
  };
  return { record, first };
}
