/**
 * Generated files of the district's old records, for the import's tests and its timing: rows spread
 * over months and fields as a plan says, naming the sample district's units by id, by name with
 * diacritics and by name without them, as a clerk's spreadsheet would.
 */
import { csvLine } from '../../shared/domain/csv';
import { IMPORT_COLUMNS } from '../../shared/domain/imports/legacy-proposals';
import { type ProposalField, proposalFieldLabels } from '../../shared/domain/proposals/proposal-fields';
import type { DistrictConfig } from '../../shared/domain/structure/district-config';
import { foldDiacritics } from '../../shared/domain/text';
import { addMonths } from '../../shared/domain/time';

export const LEGACY_COLUMNS = IMPORT_COLUMNS;
export type LegacyRow = Record<(typeof LEGACY_COLUMNS)[number], string>;

/** The published figures (DOMAIN.md): 1,002 proposals since 2006 by field. */
export const PUBLISHED_FIELD_COUNTS: Record<ProposalField, number> = {
  agriculture: 246,
  'industry-infrastructure': 194,
  policy: 234,
  land: 64,
  'culture-society': 26,
  'security-defence': 24,
  'party-government': 36,
  other: 178,
};

/**
 * Months from 2006 with their counts, every second month, summing to `total`: the first month
 * holds the quietest count, the second the busiest, the others counts between the two (about
 * 20 × `scale`).
 */
export function monthPlan(total: number, quietest: number, busiest: number, scale = 1): [string, number][] {
  const between = [12, 18, 24, 15, 21, 27, 9, 20, 16, 23].map((count) => count * scale);
  const counts = [quietest, busiest];
  let left = total - quietest - busiest;
  for (let i = 0; left > 0; i++) {
    const next = between[i % between.length] as number;
    // what is left fits one month, or the next month leaves enough for one more.
    const take = left < busiest ? left : Math.min(next, left - quietest - 1);
    counts.push(take);
    left -= take;
  }
  if (counts.some((count, i) => i > 1 && (count <= quietest || count >= busiest))) {
    throw new Error(`no plan of ${total} with these bounds`);
  }
  return counts.map((count, i) => [addMonths('2006-01', 2 * i), count]);
}

/** The fields of `total` rows in the plan's proportions, interleaved so every month mixes them. */
function fieldSequence(counts: Record<ProposalField, number>): ProposalField[] {
  const left = { ...counts };
  const sequence: ProposalField[] = [];
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  while (sequence.length < total) {
    for (const field of Object.keys(left) as ProposalField[]) {
      if (left[field] > 0) {
        sequence.push(field);
        left[field]--;
      }
    }
  }
  return sequence;
}

/** Rows of the plan: `months` as [month, count], fields as counted (their sum must equal the months'). */
export function legacyRows(
  config: DistrictConfig,
  months: readonly [string, number][],
  fields: Record<ProposalField, number>,
  idPrefix = 'GL',
): LegacyRow[] {
  const sequence = fieldSequence(fields);
  const rows: LegacyRow[] = [];
  for (const [month, count] of months) {
    for (let i = 0; i < count; i++) {
      const n = rows.length;
      const field = sequence[n] as ProposalField;
      const commune = config.communes[n % config.communes.length] as DistrictConfig['communes'][number];
      const zone = config.zones.find((z) => z.id === commune.zoneId) as DistrictConfig['zones'][number];
      const cells = config.cells.filter((c) => c.communeId === commune.id);
      const cell = n % 3 === 0 ? undefined : cells[n % cells.length];
      const department = config.departments[n % config.departments.length] as DistrictConfig['departments'][number];
      const naming = n % 3;
      rows.push({
        legacy_id: `${idPrefix}-${String(n + 1).padStart(5, '0')}`,
        month,
        zone: naming === 0 ? zone.id : zone.name,
        commune: [commune.id, commune.name, foldDiacritics(commune.name).toUpperCase()][naming] as string,
        cell: cell ? (naming === 1 ? cell.id : cell.name) : '',
        field: naming === 0 ? field : proposalFieldLabels[field],
        title: n % 4 === 0 ? '' : `Kiến nghị số ${n + 1} của ${commune.name}`,
        content: `Đề nghị giải quyết dứt điểm việc số ${n + 1} tại ${cell?.name ?? commune.name}, "đã tồn tại nhiều năm", ảnh hưởng đời sống nhân dân.`,
        addressee: [department.name, '', commune.name, department.id][n % 4] as string,
        status: ['', 'closed', 'Đã kết thúc', 'routed-district', '', 'chuyển xã giải quyết'][n % 6] as string,
        answer: n % 2 === 0 ? `Đã giải quyết xong việc số ${n + 1}.` : '',
        answered_on: n % 2 === 0 ? `${addMonths(month, 1)}-15` : '',
      });
    }
  }
  return rows;
}

/** A CSV file of rows under the header, as a spreadsheet saves it. */
export function legacyCsv(rows: readonly LegacyRow[], columns: readonly string[] = LEGACY_COLUMNS): string {
  return [csvLine(columns), ...rows.map((row) => csvLine(columns.map((c) => row[c as keyof LegacyRow] ?? '')))].join(
    '',
  );
}

/** A file of one old record, numbered `legacyId`, of a cell of the sample district, closed long ago (nothing overdue to show). */
export function closedRecordFile(legacyId: string): string {
  return legacyCsv([
    {
      legacy_id: legacyId,
      month: '2006-01',
      zone: 'khu-2',
      commune: 'gia-tan',
      cell: 'gia-tan-thon-ha',
      field: 'agriculture',
      title: 'Nạo vét kênh tưới thôn Hạ',
      content: 'Kênh tưới thôn Hạ bồi lắng, đề nghị huyện hỗ trợ kinh phí nạo vét trước vụ mùa.',
      addressee: '',
      status: 'closed',
      answer: 'Huyện đã cấp kinh phí nạo vét.',
      answered_on: '2006-02-15',
    },
  ]);
}
